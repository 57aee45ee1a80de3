import Foundation
import Platform

/// The page's inline CSS: a calm report layout on screen and an A4 print style. Status colours are
/// light enough for dark text (red takes white text), all at a contrast of at least 4.5:1.
enum HTMLStyleSheet {
    /// The style sheet, with indentation for areas nested up to `maxDepth` levels.
    static func css(maxDepth: Int) -> String {
        let depths = maxDepth < 1 ? [] : (1...maxDepth).map { depth in
            "tr.depth-\(depth) > th { padding-left: \(SVG.number(0.5 + 1.1 * Double(depth)))em; font-weight: 400; }"
        }
        let hatches = Lagesbild.Status.allCases.compactMap { status in StatusRules.standardColours[status].flatMap { hatch(status, $0) } }
        return ([base] + depths + hatches + [print]).joined(separator: "\n")
    }

    /// CSS that gives the statuses the kommun's own colours (nil when it keeps the platform's), each with
    /// black or white text, whichever contrasts more, and the map legend's hatching in the same ink.
    static func statusColours(_ scale: [Lagesbild.StatusLevel]) -> String? {
        let changed = scale.filter { $0.colour != StatusRules.standardColours[$0.status] }
        guard !changed.isEmpty else { return nil }
        return changed.map { level in
            let text = luminance(level.colour) > 0.179 ? "#000" : "#fff"
            return ".s-\(level.status.rawValue), .badge.s-\(level.status.rawValue) { background: \(level.colour); color: \(text); border-color: \(level.colour); }"
                + (hatch(level.status, level.colour).map { " " + $0 } ?? "")
        }.joined(separator: "\n")
    }

    /// The map legend's hatching for a status above green on `colour`, as the map draws it (see `SVGMap`):
    /// lines at 45°, sparse for yellow, crossed for orange, dense and crossed for red, dark on a light colour
    /// and white on a dark one.
    private static func hatch(_ status: Lagesbild.Status, _ colour: String) -> String? {
        guard status != .green else { return nil }
        let ink = luminance(colour) > 0.179 ? "rgba(26, 26, 26, 0.55)" : "rgba(255, 255, 255, 0.55)"
        let gap = status == .red ? "3.5px" : status == .orange ? "5px" : "5.7px"
        let angles = status == .yellow ? [45] : [45, -45]
        return ".map-key .hatch-\(status.rawValue) { background-image: " + angles.map { angle in
            "repeating-linear-gradient(\(angle)deg, \(ink) 0, \(ink) 1.6px, transparent 1.6px, transparent \(gap))"
        }.joined(separator: ", ") + "; }"
    }

    /// The relative luminance (WCAG 2) of `#rrggbb`.
    static func luminance(_ colour: String) -> Double {
        let digits = Array(colour.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0..<$0 + 2]), radix: 16) ?? 0) / 255 }
            .map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    private static let base = """
        :root { --ink: #1a1a1a; --muted: #4a5563; --brand: #1f3a5f; --rule: #d5dbe3; --paper: #f4f6f9; }
        * { box-sizing: border-box; }
        html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
        body { margin: 0 auto; max-width: 1180px; padding: 0 28px 32px; font-size: 15px; }
        .masthead { border-bottom: 4px solid var(--brand); padding: 28px 0 14px; }
        .kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.06em; font-size: 13px; font-weight: 600; color: var(--muted); }
        h1 { margin: 4px 0 10px; font-size: 32px; line-height: 1.2; color: var(--brand); }
        h1 .where { display: block; font-size: 22px; font-weight: 400; color: var(--ink); }
        h2 { margin: 34px 0 10px; padding-bottom: 4px; font-size: 21px; color: var(--brand); border-bottom: 1px solid var(--rule); }
        h3 { margin: 18px 0 6px; font-size: 16px; }
        p { margin: 6px 0 10px; max-width: 75em; }
        .period { margin-bottom: 4px; }
        .roles { display: flex; flex-wrap: wrap; gap: 2px 28px; margin: 6px 0 0; font-size: 14px; }
        .roles div { display: flex; gap: 6px; }
        .roles dt { font-weight: 600; }
        .roles dt::after { content: ":"; }
        .roles dd { margin: 0; }
        .toc { margin: 14px 0 0; font-size: 13.5px; }
        .toc ol { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0; list-style: none; }
        .toc a { color: #174a7c; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 4px 0 12px; }
        .figures div { padding: 10px 12px; background: var(--paper); border: 1px solid var(--rule); border-top: 4px solid var(--brand); }
        .figures dt { font-size: 13px; font-weight: 600; color: var(--muted); }
        .figures dd { margin: 2px 0 0; }
        .figures .figure { display: block; font-size: 28px; font-weight: 700; line-height: 1.2; }
        .figures .sub { display: block; font-size: 12.5px; color: var(--muted); }
        table { border-collapse: collapse; margin: 6px 0 14px; font-size: 14px; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; padding: 0 0 6px; text-align: left; font-weight: 600; }
        th, td { padding: 4px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
        thead th { vertical-align: bottom; background: var(--paper); border-bottom: 2px solid var(--brand); font-weight: 600; }
        tbody th { font-weight: 600; }
        .num { text-align: right; white-space: nowrap; }
        table.data tbody tr:nth-child(even) { background: #fafbfc; }
        .wide { overflow-x: auto; }
        .sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
        .s-green { background: #e4f1dd; }
        .s-yellow { background: #f7d95c; }
        .s-orange { background: #f0913a; }
        .s-red { background: #b3261e; color: #fff; }
        .badge { display: inline-block; padding: 0 7px; border-radius: 3px; font-size: 13px; font-weight: 600; white-space: nowrap; }
        .badge.s-green { border: 1px solid #9cc28b; }
        .legend { display: flex; align-items: flex-start; gap: 16px; margin: 8px 0 12px; font-size: 13.5px; }
        .legend .legend-title { margin: 1px 0 0; font-weight: 600; white-space: nowrap; }
        .legend ul { display: flex; flex-wrap: wrap; gap: 6px 20px; margin: 0; padding: 0; list-style: none; }
        .legend li { display: flex; align-items: center; gap: 6px; }
        .swatch { display: inline-block; min-width: 44px; height: 20px; padding: 0 6px; text-align: center; font-size: 12px; line-height: 18px; border: 1px solid #9aa5b1; }
        table.heat { width: 100%; margin-top: 4px; font-size: 13px; table-layout: fixed; }
        table.heat th, table.heat td { border: 1px solid #fff; }
        table.heat col.area { width: 16%; }
        table.heat col.total { width: 6%; }
        table.heat thead th { background: #fff; border-bottom: 2px solid var(--brand); }
        table.heat th.corner { vertical-align: bottom; }
        table.heat th.category { padding: 4px 4px 2px; text-align: center; font-size: 11.5px; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--rule); }
        table.heat th.ind { padding: 6px 2px; text-align: center; vertical-align: bottom; font-size: 12.5px; }
        table.heat th.ind span { display: inline-block; max-height: 11em; writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; }
        table.heat tbody th { padding: 3px 8px; vertical-align: middle; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
        table.heat tbody td { padding: 3px 2px; text-align: center; vertical-align: middle; }
        table.heat .tags { white-space: nowrap; }
        table.heat td.zero { color: #4f5b4a; }
        table.heat td.total, table.heat th.total { background: var(--paper); font-weight: 600; }
        table.heat tfoot th, table.heat tfoot td { padding: 4px 2px; text-align: center; font-weight: 600; background: var(--paper); border-top: 2px solid var(--brand); }
        table.heat tfoot th { padding-left: 8px; text-align: left; }
        .mark { margin-left: 3px; font-size: 0.78em; letter-spacing: -0.05em; }
        .tag { margin-left: 3px; padding: 0 3px; font-size: 0.72em; font-weight: 700; text-transform: uppercase; color: var(--ink); background: #fff; border: 1px solid var(--ink); border-radius: 2px; }
        .hot { outline: 3px solid var(--ink); outline-offset: -3px; }
        .map-layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 8px 24px; align-items: start; }
        @media (max-width: 820px) { .map-layout { grid-template-columns: minmax(0, 1fr); } }
        .map-figure { margin: 4px 0 0; }
        .map-layout table.data { width: 100%; }
        .map-layout table.data th, .map-layout table.data td { overflow-wrap: anywhere; }
        svg.map { display: block; border: 1px solid var(--rule); }
        .map .sea { fill: #fbfcfd; }
        .map .area > polygon, .map .area > circle { stroke: #1a1a1a; stroke-width: 0.8; }
        .map .area > .hatch { stroke: none; }
        .map .hotspot polygon { fill: #1a1a1a; stroke: #fff; stroke-width: 1.5; }
        .map .label { font-size: 12px; font-weight: 600; fill: #1a1a1a; }
        .map .halo { font-size: 12px; font-weight: 600; fill: none; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        .map-key { margin-top: 6px; }
        .map-key .swatch { min-width: 32px; }
        .map-hotspot { display: inline-block; min-width: 32px; text-align: center; font-size: 15px; line-height: 1; }
        table.trend { font-size: 13px; }
        table.trend th, table.trend td { padding: 3px 6px; vertical-align: middle; }
        table.trend abbr { text-decoration: none; }
        table.trend .current { background: #e8eef5; font-weight: 700; }
        table.trend td.zero { color: var(--muted); }
        table.trend td.spark-col { padding: 2px 8px; vertical-align: middle; }
        svg { max-width: 100%; height: auto; }
        .spark { display: block; }
        .spark polyline { fill: none; stroke: #1f4e79; stroke-width: 1.6; stroke-linejoin: round; }
        .spark circle { fill: #1f4e79; }
        .spark .axis { stroke: #b7c0cb; stroke-width: 1; }
        figure.chart { margin: 8px 0 4px; }
        figure.chart svg { display: block; width: 100%; max-width: 760px; }
        figcaption { font-size: 13px; color: var(--muted); }
        .bars text { font-size: 12.5px; fill: var(--ink); }
        .bars .label { text-anchor: end; }
        .bars .tick { text-anchor: middle; font-size: 11px; fill: var(--muted); }
        .bars .bar { fill: #6f9fd0; }
        .bars .base { stroke: var(--ink); stroke-width: 2.5; }
        .bars .grid { stroke: #e1e6ec; stroke-width: 1; }
        .ok { color: #1d6b2f; font-weight: 600; }
        .missing { color: #a3211a; font-weight: 600; }
        .late { color: #8a4500; font-weight: 600; }
        .pending { color: var(--muted); }
        .when { white-space: nowrap; }
        .chain { padding-left: 1.6em; }
        .chain li { margin: 6px 0; }
        .chain .party { font-weight: 600; }
        .chain .arrow { color: var(--brand); }
        .chain .about { display: block; color: var(--muted); }
        .methods div { margin: 0 0 10px; }
        .methods dt { font-weight: 600; }
        .methods dd { margin: 2px 0 0; max-width: 75em; }
        footer { margin-top: 36px; padding-top: 8px; font-size: 13px; color: var(--muted); border-top: 1px solid var(--rule); }
        """

    private static let print = """
        @page { size: A4; margin: 16mm 14mm 18mm; }
        @media print {
          * { -webkit-print-color-adjust: exact; }
          body { max-width: none; padding: 0; font-size: 9.5pt; }
          .masthead { padding-top: 0; }
          h1 { font-size: 20pt; }
          h1 .where { font-size: 14pt; }
          h2 { margin-top: 16pt; font-size: 13pt; break-after: avoid; }
          h3 { font-size: 10.5pt; break-after: avoid; }
          .toc { display: none; }
          .figures { grid-template-columns: repeat(6, 1fr); gap: 6pt; }
          .figures .figure { font-size: 16pt; }
          .figures .sub { font-size: 7.5pt; }
          table { font-size: 8.5pt; }
          table.heat { font-size: 7.5pt; }
          table.heat col.area { width: 19%; }
          table.heat col.total { width: 7%; }
          table.heat th.ind { font-size: 7.5pt; }
          table.heat th.category { font-size: 7pt; }
          table.trend { font-size: 8pt; }
          thead { display: table-header-group; }
          tr, li, figure, .figures div, .methods div, .legend, .keep { break-inside: avoid; }
          caption, figcaption { break-after: avoid; }
          .wide { overflow: visible; }
          figure.chart svg { max-width: 100%; }
          .map-layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
          .map-figure { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          footer { margin-top: 18pt; }
        }
        """
}
