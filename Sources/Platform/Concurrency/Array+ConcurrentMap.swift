import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, with the results in the array's order.
    ///
    /// For independent pieces of work of a millisecond or more each, such as decoding one kommun file or
    /// compiling one kommun's lägesbild; `transform` must not depend on the order it is called in.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        concurrentMap(lane: { _ in () }, { _, element in transform(element) })
    }

    /// `concurrentMap` in which each worker first makes what its pieces of work share and no other worker
    /// may touch, such as its own database connection: `lane(n)` is called once per worker (n = 0, 1, …),
    /// and the pieces are handed out one at a time, in order, to whichever worker is free.
    public func concurrentMap<Lane, T: Sendable>(
        lanes: Int = ProcessInfo.processInfo.activeProcessorCount,
        lane makeLane: @Sendable (Int) -> Lane,
        _ transform: @Sendable (Lane, Element) -> T
    ) -> [T] {
        let workers = Swift.max(1, Swift.min(lanes, count))
        guard workers > 1 else {
            let lane = makeLane(0)
            return map { transform(lane, $0) }
        }
        let next = Mutex(0)
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let lane = makeLane(worker)
            while true {
                let index = next.withLock { next in
                    defer { next += 1 }
                    return next
                }
                guard index < count else { break }
                let result = transform(lane, self[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
