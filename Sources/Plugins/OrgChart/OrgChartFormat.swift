import Platform

/// The renderings of a kommun's organisation that `platform-cli org` offers.
public enum OrgChartFormat: String, Sendable, CaseIterable {
    /// A readable tree for the terminal.
    case text
    /// A Mermaid flowchart, for Markdown pages that render Mermaid.
    case mermaid
    /// A Graphviz graph: `platform-cli org lysekil --format dot | dot -Tsvg`.
    case dot

    /// Renders the organisation of `config` in this format.
    public func render(_ config: KommunConfig, language: Language) -> String {
        switch self {
        case .text: OrgTextRenderer(config: config, language: language).render()
        case .mermaid: OrgGraph(config: config, language: language).mermaid()
        case .dot: OrgGraph(config: config, language: language).dot()
        }
    }
}
