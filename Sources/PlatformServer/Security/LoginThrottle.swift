import Foundation
import Synchronization

/// Counts failed logins per login name and per client address and refuses further tries for a while once
/// either reaches the limit. Held in memory: a restart clears it, which costs an attacker a restart they
/// cannot cause. The answer is the same whether or not the login exists (no user enumeration).
final class LoginThrottle: Sendable {
    private let limit: Int
    private let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// True when `keys` (e.g. `login:anna`, `ip:10.0.0.1`) may try again at `now`.
    func allows(_ keys: [String], now: Date) -> Bool {
        failures.withLock { failures in
            keys.allSatisfy { key in
                (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }.count < limit
            }
        }
    }

    func recordFailure(_ keys: [String], now: Date) {
        failures.withLock { failures in
            for key in keys {
                failures[key] = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window } + [now]
            }
        }
    }

    func reset(_ keys: [String]) {
        failures.withLock { failures in
            for key in keys { failures[key] = nil }
        }
    }
}
