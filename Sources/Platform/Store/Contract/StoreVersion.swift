/// A reading of a store's change counters (`PlatformStore.version()`): equal readings mean nothing was
/// committed in between. What the counters are is the implementation's own.
public struct StoreVersion: Sendable, Hashable {
    var counters: [Int64]

    /// A reading of `counters`, for a store implementation.
    public init(_ counters: [Int64]) {
        self.counters = counters
    }
}
