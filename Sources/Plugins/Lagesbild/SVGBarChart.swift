import Platform

/// A horizontal bar chart of this period against a baseline: per row a bar for the value, a dark stroke
/// at the baseline, and both numbers written beside them, so neither colour nor length alone carries
/// the reading. Scales with the page (viewBox); labels come from users and are escaped.
struct SVGBarChart {
    struct Row {
        var label: String
        var value: Double
        /// Nil when there is no baseline (no data): no stroke, and `–` in the reading.
        var baseline: Double?
    }

    /// A document-unique prefix for the ids of the title and description.
    let id: String
    let title: String
    let description: String
    let rows: [Row]
    let language: Language

    private static let width = 720.0
    private static let rowHeight = 26.0
    private static let top = 36.0
    private static let valueSpace = 104.0
    private static let longestLabel = 40

    func render() -> String {
        let labels = rows.map { $0.label.count > Self.longestLabel ? String($0.label.prefix(Self.longestLabel - 1)) + "…" : $0.label }
        let labelWidth = min(max(Double(labels.map(\.count).max() ?? 0) * 6.6 + 8, 100), 280)
        let left = labelWidth + 10, right = Self.width - Self.valueSpace
        let scale = SVG.scale(for: rows.map { max($0.value, $0.baseline ?? 0) }.max() ?? 0)
        let x = { (value: Double) in left + (right - left) * value / scale.top }
        let axis = Self.top + Double(rows.count) * Self.rowHeight + 4
        let height = axis + 22
        let n = { (value: Double) in SVG.number(value) }

        var svg = ["<svg class=\"bars\" role=\"img\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\""
            + " viewBox=\"0 0 \(n(Self.width)) \(n(height))\" width=\"\(n(Self.width))\" height=\"\(n(height))\">",
            "<title id=\"\(id)-title\">\(title.htmlEscaped)</title>",
            "<desc id=\"\(id)-desc\">\(description.htmlEscaped)</desc>"]
        // Legend.
        svg.append("<rect class=\"bar\" x=\"\(n(left))\" y=\"8\" width=\"16\" height=\"12\"/>"
            + "<text x=\"\(n(left + 22))\" y=\"18\">\(language.pick("denna period", "this period"))</text>"
            + "<line class=\"base\" x1=\"\(n(left + 150))\" y1=\"5\" x2=\"\(n(left + 150))\" y2=\"23\"/>"
            + "<text x=\"\(n(left + 158))\" y=\"18\">\(language.pick("baslinje", "baseline"))</text>")
        // Grid and axis.
        var tick = 0.0
        while tick <= scale.top + scale.step / 2 {
            svg.append("<line class=\"grid\" x1=\"\(n(x(tick)))\" y1=\"\(n(Self.top - 4))\" x2=\"\(n(x(tick)))\" y2=\"\(n(axis))\"/>"
                + "<text class=\"tick\" x=\"\(n(x(tick)))\" y=\"\(n(axis + 16))\">\(language.number(tick))</text>")
            tick += scale.step
        }
        // Rows.
        for (index, row) in rows.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            let reading = language.number(row.value) + language.pick(" mot ", " vs ") + language.number(row.baseline)
            let stroke = row.baseline.map { "<line class=\"base\" x1=\"\(n(x($0)))\" y1=\"\(n(y + 2))\" x2=\"\(n(x($0)))\" y2=\"\(n(y + 24))\"/>" } ?? ""
            svg.append("<text class=\"label\" x=\"\(n(labelWidth))\" y=\"\(n(y + 17))\">\(labels[index].htmlEscaped)</text>"
                + "<rect class=\"bar\" x=\"\(n(left))\" y=\"\(n(y + 6))\" width=\"\(n(x(row.value) - left))\" height=\"14\"/>"
                + stroke
                + "<text class=\"reading\" x=\"\(n(max(x(row.value), x(row.baseline ?? 0)) + 6))\" y=\"\(n(y + 17))\">\(reading)</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }
}
