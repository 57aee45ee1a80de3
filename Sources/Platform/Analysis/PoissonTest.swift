import Foundation

/// The statistics behind hotspots: a one-sided Poisson test and the Benjamini–Hochberg adjustment.
public enum PoissonTest {
    /// P(X ≥ k) for X ~ Poisson(λ), summed upward from k in log space so tiny tails stay accurate.
    public static func upperTail(atLeast k: Int, mean lambda: Double) -> Double {
        guard k > 0 else { return 1 }
        guard lambda > 0 else { return 0 }
        var sum = 0.0
        var i = k
        while true {
            let term = exp(-lambda + Double(i) * log(lambda) - lgamma(Double(i) + 1))
            sum += term
            if (term < sum * 1e-16 && Double(i) > lambda) || i > k + 10_000 { break }
            i += 1
        }
        return min(1, sum)
    }

    /// Benjamini–Hochberg adjusted p-values, in the order given; `m` is the number of tests made (at
    /// least the number of p-values), so untested cells count as tests with p = 1.
    public static func benjaminiHochberg(_ pValues: [Double], tests m: Int) -> [Double] {
        let m = max(m, pValues.count)
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 1, count: pValues.count)
        var running = 1.0
        for rank in stride(from: order.count, through: 1, by: -1) {
            let index = order[rank - 1]
            running = min(running, pValues[index] * Double(m) / Double(rank))
            adjusted[index] = min(1, running)
        }
        return adjusted
    }
}
