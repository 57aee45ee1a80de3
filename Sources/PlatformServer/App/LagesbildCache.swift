import Foundation
import Platform
import Synchronization

/// Compiled lägesbilder, kept while the store does not change: on a Monday morning the whole team opens the
/// same week, and a lägesbild of a past week changes only when a report comes in. An entry is used only
/// for the same kommun, day, period, area, language and parts, and only while the store's version is the
/// one it was compiled at; reloading the kommun files empties it (`removeAll`).
final class LagesbildCache: Sendable {
    struct Key: Hashable, Sendable {
        var kommun: String
        var lagesbild: String?
        var period: Period
        var area: String?
        var language: Language
        var parts: Lagesbild.Parts
        var today: CalendarDate
    }

    private let entries = Mutex<[Key: (version: ReportStore.Version, lagesbild: Lagesbild)]>([:])
    private let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// The lägesbild for `key` at the store's `version`, compiled by `compile` when it is not kept.
    func lagesbild(_ key: Key, version: ReportStore.Version, compile: () throws -> Lagesbild) rethrows -> Lagesbild {
        if let kept = entries.withLock({ $0[key] }), kept.version == version { return kept.lagesbild }
        let lagesbild = try compile()
        entries.withLock { entries in
            // Entries of an older version are of no further use; beyond that, any entry may go.
            entries = entries.filter { $0.value.version == version }
            if entries.count >= capacity, let any = entries.keys.first { entries[any] = nil }
            entries[key] = (version, lagesbild)
        }
        return lagesbild
    }

    /// Forgets every entry (the kommun files were reloaded).
    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
