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

    private struct Entry {
        var version: StoreVersion
        var lagesbild: Lagesbild
        /// What was made of the lägesbild so far: its formats by exporter id, and the application's page.
        var outputs: [String: any Sendable] = [:]
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// The lägesbild for `key` at the store's `version`, compiled by `compile` when it is not kept.
    func lagesbild(_ key: Key, version: StoreVersion, compile: () throws -> Lagesbild) rethrows -> Lagesbild {
        if let kept = entries.withLock({ $0[key] }), kept.version == version { return kept.lagesbild }
        let lagesbild = try compile()
        entries.withLock { entries in
            // Entries of an older version are of no further use; beyond that, any entry may go.
            entries = entries.filter { $0.value.version == version }
            if entries.count >= capacity, let any = entries.keys.first { entries[any] = nil }
            entries[key] = Entry(version: version, lagesbild: lagesbild)
        }
        return lagesbild
    }

    /// What `make` makes of the lägesbild for `key` under the name `output` (a format: an exporter's output
    /// depends on nothing but the lägesbild and the language, which the key holds), kept with it.
    func output<Output: Sendable>(_ key: Key, version: StoreVersion, format: String, compile: () throws -> Lagesbild,
                                  export: (Lagesbild) throws -> Output) throws -> (lagesbild: Lagesbild, data: Output) {
        let lagesbild = try lagesbild(key, version: version, compile: compile)
        if let kept = entries.withLock({ $0[key]?.version == version ? $0[key]?.outputs[format] : nil }) as? Output { return (lagesbild, kept) }
        let data = try export(lagesbild)
        entries.withLock { entries in
            if entries[key]?.version == version { entries[key]?.outputs[format] = data }
        }
        return (lagesbild, data)
    }

    /// Forgets every entry (the kommun files were reloaded).
    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
