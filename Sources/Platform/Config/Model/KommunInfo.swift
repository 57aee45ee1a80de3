import Foundation

/// The kommun itself.
public struct KommunInfo: Sendable, Hashable, Codable {
    /// A document the configuration is built from.
    public struct Source: Sendable, Hashable, Codable {
        public var title: String
        public var url: String?
        public var date: String?
    }

    public var id: String
    public var name: String
    /// The län, `Västra Götalands län`.
    public var lan: String
    /// SCB's kommun code, `1484`.
    public var code: String?
    /// The centralort.
    public var seat: String?
    /// IANA time zone, `Europe/Stockholm` by default.
    public var timeZone: String
    /// The default output language.
    public var language: Language
    /// The lokalpolisområde.
    public var policeArea: String?
    public var sources: [Source]
    /// Who must log in to the web application with a second factor (TOTP) in this kommun.
    public var secondFactor: SecondFactorRule = .optional
}

/// Who must give a one-time code (TOTP) after the password: `kommun.secondFactor`.
public enum SecondFactorRule: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
    /// Anyone may turn it on; no one must (the default).
    case optional
    /// Coordinators (who manage users, ingest files and decide) must.
    case coordinators
    /// Everyone with a role in the kommun must.
    case everyone

    /// Whether someone with `role` in the kommun must use a second factor.
    public func requires(_ role: Role) -> Bool {
        switch self {
        case .optional: false
        case .coordinators: role == .coordinator
        case .everyone: true
        }
    }
}

extension KommunInfo: ConfigObject {
    init?(from m: ConfigMapping) {
        let id: String? = m.required("id", as: Identifier.self)?.rawValue
        let name: String? = m.required("name")
        let lan: String? = m.required("lan")
        code = m.optional("code")
        seat = m.optional("seat")
        timeZone = m.optional("timeZone") ?? "Europe/Stockholm"
        language = m.optional("language") ?? .sv
        policeArea = m.optional("policeArea")
        sources = m.list("sources")
        secondFactor = m.optional("secondFactor") ?? .optional
        if let code, code.count != 4 || !code.allSatisfy(\.isASCII) || !code.allSatisfy(\.isNumber) {
            m.value("code")?.error("a kommun code has four digits, found '\(code)'")
        }
        if let zone = m.value("timeZone"), TimeZone(identifier: timeZone) == nil {
            zone.error("unknown time zone '\(timeZone)'")
        }
        guard let id, let name, let lan else { return nil }
        self.id = id
        self.name = name
        self.lan = lan
    }
}

extension KommunInfo.Source: ConfigObject {
    init?(from m: ConfigMapping) {
        let title: String? = m.required("title")
        url = m.optional("url")
        date = m.optional("date")
        guard let title else { return nil }
        self.title = title
    }
}
