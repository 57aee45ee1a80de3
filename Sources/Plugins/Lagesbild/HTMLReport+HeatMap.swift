import Platform

/// The heat map: a table of areas × indicators, each cell with its value, coloured by status and marked
/// with a sign that does not need colour, under a legend.
extension HTMLReport {
    func heatMap() {
        open(.heatMap)
        let levels = lagesbild.indicators.filter { $0.measure == "level" }.map(\.name)
        var lead = t("Varje ruta visar periodens värde. Färgen och tecknet visar status mot baslinjen; indrag visar områden inom ett annat.",
                     "Each cell shows the period's value. Its colour and sign show its status against the baseline; indented areas lie within the one above.")
        if !levels.isEmpty {
            lead += " " + t("För nivåindikatorer (\(levels.joined(separator: ", "))) visas periodens högsta svar.",
                            "Level indicators (\(levels.joined(separator: ", "))) show the period's highest answer.")
        }
        append("<div class=\"keep\">")
        paragraph(lead)
        legend()
        heatTable()
        append("</div>")
        close()
    }

    private func legend() {
        let meanings: [Lagesbild.Status: String] = [
            .green: t("som vanligt", "as usual"), .yellow: t("något över", "somewhat above"),
            .orange: t("tydligt över", "clearly above"), .red: t("kraftigt över", "far above"),
        ]
        var items = Lagesbild.Status.allCases.map { status in
            let marker = Self.marker(status)
            return "<li><span class=\"swatch s-\(status.rawValue)\" aria-hidden=\"true\">\(marker)</span> "
                + "<strong>\(e(lagesbild.statusName(status)))</strong> \(e(meanings[status] ?? ""))</li>"
        }
        items.append("<li><span class=\"swatch s-green\" aria-hidden=\"true\"><span class=\"tag\">\(e(newTag))</span></span> "
            + e(t("nytt: inga händelser under baslinjen", "new: no events in the baseline")) + "</li>")
        items.append("<li><span class=\"swatch s-green hot\" aria-hidden=\"true\"><span class=\"tag\">H</span></span> "
            + e(t("hotspot: signifikant över baslinjen", "hotspot: significantly above the baseline")) + "</li>")
        append("<div class=\"legend\"><p class=\"legend-title\">\(e(t("Teckenförklaring", "Legend")))</p><ul>" + items.joined() + "</ul></div>")
    }

    private var newTag: String { t("ny", "new") }

    /// Runs of neighbouring indicators in the same category, in checklist order.
    private var categoryGroups: [(name: String, indicators: [Lagesbild.IndicatorSummary])] {
        var groups: [(name: String, indicators: [Lagesbild.IndicatorSummary])] = []
        var lastCategory: String?
        for indicator in lagesbild.indicators {
            if indicator.category == lastCategory {
                groups[groups.count - 1].indicators.append(indicator)
            } else {
                groups.append((indicator.categoryName, [indicator]))
            }
            lastCategory = indicator.category
        }
        return groups
    }

    private func heatTable() {
        let groups = categoryGroups
        // Each area's cells (their places in `lagesbild.cells`) and hotspots by indicator, the first cell of an
        // area and indicator winning.
        var cells: [String: [String: Int]] = [:]
        for (index, cell) in lagesbild.cells.enumerated() where cells[cell.area]?[cell.indicator] == nil {
            cells[cell.area, default: [:]][cell.indicator] = index
        }
        var hotspots: [String: Set<String>] = [:]
        for hotspot in lagesbild.hotspots { hotspots[hotspot.area, default: []].insert(hotspot.indicator) }
        openScrollable(t("Värde per område och indikator", "Value per area and indicator"))
        append("<table class=\"heat\">")
        append("<caption>" + e(t("Värde per område och indikator, \(periodLabel), färgat efter status",
                                 "Value per area and indicator, \(periodLabel), coloured by status")) + "</caption>")
        append("<colgroup><col class=\"area\"></colgroup>"
            + groups.map { "<colgroup span=\"\($0.indicators.count)\"></colgroup>" }.joined()
            + "<colgroup><col class=\"total\"></colgroup>")
        append("<thead>")
        append("<tr><th scope=\"col\" rowspan=\"2\" class=\"corner\">\(e(t("Område", "Area")))</th>"
            + groups.map { "<th scope=\"colgroup\" colspan=\"\($0.indicators.count)\" class=\"category\">\(e($0.name))</th>" }.joined()
            + "<th scope=\"col\" rowspan=\"2\" class=\"ind total\"><span>\(e(t("Händelser", "Events")))</span></th></tr>")
        append("<tr>" + lagesbild.indicators.map { "<th scope=\"col\" class=\"ind\"><span>\(e($0.name))</span></th>" }.joined() + "</tr>")
        append("</thead>")
        append("<tbody>")
        for area in lagesbild.areas {
            write("<tr class=\"depth-\(area.depth)\"><th scope=\"row\">\(e(area.name))</th>")
            let areaCells = cells[area.id] ?? [:]
            let areaHotspots = hotspots[area.id] ?? []
            for indicator in lagesbild.indicators {
                if let index = areaCells[indicator.id] {
                    heatCell(lagesbild.cells[index], hotspot: areaHotspots.contains(indicator.id))
                } else {
                    write("<td class=\"empty\"></td>")
                }
            }
            append("<td class=\"total\">\(n(events(in: area.id)))</td></tr>")
        }
        append("</tbody>")
        let totals = Dictionary(lagesbild.indicatorTotals.map { ($0.indicator, $0.value) }, uniquingKeysWith: { first, _ in first })
        append("<tfoot><tr><th scope=\"row\">\(e(lagesbild.area.map { t("Hela \($0.name)", "All of \($0.name)") } ?? t("Hela kommunen", "Whole kommun")))</th>"
            + lagesbild.indicators.map { "<td>\(totals[$0.id].map(n) ?? "")</td>" }.joined()
            + "<td class=\"total\">\(n(countCells.reduce(0) { $0 + $1.value }))</td></tr></tfoot>")
        append("</table>")
        append("</div>")
    }

    /// Writes a cell of the heat map: its value in the status's colour, the status's sign, and its tags.
    private func heatCell(_ cell: Lagesbild.Cell, hotspot: Bool) {
        write("<td class=\"s-")
        write(cell.status.rawValue)
        if cell.value == 0 { write(" zero") }
        if hotspot { write(" hot") }
        write("\">")
        write(n(cell.value))
        let marker = Self.marker(cell.status)
        if !marker.isEmpty {
            write("<span class=\"mark\" aria-hidden=\"true\">")
            write(marker)
            write("</span><span class=\"sr\">, ")
            write(e(cell.statusLabel))
            write("</span>")
        }
        if cell.isNew || hotspot {
            write(" <span class=\"tags\">")
            if cell.isNew { write("<span class=\"tag\">\(e(newTag))</span>") }
            if cell.isNew && hotspot { write(" ") }
            if hotspot { write("<span class=\"tag\" aria-hidden=\"true\">H</span><span class=\"sr\">, hotspot</span>") }
            write("</span>")
        }
        write("</td>")
    }
}
