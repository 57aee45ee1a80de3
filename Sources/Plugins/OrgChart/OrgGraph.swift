import Platform

/// The organisation as a graph: bodies, and the roles and organisations that relations and the feedback
/// chain point at, as nodes; relations as solid edges and feedback steps as dashed, numbered edges.
/// One graph, drawn as Mermaid or Graphviz DOT.
struct OrgGraph {
    struct GraphNode {
        enum Shape { case body, role, organisation, reporters }
        var id: String
        var label: [String]
        var shape: Shape
    }

    struct Edge {
        var from: String
        var to: String
        var label: String
        var isFeedback: Bool
    }

    let config: KommunConfig
    let language: Language
    private(set) var nodes: [GraphNode] = []
    private(set) var edges: [Edge] = []

    init(config: KommunConfig, language: Language) {
        self.config = config
        self.language = language
        for body in config.organisation.bodies {
            var label = [body.name + (body.shortName.map { " (\($0))" } ?? "")]
            label += body.chairs.map { language.pick("Ordförande", "Chair") + ": " + $0.role }
            label += body.conveners.map { language.pick("Sammankallande", "Convener") + ": " + $0.role }
            if let cadence = body.cadence { label.append(cadence.summary(language)) }
            nodes.append(GraphNode(id: body.id, label: label, shape: .body))
        }
        for body in config.organisation.bodies {
            for relation in body.relations {
                addEndpoint(relation.target)
                edges.append(Edge(from: body.id, to: relation.target,
                                  label: relation.kind.label(language), isFeedback: false))
            }
        }
        for (index, step) in config.lagesbild.feedback.enumerated() {
            addEndpoint(step.from)
            addEndpoint(step.to)
            edges.append(Edge(from: step.from, to: step.to,
                              label: language.pick("återkoppling \(index + 1)", "feedback \(index + 1)"), isFeedback: true))
        }
    }

    /// Adds a node for a role, organisation or "every reporter" the first time an edge reaches it.
    private mutating func addEndpoint(_ id: String) {
        guard !nodes.contains(where: { $0.id == id }) else { return }
        if id == LagesbildConfig.allReporters {
            nodes.append(GraphNode(id: id, label: [language.pick("Alla rapportörer", "All reporters")], shape: .reporters))
        } else if let role = config.organisation.role(id) {
            nodes.append(GraphNode(id: id, label: [role.title], shape: .role))
        } else {
            nodes.append(GraphNode(id: id, label: [config.partyName(id)], shape: .organisation))
        }
    }

    func mermaid() -> String {
        var lines = ["flowchart TD"]
        for node in nodes {
            let label = node.label.map(Self.mermaidEscape).joined(separator: "<br/>")
            let id = Self.mermaidID(node.id)
            switch node.shape {
            case .body: lines.append("    \(id)[\"\(label)\"]")
            case .role: lines.append("    \(id)([\"\(label)\"])")
            case .organisation: lines.append("    \(id)[[\"\(label)\"]]")
            case .reporters: lines.append("    \(id){{\"\(label)\"}}")
            }
        }
        for edge in edges {
            let arrow = edge.isFeedback ? "-.->" : "-->"
            lines.append("    \(Self.mermaidID(edge.from)) \(arrow)|\"\(Self.mermaidEscape(edge.label))\"| \(Self.mermaidID(edge.to))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func dot() -> String {
        var lines = [
            "digraph \(Self.dotQuote(config.id)) {",
            "    label=\(Self.dotQuote(config.kommun.name));",
            "    labelloc=t;",
            "    rankdir=TB;",
            "    node [fontname=\"Helvetica\", fontsize=10];",
            "    edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        for node in nodes {
            let shape = switch node.shape {
            case .body: "box, style=rounded"
            case .role: "ellipse"
            case .organisation: "box"
            case .reporters: "hexagon"
            }
            lines.append("    \(Self.dotQuote(node.id)) [label=\(Self.dotQuote(node.label.joined(separator: "\n"))), shape=\(shape)];")
        }
        for edge in edges {
            let style = edge.isFeedback ? ", style=dashed" : ""
            lines.append("    \(Self.dotQuote(edge.from)) -> \(Self.dotQuote(edge.to)) [label=\(Self.dotQuote(edge.label))\(style)];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mermaid ids cannot hold `-` safely next to arrows.
    private static func mermaidID(_ id: String) -> String {
        id.replacingOccurrences(of: "-", with: "_")
    }

    private static func mermaidEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;")
    }

    private static func dotQuote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
