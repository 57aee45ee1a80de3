/// A small trend line without axes, for a table row: the values as a polyline on a shared scale, with a
/// dot on the last one. A period without data (nil) is a gap in the line. Its accessible name is `label`;
/// the row around it holds the numbers.
struct SVGSparkline {
    private static let width = 120.0
    private static let height = 28.0

    /// A document-unique id for the title element.
    let id: String
    let label: String
    let values: [Double?]
    /// The value drawn at the top; the same for every line of a table so lines compare.
    let maximum: Double

    func render() -> String {
        let inset = 3.0
        let step = values.count > 1 ? (Self.width - 2 * inset) / Double(values.count - 1) : 0
        let points = values.enumerated().map { index, value in
            value.map { (x: inset + Double(index) * step, y: Self.height - inset - (Self.height - 2 * inset) * $0 / max(maximum, 1)) }
        }
        // Runs of periods with data, each its own line.
        let runs = points.split(whereSeparator: { $0 == nil }).map { $0.compactMap { $0 } }
        var svg = "<svg class=\"spark\" role=\"img\" aria-labelledby=\"\(id)\" viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(Self.height))\""
            + " width=\"\(SVG.number(Self.width))\" height=\"\(SVG.number(Self.height))\"><title id=\"\(id)\">\(label.htmlEscaped)</title>"
        svg += "<line class=\"axis\" x1=\"0\" y1=\"\(SVG.number(Self.height - inset))\" x2=\"\(SVG.number(Self.width))\" y2=\"\(SVG.number(Self.height - inset))\"/>"
        for run in runs {
            svg += "<polyline points=\"" + run.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ") + "\"/>"
        }
        if let last = points.last ?? nil {
            svg += "<circle cx=\"\(SVG.number(last.x))\" cy=\"\(SVG.number(last.y))\" r=\"2.6\"/>"
        }
        return svg + "</svg>"
    }
}
