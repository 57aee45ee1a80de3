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
        func x(_ index: Int) -> String { SVG.number(inset + Double(index) * step) }
        func y(_ value: Double) -> String { SVG.number(Self.height - inset - (Self.height - 2 * inset) * value / max(maximum, 1)) }
        var svg = "<svg class=\"spark\" role=\"img\" aria-labelledby=\"\(id)\" viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(Self.height))\""
            + " width=\"\(SVG.number(Self.width))\" height=\"\(SVG.number(Self.height))\"><title id=\"\(id)\">\(label.htmlEscaped)</title>"
        svg += "<line class=\"axis\" x1=\"0\" y1=\"\(SVG.number(Self.height - inset))\" x2=\"\(SVG.number(Self.width))\" y2=\"\(SVG.number(Self.height - inset))\"/>"
        // Runs of periods with data, each its own line, written as they are found.
        var inRun = false
        for (index, value) in values.enumerated() {
            guard let value else {
                if inRun { svg += "\"/>" }
                inRun = false
                continue
            }
            svg += inRun ? " " : "<polyline points=\""
            inRun = true
            svg += x(index)
            svg += ","
            svg += y(value)
        }
        if inRun { svg += "\"/>" }
        if let last = values.last ?? nil {
            svg += "<circle cx=\"\(x(values.count - 1))\" cy=\"\(y(last))\" r=\"2.6\"/>"
        }
        return svg + "</svg>"
    }
}
