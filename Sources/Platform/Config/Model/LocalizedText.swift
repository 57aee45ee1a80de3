/// A name shown in output, in Swedish and optionally English: `Klotter` or `{sv: Klotter, en: Graffiti}`.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var sv: String
    public var en: String?

    public init(sv: String, en: String? = nil) {
        self.sv = sv
        self.en = en
    }

    /// The text in `language`, falling back to Swedish.
    public func text(_ language: Language) -> String {
        language == .en ? (en ?? sv) : sv
    }
}

/// An output language.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable, ConfigEnum {
    case sv, en
}

extension LocalizedText: ConfigDecodable {
    static func decode(from value: ConfigValue) -> LocalizedText? {
        if case .mapping = value.node.content {
            guard let mapping = value.mapping() else { return nil }
            let sv: String? = mapping.required("sv")
            let en: String? = mapping.optional("en")
            mapping.finish()
            return sv.map { LocalizedText(sv: $0, en: en) }
        }
        return value.text().map { LocalizedText(sv: $0) }
    }
}
