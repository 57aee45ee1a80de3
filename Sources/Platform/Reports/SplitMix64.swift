import Foundation

/// A small, fast, seedable random number generator (SplitMix64), so simulations repeat exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// A Poisson-distributed count with mean `lambda` (Knuth's method; the rates here are small).
    public mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda > 30 { return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded())) }
        let limit = exp(-lambda)
        var product = nextDouble()
        var count = 0
        while product > limit {
            product *= nextDouble()
            count += 1
        }
        return count
    }

    /// A standard normal draw (Box–Muller).
    public mutating func normal() -> Double {
        let u = max(nextDouble(), .leastNonzeroMagnitude)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * nextDouble())
    }

    /// An index drawn with probability proportional to its weight.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = nextDouble() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }
}
