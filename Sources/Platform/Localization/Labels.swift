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
    /// `vecka 47 2026`, `november 2026`, `kvartal 4 2026`, `2026`; in English `week 47 2026` and so on.
    public func label(_ language: Language) -> String {
        switch self {
        case let .week(year, week): return language.pick("vecka \(week) \(year)", "week \(week) \(year)")
        case let .month(year, month):
            let sv = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
            let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            return language.pick("\(sv[month - 1]) \(year)", "\(en[month - 1]) \(year)")
        case let .quarter(year, quarter): return language.pick("kvartal \(quarter) \(year)", "quarter \(quarter) \(year)")
        case let .year(year): return "\(year)"
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
