import Platform

/// The charts: each indicator against its baseline as a bar chart followed by its data table, and each
/// area's last 12 periods as a table of numbers ending in a trend line.
extension HTMLReport {
    func indicatorChart() {
        open(.indicators)
        let counts = lagesbild.indicatorTotals.filter { lagesbild.indicator($0.indicator)?.measure == "count" }
        if counts.isEmpty {
            paragraph(t("Checklistan har inga antalsindikatorer.", "The checklist has no count indicators."))
        } else {
            let chart = SVGBarChart(
                id: "indicator-chart",
                title: t("Antal per indikator i \(wholeScope), \(periodLabel), mot baslinjen",
                         "Count per indicator in \(wholeScope), \(periodLabel), against the baseline"),
                description: t("Staplarna visar periodens antal, de mörka strecken baslinjen (medelvärdet av de 8 föregående perioderna). Siffrorna står i tabellen under diagrammet.",
                               "Bars show the period's count, dark strokes the baseline (the mean of the 8 periods before). The numbers are in the table below the chart."),
                rows: counts.map { .init(label: lagesbild.indicatorName($0.indicator), value: $0.value, baseline: $0.baseline) },
                language: language)
            append("<figure class=\"chart\">")
            append(chart.render())
            append("<figcaption>" + e(t("Stapel: periodens antal. Streck: baslinjen. Talen: antal mot baslinje.",
                                        "Bar: the period's count. Stroke: the baseline. Numbers: count vs baseline.")) + "</figcaption>")
            append("</figure>")
            table(t("Antal per indikator i \(wholeScope), \(periodLabel) (diagrammets data)",
                    "Count per indicator in \(wholeScope), \(periodLabel) (the chart's data)"),
                  [t("Indikator", "Indicator"), t("Denna period", "This period"), t("Föregående", "Previous"), t("Förra året", "Last year"),
                   t("Baslinje", "Baseline"), t("Förändring", "Change")],
                  counts.map { total in
                      [e(lagesbild.indicatorName(total.indicator)), n(total.value), n(total.previous), n(total.lastYear), n(total.baseline),
                       signed(total.baseline.map { total.value - $0 })]
                  },
                  numeric: [1, 2, 3, 4, 5])
        }
        for total in lagesbild.indicatorTotals {
            guard let indicator = lagesbild.indicator(total.indicator), indicator.measure == "level" else { continue }
            let scale = indicator.scaleMin.flatMap { low in indicator.scaleMax.map { " \(low)–\($0)" } } ?? ""
            paragraph(t("\(indicator.name) (nivå\(scale), högsta svar i något område): \(n(total.value)); föregående period \(language.numberInText(total.previous)), förra året \(language.numberInText(total.lastYear)), baslinje \(language.numberInText(total.baseline)).",
                        "\(indicator.name) (level\(scale), highest answer in any area): \(n(total.value)); previous period \(language.numberInText(total.previous)), last year \(language.numberInText(total.lastYear)), baseline \(language.numberInText(total.baseline))."))
        }
        close()
    }

    func trends() {
        open(.trends)
        let history = lagesbild.history
        let maximum = history.areas.flatMap(\.values).compactMap { $0 }.max() ?? 0
        let span = [history.periods.first, history.periods.last].compactMap { $0.flatMap(Period.init)?.label(language) }.joined(separator: " – ")
        paragraph(t("Händelser i antalsindikatorerna per område och \(periodNoun), de senaste \(history.periods.count). Linjerna har samma skala (0–\(n(maximum))) så att områdena kan jämföras; punkten är den senaste perioden.",
                    "Events in the count indicators per area and \(periodNoun), the last \(history.periods.count). The lines share one scale (0–\(n(maximum))) so areas compare; the dot is the latest period."))
        let names = Dictionary(lagesbild.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        openScrollable(t("Utveckling per område", "Trends per area"))
        append("<table class=\"trend\">")
        append("<caption>" + e(t("Händelser per område och \(periodNoun), \(span)", "Events per area and \(periodNoun), \(span)")) + "</caption>")
        append("<thead><tr><th scope=\"col\">\(e(t("Område", "Area")))</th>"
            + history.periods.enumerated().map { index, id in
                let current = index == history.periods.count - 1 ? " current" : ""
                return "<th scope=\"col\" class=\"num\(current)\"><abbr title=\"\(e(Period(id)?.label(language) ?? id))\">\(e(shortLabel(id)))</abbr></th>"
            }.joined()
            + "<th scope=\"col\" class=\"spark-col\">\(e(t("Trend", "Trend")))</th></tr></thead>")
        append("<tbody>")
        let events = " " + t("händelser", "events") + ", \(span)"
        for (index, series) in history.areas.enumerated() {
            let area = names[series.area]
            let name = area?.name ?? series.area
            let numbers = series.values.map(n)
            write("<tr class=\"depth-\(area?.depth ?? 0)\"><th scope=\"row\">")
            write(e(name))
            write("</th>")
            for (column, value) in series.values.enumerated() {
                write(column == series.values.count - 1 ? "<td class=\"num current" : "<td class=\"num")
                write(value ?? 0 == 0 ? " zero\">" : "\">")
                write(numbers[column])
                write("</td>")
            }
            let sparkline = SVGSparkline(id: "trend-\(index + 1)", label: "\(name): " + numbers.joined(separator: ", ") + events,
                                         values: series.values, maximum: maximum)
            write("<td class=\"spark-col\">")
            write(sparkline.render())
            append("</td></tr>")
        }
        append("</tbody>")
        append("</table>")
        append("</div>")
        close()
    }

    /// `vecka`/`week` and so on, for the kind of the lägesbild's period.
    private var periodNoun: String {
        Period.Kind(name: lagesbild.period.kind)?.label(language) ?? lagesbild.period.kind
    }

    /// A column heading for a period: `v. 47`, `nov`, `kv. 4`, `2026`; in English `wk 47`, `Nov`, `Q4`.
    private func shortLabel(_ id: String) -> String {
        Period(id)?.shortLabel(language) ?? id
    }
}
