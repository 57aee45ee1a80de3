import Platform

/// Builds the HTML page of a lägesbild, section by section, line by line into one text. Every text that
/// comes from the lägesbild (names, notes, places) is escaped where it is written; the output depends on
/// nothing but the lägesbild and the language, so the same input always gives the same bytes.
///
/// A class, not a struct: the sections' closures (`rows.map { e($0.name) }`) capture the report, and a
/// struct would be copied into each of them, the whole lägesbild with it (4 % of an HTML run's instructions).
final class HTMLReport {
    let lagesbild: Lagesbild
    let language: Language
    /// The cells of count indicators (levels are not summed).
    let countCells: [Lagesbild.Cell]
    /// The count cells' values summed per area, in cell order.
    private let eventsByArea: [String: Double]
    /// The page so far (unchecked for exclusive access: only the report's own methods append to it, one at
    /// a time, on one thread).
    @exclusivity(unchecked) private var output = ""

    init(lagesbild: Lagesbild, language: Language) {
        self.lagesbild = lagesbild
        self.language = language
        // As `lagesbild.indicator(_:)`: the first indicator with an id decides its measure.
        let measures = Dictionary(lagesbild.indicators.map { ($0.id, $0.measure) }, uniquingKeysWith: { first, _ in first })
        countCells = lagesbild.cells.filter { measures[$0.indicator] == "count" }
        var events: [String: Double] = [:]
        for cell in countCells { events[cell.area, default: 0] += cell.value }
        eventsByArea = events
    }

    /// The page's sections, in order: their ids (link targets) and headings.
    enum Section: String, CaseIterable {
        case summary, map, heatMap = "heat-map", hotspots, new, rising, sources, recurring, indicators, trends, scores, reporting, notes,
             interventions, nextPeriod = "next-period", feedback, methods

        func title(_ language: Language) -> String {
            switch self {
            case .summary: language.pick("I korthet", "At a glance")
            case .map: language.pick("Karta", "Map")
            case .heatMap: language.pick("Läget per område och indikator", "Areas and indicators")
            case .hotspots: language.pick("Hotspots", "Hotspots")
            case .new: language.pick("Nytt denna period", "New this period")
            case .rising: language.pick("Stigande (orange och röd)", "Rising (orange and red)")
            case .sources: language.pick("Andra källor", "Other sources")
            case .recurring: language.pick("Återkommande platser", "Recurring places")
            case .indicators: language.pick("Indikatorer mot baslinjen", "Indicators against the baseline")
            case .trends: language.pick("Utveckling per område", "Trends per area")
            case .scores: language.pick("Områden efter poäng", "Areas by score")
            case .reporting: language.pick("Rapportering", "Reporting")
            case .notes: language.pick("Noteringar", "Notes")
            case .interventions: language.pick("Insatser och prioriteringar", "Interventions and priorities")
            case .nextPeriod: language.pick("Nästa period", "Next period")
            case .feedback: language.pick("Återkoppling", "Feedback")
            case .methods: language.pick("Så är siffrorna gjorda", "How the numbers are made")
            }
        }
    }

    /// The whole page.
    func render() -> String {
        append("<!DOCTYPE html>")
        append("<html lang=\"\(language.rawValue)\">")
        append("<head>")
        append("<meta charset=\"utf-8\">")
        append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        append("<title>\(e(title))</title>")
        append("<style>")
        append(HTMLStyleSheet.css(maxDepth: lagesbild.areas.map(\.depth).max() ?? 0))
        if let colours = HTMLStyleSheet.statusColours(lagesbild.statusScale) { append(colours) }
        append("</style>")
        append("</head>")
        append("<body>")
        masthead()
        contents()
        append("<main>")
        summary()
        map()
        heatMap()
        hotspots()
        newCells()
        rising()
        otherSources()
        recurring()
        indicatorChart()
        trends()
        scores()
        completeness()
        notes()
        interventions()
        nextPeriod()
        feedback()
        methods()
        append("</main>")
        footer()
        append("</body>")
        append("</html>")
        return output
    }

    // MARK: Building blocks

    func t(_ sv: String, _ en: String) -> String { language.pick(sv, en) }
    func n(_ value: Double) -> String { language.number(value) }
    func n(_ value: Double?) -> String { language.number(value) }
    func e(_ text: String) -> String { text.htmlEscaped }

    /// A change with its sign, to one decimal: `+2,8`, `−1,5`, `0`; `–` without a baseline.
    func signed(_ value: Double?) -> String {
        guard let value else { return "–" }
        let rounded = (abs(value) * 10).rounded() / 10
        if rounded == 0 { return "0" }
        return (value > 0 ? "+" : "−") + n(rounded)
    }

    var periodLabel: String { Period(lagesbild.period.id)?.label(language) ?? lagesbild.period.id }

    /// `hela kommunen`, or for one area's lägesbild `hela Vivalla`; `the whole kommun`, `all of Vivalla`.
    var wholeScope: String {
        lagesbild.area.map { t("hela \($0.name)", "all of \($0.name)") } ?? t("hela kommunen", "the whole kommun")
    }

    var title: String { t("Lägesbild", "Situation picture") + " \(lagesbild.subjectName), \(periodLabel)" }

    /// The events of count indicators in an area this period.
    func events(in area: String) -> Double { eventsByArea[area] ?? 0 }

    /// Appends a whole line.
    func append(_ line: String) {
        output += line
        output += "\n"
    }

    /// Appends part of a line; `append` ends it.
    func write(_ part: String) { output += part }

    /// A wide table's box, which scrolls sideways on a phone: focusable and named, so that it can be
    /// scrolled with the keyboard too (WCAG 2.1.1; axe's scrollable-region-focusable).
    func openScrollable(_ name: String) {
        append("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"\(e(name))\">")
    }

    func open(_ section: Section) {
        append("<section id=\"\(section.rawValue)\" aria-labelledby=\"\(section.rawValue)-heading\">")
        append("<h2 id=\"\(section.rawValue)-heading\">\(e(section.title(language)))</h2>")
    }

    func close() { append("</section>") }

    /// A paragraph of plain text.
    func paragraph(_ text: String, className: String? = nil) {
        append("<p\(className.map { " class=\"\($0)\"" } ?? "")>\(e(text))</p>")
    }

    /// A data table: a caption, column headings, and rows whose first cell heads its row. Row cells are
    /// HTML (escape text with `e`); columns in `numeric` are right-aligned; `rowClasses`, when given, has
    /// a class for each row.
    func table(_ caption: String, _ header: [String], _ rows: [[String]], numeric: Set<Int> = [], rowClasses: [String]? = nil) {
        append("<table class=\"data\">")
        append("<caption>\(e(caption))</caption>")
        write("<thead><tr>")
        for (index, title) in header.enumerated() {
            write(numeric.contains(index) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            write(e(title))
            write("</th>")
        }
        append("</tr></thead>")
        append("<tbody>")
        for (rowIndex, row) in rows.enumerated() {
            write("<tr")
            if let rowClasses {
                write(" class=\"")
                write(rowClasses[rowIndex])
                write("\"")
            }
            write(">")
            for (index, html) in row.enumerated() {
                write(index == 0 ? "<th scope=\"row\"" : "<td")
                write(numeric.contains(index) ? " class=\"num\">" : ">")
                write(html)
                write(index == 0 ? "</th>" : "</td>")
            }
            append("</tr>")
        }
        append("</tbody>")
        append("</table>")
    }

    /// The sign of a status that does not depend on colour: no mark for green, then ▲, ▲▲, ▲▲▲.
    static func marker(_ status: Lagesbild.Status) -> String {
        switch status {
        case .green: ""
        case .yellow: "▲"
        case .orange: "▲▲"
        case .red: "▲▲▲"
        }
    }

    /// A status as a coloured badge with its marker and word.
    func badge(_ status: Lagesbild.Status) -> String {
        let marker = Self.marker(status)
        return "<span class=\"badge s-\(status.rawValue)\">"
            + (marker.isEmpty ? "" : "<span aria-hidden=\"true\">\(marker)</span> ") + e(lagesbild.statusName(status)) + "</span>"
    }

    // MARK: Head of the page

    private func masthead() {
        let period = lagesbild.period
        append("<header class=\"masthead\">")
        append("<p class=\"kicker\">\(e(lagesbild.kommun.name)) · \(e(lagesbild.kommun.lan))</p>")
        append("<h1>\(e(t("Lägesbild", "Situation picture"))) <span class=\"where\">\(e(lagesbild.subjectName)), \(e(periodLabel))</span></h1>")
        let span = baselineSpan
        paragraph(t("Period", "Period") + ": \(period.start) – \(period.end) (\(period.id)). "
            + t("Jämförs med föregående period \(period.previous), samma period förra året \(period.lastYear) och baslinjen \(span).",
                "Compared with the previous period \(period.previous), the same period last year \(period.lastYear) and the baseline \(span)."),
            className: "period")
        var roles = [(t("Sammanställd av", "Compiled by"), lagesbild.distribution.compiledBy.name)]
        if let analysed = lagesbild.distribution.analysedBy { roles.append((t("Analyseras av", "Analysed by"), analysed.name)) }
        if let readBy = lagesbild.distribution.readBy { roles.append((t("Läses av", "Read by"), readBy.name)) }
        append("<dl class=\"roles\">" + roles.map { "<div><dt>\(e($0.0))</dt><dd>\(e($0.1))</dd></div>" }.joined() + "</dl>")
        append("</header>")
    }

    private var baselineSpan: String {
        guard let first = lagesbild.period.baselinePeriods.first, let last = lagesbild.period.baselinePeriods.last else { return "" }
        return "\(first)–\(last)"
    }

    private func contents() {
        append("<nav class=\"toc\" aria-label=\"\(e(t("Innehåll", "Contents")))\">")
        // Other sources only for a kommun that has them, the map only when an area has coordinates.
        let sections = Section.allCases.filter { ($0 != .sources || lagesbild.sources != nil) && ($0 != .map || hasMap) }
        append("<ol>" + sections.map { "<li><a href=\"#\($0.rawValue)\">\(e($0.title(language)))</a></li>" }.joined() + "</ol>")
        append("</nav>")
    }

    private func footer() {
        append("<footer>")
        paragraph(title + ". " + t("Sammanställd av", "Compiled by") + " \(lagesbild.distribution.compiledBy.name). "
            + t("Skapad av Trygghetsplattformen (EST).", "Made by the Trygghet platform (EST)."))
        append("</footer>")
    }
}
