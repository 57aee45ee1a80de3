import Platform

/// The map: the areas with coordinates coloured by their status, hotspots marked, under a legend, beside a
/// table of every area with its status and hotspots, so that colour is never the only signal and areas
/// without coordinates are not lost. Left out when no area has coordinates.
extension HTMLReport {
    /// Whether any area has a location or a boundary: only then has the page a map.
    var hasMap: Bool { lagesbild.areas.contains { Self.geometry(of: $0) != nil } }

    func map() {
        guard hasMap else { return }
        open(.map)
        paragraph(t("Områdenas status denna period efter kommunens regler. Ytor är områden med gräns, punkter områden med bara en plats; områden inom ett annat ritas ovanpå det. Norr är uppåt. Tabellen har samma uppgifter, även för områden utan koordinater.",
                    "The areas' status this period by the kommun's rules. Shapes are areas with a boundary, dots areas with only a location; areas within another are drawn on top of it. North is up. The table holds the same facts, areas without coordinates included."))
        append("<div class=\"map-layout\">")
        append("<figure class=\"map-figure\">")
        let facts = AreaFacts(lagesbild)
        append(svgMap(facts).render())
        mapLegend()
        append("</figure>")
        mapTable(facts)
        append("</div>")
        close()
    }

    /// A polygon from the boundary (GeoJSON-order `[lon, lat]` positions, the closing one dropped) when it
    /// has at least 3 points, else a circle at the location, else nil.
    static func geometry(of area: Lagesbild.AreaSummary) -> SVGMap.Geometry? {
        if var ring = area.boundary?.filter({ $0.count >= 2 }).map({ SVGMap.Coordinate(lat: $0[1], lon: $0[0]) }) {
            if ring.count > 1, ring.first == ring.last { ring.removeLast() }
            if ring.count >= 3 { return .polygon(ring) }
        }
        if let lat = area.lat, let lon = area.lon { return .point(SVGMap.Coordinate(lat: lat, lon: lon)) }
        return nil
    }

    /// Each area's statuses and hotspots by the area's id, looked up once per map rather than searched for
    /// each area.
    private struct AreaFacts {
        let statuses: [String: Lagesbild.AreaStatus]
        let hotspots: [String: [Lagesbild.Hotspot]]

        init(_ lagesbild: Lagesbild) {
            statuses = Dictionary(lagesbild.areaStatuses.map { ($0.area, $0) }, uniquingKeysWith: { first, _ in first })
            hotspots = Dictionary(grouping: lagesbild.hotspots, by: \.area)
        }

        /// The area's status by the kommun's rules (green when it has none).
        func status(_ area: Lagesbild.AreaSummary) -> Lagesbild.Status { statuses[area.id]?.status ?? .green }
        func assessed(_ area: Lagesbild.AreaSummary) -> Lagesbild.AssessedStatus? { statuses[area.id]?.assessed }
        func hotspots(in area: Lagesbild.AreaSummary) -> [Lagesbild.Hotspot] { hotspots[area.id] ?? [] }
    }

    /// `Klotter 5 (baslinje 1,3)`.
    private func hotspotText(_ hotspot: Lagesbild.Hotspot) -> String {
        "\(lagesbild.indicatorName(hotspot.indicator)) \(n(hotspot.value)) (" + t("baslinje", "baseline") + " \(n(hotspot.baseline)))"
    }

    /// `Centrum: gul`, and the status a body assessed when there is one.
    private func statusText(_ area: Lagesbild.AreaSummary, _ facts: AreaFacts) -> String {
        var text = "\(area.name): \(lagesbild.statusName(facts.status(area)))"
        if let assessed = facts.assessed(area) {
            text += t(", bedömd \(assessed.statusLabel)", ", assessed \(assessed.statusLabel)")
        }
        return text
    }

    private func svgMap(_ facts: AreaFacts) -> SVGMap {
        var shapes: [SVGMap.Shape] = []
        var markers: [SVGMap.Marker] = []
        for area in lagesbild.areas {
            guard let geometry = Self.geometry(of: area) else { continue }
            shapes.append(SVGMap.Shape(id: area.id, title: statusText(area, facts), label: area.depth == 0 ? area.name : nil,
                                       geometry: geometry, depth: area.depth, status: facts.status(area)))
            let hotspots = facts.hotspots(in: area)
            guard !hotspots.isEmpty else { continue }
            let at = area.lat.flatMap { lat in area.lon.map { SVGMap.Coordinate(lat: lat, lon: $0) } } ?? Self.centre(of: geometry)
            markers.append(SVGMap.Marker(at: at, title: "Hotspot, \(area.name): " + hotspots.map(hotspotText).joined(separator: "; ")))
        }
        let colours = Dictionary(lagesbild.statusScale.map { ($0.status, $0.colour) }, uniquingKeysWith: { first, _ in first })
        return SVGMap(id: "map-title", title: t("Karta över områdenas status i \(wholeScope), \(periodLabel)",
                                                "Map of the areas' status in \(wholeScope), \(periodLabel)"),
                      shapes: shapes, markers: markers,
                      colours: colours.merging(StatusRules.standardColours, uniquingKeysWith: { kommun, _ in kommun }))
    }

    /// The mean of a shape's points.
    private static func centre(of geometry: SVGMap.Geometry) -> SVGMap.Coordinate {
        let points = geometry.coordinates
        return SVGMap.Coordinate(lat: points.reduce(0) { $0 + $1.lat } / Double(points.count),
                                 lon: points.reduce(0) { $0 + $1.lon } / Double(points.count))
    }

    private func mapLegend() {
        var items = Lagesbild.Status.allCases.map { status in
            "<li><span class=\"swatch s-\(status.rawValue) hatch-\(status.rawValue)\" aria-hidden=\"true\"></span> "
                + "<strong>\(e(lagesbild.statusName(status)))</strong></li>"
        }
        items.append("<li><span class=\"map-hotspot\" aria-hidden=\"true\">▼</span> "
            + e(t("hotspot: signifikant över baslinjen", "hotspot: significantly above the baseline")) + "</li>")
        append("<figcaption class=\"legend map-key\"><p class=\"legend-title\">\(e(t("Teckenförklaring", "Legend")))</p><ul>"
            + items.joined() + "</ul></figcaption>")
    }

    /// How the area is on the map: `yta`, `punkt`, or `saknas`.
    private func placeOnMap(_ area: Lagesbild.AreaSummary) -> String {
        switch Self.geometry(of: area) {
        case .polygon?: t("yta", "shape")
        case .point?: t("punkt", "dot")
        case nil: t("saknas", "not on the map")
        }
    }

    private func mapTable(_ facts: AreaFacts) {
        table(t("Områdenas status och hotspots, \(periodLabel)", "The areas' status and hotspots, \(periodLabel)"),
              [t("Område", "Area"), t("Status", "Status"), t("Hotspots", "Hotspots"), t("På kartan", "On the map")],
              lagesbild.areas.map { area in
                  var status = badge(facts.status(area))
                  if let assessed = facts.assessed(area) {
                      status += " " + e(t("bedömd", "assessed")) + " " + badge(assessed.status)
                  }
                  let hotspots = facts.hotspots(in: area)
                  return [e(area.name), status, hotspots.isEmpty ? "–" : e(hotspots.map(hotspotText).joined(separator: "; ")), e(placeOnMap(area))]
              },
              rowClasses: lagesbild.areas.map { "depth-\($0.depth)" })
    }
}
