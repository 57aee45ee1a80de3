/// Facts about this build of the platform.
public enum PlatformInfo {
    /// The platform's version, sent to external exporters.
    public static let version = "0.1.0"
}
