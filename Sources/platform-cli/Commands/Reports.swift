import ArgumentParser
import Platform

extension Period: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

struct Reports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Show what is stored for a kommun and period, per reporter and indicator.",
        discussion: """
            Reporters that recorded nothing to report (`report nothing`) and reporters the kommun expects that \
            stored nothing in the period are listed at the end. For a kommun \
            with statistics or public reporters each line also shows its source, and a statistic dated by a \
            period (2026-11) is listed when that period lies within --period.
            """
    )

    @Argument(help: "The kommun's id.")
    var kommun: String

    @Option(help: "The period: 2026-W47, 2026-11, 2026-Q4 or 2026.")
    var period: Period

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        let language = languageOption.resolved(for: config)
        let store = try storeOptions.reading()
        let totals = try store.totals(kommun: config.id, period: period)
        print("\(config.kommun.name), \(period) (\(period.start)–\(period.end))")
        // A count shows its sum; a level its highest answer, never a sum of answers. The source column only for
        // a kommun whose reporters do not all deliver observations.
        let showsSource = config.reporters.contains { $0.source != .observations }
        let rows = totals.map { total in
            let indicator = config.checklist.indicator(total.indicator)
            let isLevel = indicator?.measure == .level
            return [config.partyName(total.reporter), indicator?.name.text(language) ?? total.indicator, String(total.rows),
                    isLevel ? "–" : String(total.total), isLevel ? String(total.highest) : "–"]
                + (showsSource ? [([total.source.label(language).lowercased()] + total.periods).joined(separator: " ")] : [])
        }
        let header = [language.pick("rapportör", "reporter"), language.pick("indikator", "indicator"),
                      language.pick("rader", "rows"), language.pick("summa", "total"), language.pick("högsta nivå", "highest level")]
            + (showsSource ? [language.pick("källa", "source")] : [])
        print(TextTable.render(header: header, rows: rows), terminator: "")
        // A reporter that recorded "inget att rapportera" for the period reported, with no rows.
        let nothing = try store.reporterActivity(kommun: config.id, from: period.start, to: period.end).filter(\.nothingToReport).map(\.reporter)
        let reported = Set(totals.map(\.reporter) + nothing)
        let quiet = nothing.filter { reporter in !totals.contains { $0.reporter == reporter } }
        if !quiet.isEmpty {
            print(language.pick("Inget att rapportera: ", "Nothing to report: ") + quiet.map { config.partyName($0) }.joined(separator: ", "))
        }
        let silent = config.reporters.filter { $0.expected && !reported.contains($0.organisation) }
        if !silent.isEmpty {
            print(language.pick("Inga rapporter från: ", "No reports from: ") + silent.map { config.partyName($0.organisation) }.joined(separator: ", "))
        }
    }
}
