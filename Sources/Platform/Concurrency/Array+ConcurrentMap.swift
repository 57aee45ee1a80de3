import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, with the results in the array's order.
    ///
    /// For independent pieces of work of a millisecond or more each, such as decoding one kommun file or
    /// compiling one kommun's lägesbild; `transform` must not depend on the order it is called in.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = transform(self[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }
}
