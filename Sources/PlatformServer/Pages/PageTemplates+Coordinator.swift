extension PageTemplates {
    /// The coordinator's pages beyond reading in files and the log.
    static let coordinator: [String: String] = [:]
}
