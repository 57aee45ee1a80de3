import Foundation

/// Instants as the store keeps them and `PLATFORM_NOW` gives them: ISO 8601 in UTC to the second
/// (`2026-11-24T12:00:00Z`); reading also takes an offset (`+01:00`) or fractional seconds.
///
/// Foundation's `Date.ISO8601FormatStyle` rather than `ISO8601DateFormatter`: the same text, without the
/// ICU formatter behind the latter, whose creation and parsing cost ~30 µs a call (measured), once per
/// reporter in every lägesbild.
public enum Timestamp {
    /// `2026-11-24T12:00:00Z`.
    public static func text(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// The instant `text` names, or nil when it is not ISO 8601 with a time and a zone.
    public static func date(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
