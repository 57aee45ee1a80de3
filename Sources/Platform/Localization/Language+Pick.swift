extension Language {
    /// The Swedish or the English value (a text, a list of words), whichever this language is.
    public func pick<Value>(_ sv: Value, _ en: Value) -> Value {
        self == .en ? en : sv
    }
}
