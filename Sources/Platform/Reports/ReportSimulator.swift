import Foundation

/// Synthetic reports drawn from a kommun's own file, for demos, tests and benchmarks.
///
/// Events follow a Poisson process per area, indicator and day, with more on Friday and Saturday evenings
/// and in summer, rarer for heavier-weighted (more severe) indicators, rising over time in a few areas,
/// and attributed to reporters of whom a few are quiet (they skip most weeks). Indicators measured as a
/// level get a weekly checklist answer. A statistics reporter (police-reported crimes) delivers a month's
/// counts per area and count indicator, dated by the month (`2026-10`), on the first day of the next month;
/// public reporters deliver nothing here. Each day's random numbers come from the seed and the date alone,
/// so the same seed gives the same rows for a day whatever range is simulated, byte for byte.
public struct ReportSimulator: Sendable {
    /// The header of the CSV it writes.
    public static let columns: [ReportColumn] = [.date, .time, .reporter, .area, .indicator, .value, .place, .lat, .lon, .note, .id]

    /// A planted change: from `from` on, the rate of `indicator` in `area` is multiplied by `factor`
    /// (0.4 is a 60 % drop). Used to test that an analysis finds an effect that is known to be there.
    public struct Effect: Sendable, Hashable {
        public var area: String
        public var indicator: String
        public var from: CalendarDate
        public var factor: Double

        /// An effect; see the type's description.
        public init(area: String, indicator: String, from: CalendarDate, factor: Double) {
            self.area = area
            self.indicator = indicator
            self.from = from
            self.factor = factor
        }

        /// Reads `AREA:INDICATOR:FROM_DATE:FACTOR`, e.g. `lysekil-centrum:klotter:2026-04-01:0.4`.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, !parts[0].isEmpty, !parts[1].isEmpty, let from = CalendarDate(iso: parts[2]),
                  let factor = Double(parts[3]), factor >= 0 else { return nil }
            self.init(area: parts[0], indicator: parts[1], from: from, factor: factor)
        }
    }

    public let config: KommunConfig
    public let seed: UInt64
    /// Multiplies every rate; 1 is a realistic volume.
    public let intensity: Double
    /// Areas whose events rise by 35 % a year.
    public let risingAreas: [String]
    /// Reporters who report in only about a third of the weeks.
    public let quietReporters: [String]
    /// Planted changes; none leaves every row as it would be without them.
    public let effects: [Effect]

    private let areas: [Area]
    private let areaWeights: [Double]
    /// The reporters who observe: events and checklist answers are theirs.
    private let observers: [String]
    private let affinity: [[Double]]

    public init(config: KommunConfig, seed: UInt64, intensity: Double = 1, effects: [Effect] = []) {
        self.config = config
        self.effects = effects
        self.seed = seed
        self.intensity = intensity
        var rng = SplitMix64(seed: seed ^ 0x5EED)
        areas = config.allAreas
        areaWeights = areas.map { area in (area.kind == .place ? 1.0 : 0.6) * (0.5 + rng.nextDouble()) }
        let risingCount = min(2, areas.count)
        risingAreas = Array(areas.map(\.id).shuffled(using: &rng).prefix(risingCount))
        let reporters = config.reporters.filter(\.expected).map(\.organisation)
        quietReporters = Array(reporters.dropFirst().shuffled(using: &rng).prefix(reporters.count >= 4 ? 2 : min(1, reporters.count - 1)))
        observers = config.reporters.filter { $0.source == .observations }.map(\.organisation)
        affinity = observers.map { _ in config.checklist.indicators.map { _ in 0.1 + rng.nextDouble() } }
    }

    /// Every row from `from` to `to`, in date order, as CSV fields (header first).
    public func rows(from: CalendarDate, to: CalendarDate, _ emit: ([String]) -> Void) {
        emit(Self.columns.map(\.rawValue))
        guard from <= to, !config.reporters.isEmpty else { return }
        var day = from
        while day <= to {
            if day.day == 1 { statistics(month: Period(containing: day.adding(days: -1), kind: .month), emit) }
            if day.isoWeekday == 1 { weeklyAnswers(week: Period(containing: day, kind: .week), emit) }
            events(on: day, emit)
            day = day.adding(days: 1)
        }
    }

    private func events(on day: CalendarDate, _ emit: ([String]) -> Void) {
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(day.dayNumber)))
        let weekdayFactor = [1: 0.8, 2: 0.8, 3: 0.9, 4: 1.0, 5: 1.5, 6: 1.7, 7: 1.1][day.isoWeekday]!
        let dayOfYear = day.dayNumber - CalendarDate(year: day.year, month: 1, day: 1)!.dayNumber
        let season = 1 + 0.3 * cos(Double(dayOfYear - 196) / 365 * 2 * Double.pi)
        let years = Double(day.dayNumber - CalendarDate(year: 2025, month: 1, day: 1)!.dayNumber) / 365.25
        let week = Period(containing: day, kind: .week)
        var counter = 0, plantedCounter = 0
        for (areaIndex, area) in areas.enumerated() {
            let trend = risingAreas.contains(area.id) ? max(0.5, pow(1.35, years)) : 1
            for (indicatorIndex, indicator) in config.checklist.indicators.enumerated() where indicator.measure == .count {
                let rate = 0.035 / indicator.weight * areaWeights[areaIndex] * weekdayFactor * season * trend * intensity
                let factor = effects.reduce(1.0) { factor, effect in
                    effect.area == area.id && effect.indicator == indicator.id && day >= effect.from ? factor * effect.factor : factor
                }
                // A planted effect draws from its own stream, so every other cell keeps exactly its rows.
                var planted = SplitMix64(seed: seed ^ UInt64(bitPattern: Int64(day.dayNumber)) &* 0xA24B_AED4_963E_E407
                    ^ UInt64(areaIndex << 16 | indicatorIndex))
                let count = rng.poisson(rate)
                for index in 0..<max(count, factor > 1 ? count + planted.poisson(rate * (factor - 1)) : 0) {
                    // Each event of the cell is drawn as without the effect, then kept with probability `factor`.
                    let extra = index >= count
                    let keep = factor >= 1 || planted.nextDouble() < factor
                    let reporterIndex = extra ? planted.weightedIndex(affinity.map { $0[indicatorIndex] })
                        : rng.weightedIndex(affinity.map { $0[indicatorIndex] })
                    let reporter = observers[reporterIndex]
                    guard isActive(reporter, in: week) else { continue }
                    // Added events are numbered apart, so the other rows keep their ids.
                    if extra {
                        plantedCounter += 1
                        emit(eventRow(day: day, area: area, indicator: indicator, reporter: reporter,
                                      number: Self.plantedNumbers + plantedCounter, rng: &planted))
                        continue
                    }
                    counter += 1
                    let row = eventRow(day: day, area: area, indicator: indicator, reporter: reporter, number: counter, rng: &rng)
                    if keep { emit(row) }
                }
            }
        }
    }

    private func eventRow(day: CalendarDate, area: Area, indicator: Indicator, reporter: String, number: Int,
                          rng: inout SplitMix64) -> [String] {
        let hour = Self.hours[rng.weightedIndex(Self.hourWeights)]
        let time = TimeOfDay(hour: hour, minute: Int(rng.next() % 4) * 15)
        let value = rng.nextDouble() < 0.85 ? 1 : 2 + Int(rng.next() % 3)
        let place = rng.nextDouble() < 0.3 ? Self.places[Int(rng.next() % UInt64(Self.places.count))] : ""
        let notes = Self.notes.first { indicator.id.contains($0.key) }?.notes ?? Self.genericNotes
        let note = rng.nextDouble() < 0.15 ? notes[Int(rng.next() % UInt64(notes.count))] : ""
        var lat = "", lon = ""
        if let location = area.location {
            lat = Self.coordinate(location.lat + (rng.nextDouble() - 0.5) * 0.004)
            lon = Self.coordinate(location.lon + (rng.nextDouble() - 0.5) * 0.008)
        }
        // Letters between the numbers: `sim1-20261101-1234` has the very shape of a personnummer
        // (YYYYMMDD-NNNN), which the privacy guard refuses in an id.
        let id = "sim\(seed)-d\(day.year)\(CalendarDate.pad(day.month, 2))\(CalendarDate.pad(day.day, 2))-n\(number)"
        return [day.description, time.description, reporter, area.id, indicator.id, String(value), place, lat, lon, note, id]
    }

    /// Each active reporter rates every level indicator for two areas each week.
    private func weeklyAnswers(week: Period, _ emit: ([String]) -> Void) {
        let levels = config.checklist.indicators.filter { $0.measure == .level }
        guard !levels.isEmpty, !areas.isEmpty else { return }
        var rng = SplitMix64(seed: seed &* 0xD1B5_4A32_D192_ED03 ^ UInt64(bitPattern: Int64(week.start.dayNumber)))
        for reporter in observers where isActive(reporter, in: week) {
            for indicator in levels {
                guard let scale = indicator.scale else { continue }
                for slot in 0..<2 {
                    let area = areas[Int(rng.next() % UInt64(areas.count))]
                    let level = min(scale.max, scale.min + rng.poisson(risingAreas.contains(area.id) ? 1.6 : 0.7))
                    let id = "sim\(seed)-\(week)-\(reporter)-\(indicator.id)-\(slot)"
                    emit([week.description, "", reporter, area.id, indicator.id, String(level), "", "", "", "", id])
                }
            }
        }
    }

    /// Each statistics reporter's counts for `month`, per area and count indicator (zeros included): about
    /// half of what is observed is reported to the police.
    private func statistics(month: Period, _ emit: ([String]) -> Void) {
        let days = Double(month.end.dayNumber - month.start.dayNumber + 1)
        for reporter in config.reporters where reporter.source == .statistics {
            var rng = SplitMix64(seed: seed &* 0x94D0_49BB_1331_11EB ^ UInt64(bitPattern: Int64(month.start.dayNumber))
                ^ Self.hash(reporter.organisation))
            for (areaIndex, area) in areas.enumerated() {
                for indicator in config.checklist.indicators where indicator.measure == .count {
                    let count = rng.poisson(0.5 * 0.035 / indicator.weight * areaWeights[areaIndex] * days * intensity)
                    let id = "sim\(seed)-\(month)-\(reporter.organisation)-\(area.id)-\(indicator.id)"
                    emit([month.description, "", reporter.organisation, area.id, indicator.id, String(count), "", "", "", "", id])
                }
            }
        }
    }

    /// Quiet reporters report in about a third of the weeks; the others every week.
    private func isActive(_ reporter: String, in week: Period) -> Bool {
        guard quietReporters.contains(reporter) else { return true }
        var rng = SplitMix64(seed: seed ^ UInt64(bitPattern: Int64(week.start.dayNumber)) ^ Self.hash(reporter))
        return rng.nextDouble() < 0.35
    }

    /// A reporter's id as a number, for seeding its own random stream.
    private static func hash(_ id: String) -> UInt64 {
        id.utf8.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) }
    }

    /// Where the numbers of events added by a planted effect start, above any day's own events.
    private static let plantedNumbers = 1_000_000
    private static let hours = Array(0...23)
    private static let hourWeights: [Double] = [5, 4, 2, 1, 0.5, 0.5, 1, 1.5, 2, 2, 2, 2, 2, 2, 2.5, 3, 4, 6, 7, 8, 9, 9, 8, 6]
    private static let places = ["vid busshållplatsen", "skolgården", "vid centrumhuset", "parkeringen", "gångtunneln",
                                 "lekplatsen", "vid idrottsplatsen", "trappuppgången", "vid hamnen", "cykelbanan"]
    /// Notes that fit an indicator whose id contains the key; others get the generic ones.
    private static let notes: [(key: String, notes: [String])] = [
        ("klotter", ["Klotter på elskåp", "Taggar på busskuren", "Sanerat samma dag"]),
        ("skadegorelse", ["Krossat glas på marken", "Sönderslagen papperskorg", "Anmält till fastighetsägaren"]),
        ("nedskrapning", ["Nedskräpning efter helgen", "Överfulla papperskorgar"]),
        ("brand", ["Brand i container, släckt av räddningstjänsten", "Eldat i papperskorg"]),
        ("ungdom", ["Gruppen skingrades när personal kom", "Fältare på plats", "Högljudd grupp sent på kvällen"]),
        ("trafik", ["Mopeder på gång- och cykelbanan", "Bil körde på torget"]),
        ("drog", ["Misstänkt försäljning vid entrén", "Polisen underrättad"]),
        ("otrygg", ["Trasig belysning gör platsen otrygg", "Skymd sikt vid gångtunneln"]),
    ]
    private static let genericNotes = ["Polisen underrättad", "Återkommande problem", "Anmält till fastighetsägaren"]

    private static func coordinate(_ value: Double) -> String {
        String(Double(Int((value * 100_000).rounded())) / 100_000)
    }
}
