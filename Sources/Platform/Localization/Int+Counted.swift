extension Int {
    /// The number with its noun in the singular or plural: `1 bad row`, `2 bad rows`, `1 möte`, `3 möten`.
    /// The plural is the singular with an `s` when not given.
    public func counted(_ singular: String, plural: String? = nil) -> String {
        "\(self) " + (self == 1 ? singular : plural ?? singular + "s")
    }
}
