import Foundation
import Platform

/// Writing to the terminal.
enum Output {
    /// A line on standard error (if that cannot be written there is nowhere left to say so).
    static func error(_ line: String) {
        _ = Array((line + "\n").utf8).withUnsafeBufferPointer { AtomicFile.writeAll($0, to: STDERR_FILENO) }
    }
}
