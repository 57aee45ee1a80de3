extension Cadence {
    /// A short description such as `varje vecka, måndag 09:00, 1h` or `2 gånger per år, halvdag`.
    public func summary(_ language: Language) -> String {
        var parts = [ruleSummary(language)]
        if let weekday { parts.append(weekday.name(language)) }
        if let time { parts.append(time.description) }
        if let duration {
            parts.append(duration.description == "half-day" ? language.pick("halvdag", "half day") : duration.description)
        }
        return parts.joined(separator: ", ")
    }

    private func ruleSummary(_ language: Language) -> String {
        switch rule {
        case .every(let frequency, let interval):
            return frequency.summary(interval: interval, language)
        case .timesPerYear(let times):
            return language.pick("\(times) gånger per år", "\(times) times a year")
        case .rrule(let rule):
            return "RRULE \(rule)"
        }
    }
}

extension Cadence.Frequency {
    /// `varje vecka`, `varannan månad`, `var 3:e vecka`, `varje tertial`; `every week`, `every 2 months`.
    func summary(interval: Int, _ language: Language) -> String {
        if self == .twoWeekly { return Self.weekly.summary(interval: 2 * interval, language) }
        let (sv, svOther, en) = switch self {
        case .daily: ("varje dag", "dag", "day")
        case .weekly, .twoWeekly: ("varje vecka", "vecka", "week")
        case .monthly: ("varje månad", "månad", "month")
        case .quarterly: ("varje kvartal", "kvartal", "quarter")
        case .tertial: ("varje tertial", "tertial", "tertial")
        case .halfYearly: ("varje halvår", "halvår", "half-year")
        case .yearly: ("varje år", "år", "year")
        }
        if interval == 1 { return language.pick(sv, "every \(en)") }
        let neuter = self == .quarterly || self == .halfYearly || self == .yearly  // ett kvartal, ett halvår, ett år
        let every = interval == 2 ? (neuter ? "vartannat" : "varannan") : (neuter ? "vart" : "var") + " \(interval):e"
        return language.pick("\(every) \(svOther)", "every \(interval) \(en)s")
    }
}

extension Weekday {
    /// `måndag`, `Monday`.
    public func name(_ language: Language) -> String {
        let sv = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
        let index = Self.allCases.firstIndex(of: self)!
        return language.pick(sv[index], rawValue.prefix(1).uppercased() + rawValue.dropFirst())
    }
}
