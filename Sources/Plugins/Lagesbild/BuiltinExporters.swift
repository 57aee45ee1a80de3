import Platform

/// The exporters every installation has.
public enum BuiltinExporters {
    public static var all: [any Exporter] {
        [MarkdownExporter(), JSONExporter(), CSVExporter(), GeoJSONExporter(), HTMLExporter(), ICSExporter()]
    }
}
