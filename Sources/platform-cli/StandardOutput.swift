@preconcurrency import Glibc
import Foundation
import Platform

/// Standard output, checked: a write that fails (a full disk, `> /dev/full`) makes the command fail with
/// a message instead of exiting 0 having written nothing.
enum StandardOutput {
    /// Writes `bytes` straight to file descriptor 1, after what `print` has buffered.
    static func write(_ bytes: [UInt8]) throws {
        fflush(stdout)
        if let status = bytes.withUnsafeBufferPointer({ AtomicFile.writeAll($0, to: STDOUT_FILENO) }) {
            throw WriteError(reason: String(cString: strerror(status)))
        }
    }

    /// Makes the process check, as it exits, that everything `print` wrote reached standard output; if not it
    /// says so on standard error and exits 1. Also lets a write beyond `ulimit -f` fail with an error (which
    /// cleans up) instead of killing the process by SIGXFSZ.
    static func checkAtExit() {
        signal(SIGXFSZ, SIG_IGN)
        atexit {
            let flushed = fflush(stdout) == 0
            let status = errno
            guard !flushed || ferror(stdout) != 0 else { return }
            Output.error("Error: \(WriteError(reason: flushed ? nil : String(cString: strerror(status))))")
            _exit(1)
        }
    }

    /// Standard output failed; the reason is known when the failing write was this process's last.
    struct WriteError: Error, CustomStringConvertible {
        var reason: String?
        var description: String { "standard output could not be written" + (reason.map { ": " + $0 } ?? "") }
    }
}
