import Platform

/// The organisation as a readable tree: bodies nested under the body they are part of or report to, each
/// with purpose, chair and convener, members, relations and cadence; then activities, the lägesbild with
/// its feedback chain, escalations, focus areas and activity lists.
struct OrgTextRenderer {
    let config: KommunConfig
    let language: Language

    /// A line of the tree and the lines below it.
    private struct TreeNode {
        var title: String
        var details: [String]
        var children: [TreeNode]
    }

    func render() -> String {
        var out: [String] = []
        let kommun = config.kommun
        out.append("\(kommun.name) (\(kommun.id)), \(kommun.lan)")
        if let police = kommun.policeArea {
            out.append(language.pick("Lokalpolisområde", "Local police area") + ": \(police)")
        }
        if let coordination = config.organisation.coordination {
            out.append("")
            out.append(language.pick("Koordinerande uppdrag", "Coordinating assignment")
                + (coordination.responsible.map { ": \(config.partyName($0))" } ?? ""))
            if !coordination.roles.isEmpty {
                out.append("  " + coordination.roles.map(config.partyName).joined(separator: ", "))
            }
            if let description = coordination.description { out.append("  \(description)") }
        }
        out.append("")
        out.append(language.pick("Organ", "Bodies"))
        out += Self.draw(bodyTree(), prefix: "")
        section(&out, language.pick("Aktiviteter", "Activities"), config.activities.map(activityNode))
        section(&out, language.pick("Lägesbild", "Situation picture"), config.lagesbilder.map(lagesbildNode))
        section(&out, language.pick("Eskalering", "Escalation"), config.escalations.map(escalationNode))
        section(&out, language.pick("Prioriterade fokusområden", "Focus areas"), config.focusAreas.map { area in
            TreeNode(title: area.name + (area.year.map { " (\($0))" } ?? ""),
                     details: [area.description, area.decidedBy.map { language.pick("Beslutat av", "Decided by") + ": " + config.partyName($0) }].compactMap { $0 },
                     children: [])
        })
        section(&out, language.pick("Aktivitetslistor", "Activity lists"), config.activityLists.map { list in
            TreeNode(title: list.name,
                     details: list.followedUpBy.isEmpty ? [] : [language.pick("Följs upp av", "Followed up by") + ": " + list.followedUpBy.map(config.partyName).joined(separator: ", ")],
                     children: list.items.map { TreeNode(title: "\($0.name) [\($0.status.label(language))]", details: [], children: []) })
        })
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ out: inout [String], _ title: String, _ nodes: [TreeNode]) {
        guard !nodes.isEmpty else { return }
        out.append("")
        out.append(title)
        out += Self.draw(nodes, prefix: "")
    }

    /// Bodies nested by `part-of` and `reports-to` relations to other bodies.
    private func bodyTree() -> [TreeNode] {
        let bodies = config.organisation.bodies
        let ids = Set(bodies.map(\.id))
        func parent(of body: Body) -> String? {
            body.relations.first { ($0.kind == .partOf || $0.kind == .reportsTo) && ids.contains($0.target) && $0.target != body.id }?.target
        }
        func node(_ body: Body, seen: Set<String>) -> TreeNode {
            let children = bodies.filter { parent(of: $0) == body.id && !seen.contains($0.id) }
            return TreeNode(title: bodyTitle(body), details: bodyDetails(body),
                            children: children.map { node($0, seen: seen.union([body.id])) })
        }
        return bodies.filter { parent(of: $0) == nil }.map { node($0, seen: []) }
    }

    private func bodyTitle(_ body: Body) -> String {
        var title = body.name
        if let short = body.shortName { title += " (\(short))" }
        return title + " [\(body.id)]"
    }

    private func bodyDetails(_ body: Body) -> [String] {
        var lines: [String] = []
        if let area = body.area { lines.append(areaLine(area)) }
        if let purpose = body.purpose { lines.append(language.pick("Syfte", "Purpose") + ": \(purpose)") }
        for chair in body.chairs { lines.append(language.pick("Ordförande", "Chair") + ": " + chair.role) }
        for convener in body.conveners { lines.append(language.pick("Sammankallande", "Convener") + ": " + convener.role) }
        if let cadence = body.cadence {
            lines.append(language.pick("Möten", "Meetings") + ": " + cadence.summary(language))
            if let note = cadence.note { lines.append("  \(note)") }
        }
        if !body.tasks.isEmpty {
            lines.append(language.pick("Uppdrag", "Tasks") + ":")
            lines += body.tasks.map { "  - \($0)" }
        }
        if !body.members.isEmpty {
            lines.append(language.pick("Medlemmar", "Members") + ":")
            lines += body.members.map { "  - " + $0.line(in: config, language) }
        }
        if !body.relations.isEmpty {
            lines.append(language.pick("Relationer", "Relations") + ":")
            lines += body.relations.map { relation in
                "  \(relation.kind.label(language)) → \(config.partyName(relation.target))" + (relation.about.map { ": \($0)" } ?? "")
            }
        }
        if let notes = body.notes { lines.append(language.pick("Anteckning", "Note") + ": \(notes)") }
        return lines
    }

    private func activityNode(_ activity: Activity) -> TreeNode {
        var lines: [String] = []
        if let area = activity.area { lines.append(areaLine(area)) }
        if let purpose = activity.purpose { lines.append(language.pick("Syfte", "Purpose") + ": \(purpose)") }
        if let organiser = activity.organiser { lines.append(language.pick("Ansvarig", "Organiser") + ": " + config.partyName(organiser)) }
        if let cadence = activity.cadence { lines.append(language.pick("Frekvens", "Cadence") + ": " + cadence.summary(language)) }
        if !activity.participants.isEmpty {
            lines.append(language.pick("Medverkande", "Participants") + ":")
            lines += activity.participants.map { "  - " + $0.line(in: config, language) }
        }
        if !activity.agenda.isEmpty {
            lines.append(language.pick("Program", "Agenda") + ":")
            lines += activity.agenda.map { "  " + ($0.time.map { "\($0) " } ?? "      ") + $0.item }
        }
        if !activity.followUps.isEmpty {
            lines.append(language.pick("Följs av", "Followed by") + ":")
            lines += activity.followUps.map { "  - " + $0.line(in: config, language) }
        }
        if let rotation = activity.rotation {
            let period = rotation.period == .mandate ? language.pick("mandatperiod", "mandate period") : language.pick("år", "year")
            let over = rotation.over.label(language)
            let times = rotation.atLeast == 1 ? language.pick("gång", "time") : language.pick("gånger", "times")
            lines.append(language.pick("Rotation: varje \(over) minst \(rotation.atLeast) \(times) per \(period)",
                                       "Rotation: every \(over) at least \(rotation.atLeast) \(times) per \(period)"))
        }
        if let notes = activity.notes { lines.append(language.pick("Anteckning", "Note") + ": \(notes)") }
        return TreeNode(title: "\(activity.name) [\(activity.id)]", details: lines, children: [])
    }

    private func lagesbildNode(_ lagesbild: LagesbildConfig) -> TreeNode {
        var lines = [language.pick("Period", "Period") + ": " + lagesbild.period.label(language)]
        if let area = lagesbild.area { lines.append(areaLine(area)) }
        lines.append(language.pick("Sammanställs av", "Compiled by") + ": " + config.partyName(lagesbild.compiledBy))
        if let analysed = lagesbild.analysedBy { lines.append(language.pick("Analyseras av", "Analysed by") + ": " + config.partyName(analysed)) }
        if let readBy = lagesbild.readBy { lines.append(language.pick("Läses av", "Read by") + ": " + config.partyName(readBy)) }
        // A reporter that does not observe says what it delivers: "Polisens statistik (statistik)".
        let reporters = config.reporters.filter { config.covers($0, lagesbild.area) }.map { reporter in
            config.partyName(reporter.organisation)
                + (reporter.source == .observations ? "" : " (\(reporter.source.label(language).lowercased()))")
        }
        lines.append(language.pick("Rapportörer", "Reporters") + ": " + reporters.joined(separator: ", "))
        if let channel = lagesbild.channel { lines.append(language.pick("Kanal", "Channel") + ": \(channel)") }
        if !lagesbild.steps.isEmpty {
            lines.append(language.pick("Arbetsgång", "Steps") + ":")
            lines += lagesbild.steps.enumerated().map { "  \($0 + 1). \($1)" }
        }
        if !lagesbild.feedback.isEmpty {
            lines.append(language.pick("Återkoppling", "Feedback chain") + ":")
            lines += lagesbild.feedback.enumerated().map { index, step in
                "  \(index + 1). \(config.partyName(step.from)) → \(recipientName(step.to))" + (step.about.map { ": \($0)" } ?? "")
            }
        }
        if let priorities = lagesbild.priorities {
            let period = priorities.period.label(language)
            lines.append(language.pick("Prioritering: \(priorities.areas) områden per \(period)",
                                       "Priorities: \(priorities.areas) areas per \(period)")
                + (priorities.decidedBy.map { ", " + language.pick("beslutas av", "decided by") + " " + config.partyName($0) } ?? ""))
        }
        let title = language.pick("Lägesbild", "Situation picture")
        return TreeNode(title: lagesbild.name.map { "\(title): \($0)" } ?? title, details: lines, children: [])
    }

    /// `Område: Vivalla`.
    private func areaLine(_ id: String) -> String {
        language.pick("Område", "Area") + ": " + (config.area(id)?.name ?? id)
    }

    private func recipientName(_ id: String) -> String {
        id == LagesbildConfig.allReporters ? language.pick("alla rapportörer", "all reporters") : config.partyName(id)
    }

    private func escalationNode(_ escalation: Escalation) -> TreeNode {
        var lines = escalation.description.map { [$0] } ?? []
        lines += escalation.changes.map { change in
            let target = config.organisation.body(change.target)?.name
                ?? config.activities.first { $0.id == change.target }?.name ?? change.target
            return "\(target): " + change.cadence.summary(language) + (change.note.map { " (\($0))" } ?? "")
        }
        return TreeNode(title: "\(escalation.name) [\(escalation.id)]", details: lines, children: [])
    }

    /// Draws nodes with box-drawing branches; details sit under their title.
    private static func draw(_ nodes: [TreeNode], prefix: String) -> [String] {
        var lines: [String] = []
        for (index, node) in nodes.enumerated() {
            let last = index == nodes.count - 1
            lines.append(prefix + (last ? "└── " : "├── ") + node.title)
            let inner = prefix + (last ? "    " : "│   ")
            let detailPrefix = inner + (node.children.isEmpty ? "  " : "│ ")
            lines += node.details.map { detailPrefix + $0 }
            lines += draw(node.children, prefix: inner)
        }
        return lines
    }
}
