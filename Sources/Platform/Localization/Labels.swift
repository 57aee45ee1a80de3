extension Lagesbild.Status {
    /// `grön`, `green`.
    public func label(_ language: Language) -> String {
        switch self {
        case .green: language.pick("grön", "green")
        case .yellow: language.pick("gul", "yellow")
        case .orange: language.pick("orange", "orange")
        case .red: language.pick("röd", "red")
        }
    }
}

extension Period {
    /// `vecka 47 2026`, `vecka 47–48 2026`, `november 2026`, `tertial 3 2026`, `kvartal 4 2026`,
    /// `halvår 1 2026`, `2026`; in English `week 47 2026`, `weeks 47–48 2026` and so on.
    public func label(_ language: Language) -> String {
        let year = String(year)
        switch kind {
        case .year: return year
        case .month: return "\(Self.monthNames(language)[ordinal - 1]) \(year)"
        default: return "\(shortLabel(language, longNames: true)) \(year)"
        }
    }

    /// The period without its year, for chart axes: `v. 47`, `v. 47–48`, `nov`, `T3`, `kv. 4`, `H1`, `2026`;
    /// with `longNames`, the words of `label` (`vecka 47`, `tertial 3`).
    public func shortLabel(_ language: Language, longNames: Bool = false) -> String {
        let n = ordinal
        switch (kind.unit, kind.length) {
        case (.week, 1): return longNames ? language.pick("vecka \(n)", "week \(n)") : language.pick("v. \(n)", "wk \(n)")
        case (.week, _):
            let weeks = "\(n)–\(start.adding(days: 7).isoWeek.week)"
            return longNames ? language.pick("vecka \(weeks)", "weeks \(weeks)") : language.pick("v. \(weeks)", "wk \(weeks)")
        case (.month, 1): return String(Self.monthNames(language)[n - 1].prefix(3))
        case (.month, 3): return longNames ? language.pick("kvartal \(n)", "quarter \(n)") : language.pick("kv. \(n)", "Q\(n)")
        case (.month, 4): return longNames ? "tertial \(n)" : "T\(n)"
        case (.month, 6): return longNames ? language.pick("halvår \(n)", "half-year \(n)") : "H\(n)"
        default: return String(year)
        }
    }

    private static func monthNames(_ language: Language) -> [String] {
        language.pick(["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
                      ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])
    }
}

extension Period.Kind {
    /// `vecka`, `två veckor`, `månad`, `tertial`, `kvartal`, `halvår`, `år`; English `week`, `two weeks` …
    public func label(_ language: Language) -> String {
        switch name {
        case "week": language.pick("vecka", "week")
        case "two-weeks": language.pick("två veckor", "two weeks")
        case "month": language.pick("månad", "month")
        case "tertial": "tertial"
        case "quarter": language.pick("kvartal", "quarter")
        case "half-year": language.pick("halvår", "half-year")
        default: language.pick("år", "year")
        }
    }
}

extension Language {
    /// A number as people write it: no decimals for whole numbers, else one or two, with a decimal comma
    /// in Swedish.
    public func number(_ value: Double, decimals: Int = 1) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        var text = String((value * scale).rounded() / scale)
        if self == .sv { text = String(text.map { $0 == "." ? "," : $0 }) }
        return text
    }

    /// A number, or `–` for no data (a period without reports), which is not 0.
    public func number(_ value: Double?, decimals: Int = 1) -> String {
        value.map { number($0, decimals: decimals) } ?? "–"
    }

    /// A number, or `ingen data` / `no data` in running text.
    public func numberInText(_ value: Double?) -> String {
        value.map { number($0) } ?? pick("ingen data", "no data")
    }
}

extension Lagesbild.Timeliness {
    /// `i tid`, `on time`.
    public func label(_ language: Language) -> String {
        switch self {
        case .onTime: language.pick("i tid", "on time")
        case .late: language.pick("sent", "late")
        case .missing: language.pick("saknas", "missing")
        case .pending: language.pick("inte ännu", "not yet")
        }
    }
}

extension ActivityList.Item.Status {
    /// `pågår`, `ongoing`.
    public func label(_ language: Language) -> String {
        label(language, swedish: [.proposed: "föreslagen", .decided: "beslutad", .ongoing: "pågår", .done: "genomförd"])
    }
}

extension Area.Kind {
    /// `ort`, `område`, `plats` (`orter`, `områden`, `platser` in the plural); in English `ort`, `district`, `place`.
    public func label(_ language: Language, plural: Bool = false) -> String {
        let (sv, svPlural) = switch self {
        case .ort: ("ort", "orter")
        case .district: ("område", "områden")
        case .place: ("plats", "platser")
        }
        return language.pick(plural ? svPlural : sv, plural ? (self == .ort ? "orter" : rawValue + "s") : rawValue)
    }
}

extension Intervention.Status {
    /// `beslutad`, `decided`.
    public func label(_ language: Language) -> String {
        label(language, swedish: [.proposed: "föreslagen", .decided: "beslutad", .ended: "avslutad"])
    }
}

extension InterventionEvent.Kind {
    /// `föreslagen`, `proposed`: what happened, for a history line.
    public func label(_ language: Language) -> String {
        label(language, swedish: [.proposed: "föreslagen", .decided: "beslutad", .followUp: "uppföljd"])
    }
}

extension RawRepresentable where Self: Hashable, RawValue == String {
    /// The Swedish word for this case from `swedish`, or in English the raw value (the file's own keyword).
    func label(_ language: Language, swedish: [Self: String]) -> String {
        language.pick(swedish[self] ?? rawValue, rawValue)
    }
}

extension Reporter.Source {
    /// `Observationer`, `Statistik`, `Allmänheten`; in English `Observations`, `Statistics`, `The public`.
    public func label(_ language: Language) -> String {
        switch self {
        case .observations: language.pick("Observationer", "Observations")
        case .statistics: language.pick("Statistik", "Statistics")
        case .public: language.pick("Allmänheten", "The public")
        }
    }
}
