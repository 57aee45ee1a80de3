extension Language {
    /// The Swedish or the English text, whichever this language is.
    public func pick(_ sv: String, _ en: String) -> String {
        self == .en ? en : sv
    }
}
