/// What a password must be (NIST SP 800-63B: length, no composition rules): at least 12 characters, and at
/// most 256 (bcrypt reads the first 72 bytes; a longer limit only stops absurd input).
public enum PasswordRule {
    public static let minimumLength = 12
    public static let maximumLength = 256

    /// Throws `AccountError.weakPassword` naming what is wrong; the message never holds the password.
    public static func check(_ password: String) throws(AccountError) {
        if password.count < minimumLength {
            throw .weakPassword("at least \(minimumLength) characters are needed (a few words make a good one)")
        }
        if password.count > maximumLength {
            throw .weakPassword("at most \(maximumLength) characters")
        }
    }
}
