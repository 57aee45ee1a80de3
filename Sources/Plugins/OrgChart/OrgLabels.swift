import Platform

extension Relation.Kind {
    /// `föreslår för`, `proposes to`.
    func label(_ language: Language) -> String {
        switch self {
        case .proposesTo: language.pick("föreslår för", "proposes to")
        case .decidesFor: language.pick("beslutar för", "decides for")
        case .reportsTo: language.pick("rapporterar till", "reports to")
        case .partOf: language.pick("ingår i", "part of")
        case .informs: language.pick("informerar", "informs")
        case .followsUp: language.pick("följer upp", "follows up")
        case .complements: language.pick("kompletterar", "complements")
        case .supports: language.pick("stödjer", "supports")
        }
    }
}

extension Member {
    /// `Säkerhetsstrateg, Kommunstyrelseförvaltningen (sammankallande)`.
    func line(in config: KommunConfig, _ language: Language) -> String {
        var text = count.map { "\($0) × \(role)" } ?? role
        if let organisation { text += ", \(config.partyName(organisation))" }
        var notes: [String] = []
        if isChair { notes.append(language.pick("ordförande", "chair")) }
        if isConvener { notes.append(language.pick("sammankallande", "convener")) }
        switch attendance {
        case .regular: break
        case .asNeeded: notes.append(language.pick("vid förekommen anledning", "when needed"))
        case .adjunct: notes.append(language.pick("adjungerad", "co-opted"))
        }
        return notes.isEmpty ? text : "\(text) (\(notes.joined(separator: ", ")))"
    }
}

extension Activity.FollowUp {
    /// `Trygghetsmöte inom 1 month`, in the chosen language.
    func line(in config: KommunConfig, _ language: Language) -> String {
        let what = activity.flatMap { id in config.activities.first { $0.id == id }?.name } ?? description ?? ""
        switch timing {
        case .within(let offset): return "\(what) " + language.pick("inom \(offset.swedish)", "within \(offset)")
        case .after(let offset): return "\(what) " + language.pick("efter ca \(offset.swedish)", "after about \(offset)")
        }
    }
}

