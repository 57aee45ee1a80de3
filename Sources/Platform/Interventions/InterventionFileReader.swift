import Foundation

/// Reads interventions to import from a YAML file (`interventions:` a list of mappings) or a CSV file (one
/// row each), with the same keys in both:
/// `title, proposedBy, proposedOn, period, areas, indicators, decidedBy, decidedOn, owner, start, plannedEnd`.
///
/// Lists (`areas`, `indicators`) are YAML lists, or comma-separated in a CSV field. The decision keys are
/// given all together (owner and planned end optional) or not at all.
public enum InterventionFileReader {
    /// The keys a row may have.
    public static let keys = ["title", "proposedBy", "proposedOn", "period", "areas", "indicators",
                              "decidedBy", "decidedOn", "owner", "start", "plannedEnd"]

    /// The rows of the file at `path`, checked against `config`; throws every problem in the file, in line order,
    /// whether it is one of form (a bad date, an unknown key) or of reference (an unknown area).
    public static func rows(path: String, config: KommunConfig) throws -> [InterventionImportRow] {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return try readYAML(path: path, config: config).get() }
        if lower.hasSuffix(".csv") { return try readCSV(path: path, config: config).get() }
        throw InterventionError("\(path): expected a .yaml, .yml or .csv file")
    }

    private static func readYAML(path: String, config: KommunConfig) -> Result<[InterventionImportRow], InterventionError> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.init("\(path): cannot read the file")) }
        let document = YAMLLoader().load(Array(data), file: path)
        if !document.diagnostics.isEmpty { return .failure(.init(document.diagnostics.map(\.headline))) }
        guard let items = document.root?.pairs?.first(where: { $0.key.scalar?.text == "interventions" })?.value.items else {
            return .failure(.init("\(path): expected a mapping with the key 'interventions' holding a list"))
        }
        var rows: [InterventionImportRow] = []
        var problems: [String] = []
        for item in items {
            guard let pairs = item.pairs else {
                problems.append("line \(item.mark.line): expected a mapping, found \(item.kindName)")
                continue
            }
            var fields: [String: [String]] = [:]
            for pair in pairs {
                let key = pair.key.scalar?.text ?? ""
                if let scalar = pair.value.scalar {
                    fields[key] = scalar.isNull ? [] : [scalar.text]
                } else if let list = pair.value.items {
                    fields[key] = list.compactMap { $0.scalar?.text }
                } else {
                    problems.append("line \(pair.value.mark.line): '\(key)' is a value or a list, not \(pair.value.kindName)")
                }
            }
            switch row(fields, line: item.mark.line) {
            case .success(let row):
                rows.append(row)
                problems += row.problems(in: config)
            case .failure(let error): problems += error.problems
            }
        }
        return problems.isEmpty ? .success(rows) : .failure(.init(problems))
    }

    private static func readCSV(path: String, config: KommunConfig) -> Result<[InterventionImportRow], InterventionError> {
        do {
            let reader = try CSVReader(path: path)
            guard let header = try reader.next() else { return .failure(.init("\(path): the file is empty")) }
            let unknown = header.fields.filter { !keys.contains($0) }
            if !unknown.isEmpty {
                return .failure(.init("line 1: unknown column \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (known: \(keys.joined(separator: ", ")))"))
            }
            var rows: [InterventionImportRow] = []
            var problems: [String] = []
            while let record = try reader.next() {
                var fields: [String: [String]] = [:]
                for (name, value) in zip(header.fields, record.fields) {
                    let parts = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    fields[name] = name == "title" ? [value] : parts
                }
                if record.fields.count != header.fields.count {
                    problems.append("line \(record.line): \(record.fields.count.counted("field")), the header has \(header.fields.count)")
                    continue
                }
                switch row(fields, line: record.line) {
                case .success(let row):
                    rows.append(row)
                    problems += row.problems(in: config)
                case .failure(let error): problems += error.problems
                }
            }
            return problems.isEmpty ? .success(rows) : .failure(.init(problems))
        } catch {
            return .failure(.init("\(path): \(error)"))
        }
    }

    /// One row from its fields; every problem prefixed with the line.
    private static func row(_ fields: [String: [String]], line: Int) -> Result<InterventionImportRow, InterventionError> {
        var problems: [String] = []
        for key in fields.keys where !keys.contains(key) {
            problems.append("unknown key '\(key)'\(Suggestion.nearest(to: key, among: keys).map { " (did you mean '\($0)'?)" } ?? "")")
        }
        func single(_ key: String, required: Bool) -> String? {
            let values = fields[key] ?? []
            if values.count > 1 { problems.append("'\(key)' takes one value, found \(values.count)") }
            if values.isEmpty, required { problems.append("'\(key)' is missing") }
            return values.first
        }
        func date(_ key: String, required: Bool) -> CalendarDate? {
            guard let text = single(key, required: required) else { return nil }
            guard let date = CalendarDate(iso: text) else {
                problems.append("'\(key)': '\(text)' is not a date (YYYY-MM-DD)")
                return nil
            }
            return date
        }
        let title = single("title", required: true)
        let proposedBy = single("proposedBy", required: true)
        let proposedOn = date("proposedOn", required: true)
        let period = single("period", required: false)
        let decisionKeys = ["decidedBy", "decidedOn", "start"]
        let decided = decisionKeys.contains { fields[$0]?.isEmpty == false } || fields["owner"]?.isEmpty == false
        let decidedBy = single("decidedBy", required: decided)
        let decidedOn = date("decidedOn", required: decided)
        let owner = single("owner", required: false)
        let start = date("start", required: decided)
        let plannedEnd = date("plannedEnd", required: false)
        guard problems.isEmpty, let title, let proposedBy, let proposedOn else {
            return .failure(.init(problems.map { "line \(line): \($0)" }))
        }
        let proposal = InterventionProposal(title: title, proposedBy: proposedBy, proposedOn: proposedOn, lagesbildPeriod: period,
                                            areas: fields["areas"] ?? [], indicators: fields["indicators"] ?? [])
        var decision: InterventionDecision?
        if decided, let decidedBy, let decidedOn, let start {
            decision = InterventionDecision(decidedBy: decidedBy, decidedOn: decidedOn, owner: owner ?? decidedBy, start: start,
                                            plannedEnd: plannedEnd)
        }
        return .success(InterventionImportRow(line: line, proposal: proposal, decision: decision))
    }
}
