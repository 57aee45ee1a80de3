import Testing
@testable import Platform

@Suite("Hotspot statistics")
struct PoissonTestTests {
    @Test func upperTailMatchesClosedForms() {
        // P(X ≥ 1 | λ) = 1 − e^−λ; P(X ≥ 2 | 1) = 1 − 2/e.
        #expect(abs(PoissonTest.upperTail(atLeast: 1, mean: 0.5) - 0.393_469_340_287_366_6) < 1e-12)
        #expect(abs(PoissonTest.upperTail(atLeast: 2, mean: 1) - 0.264_241_117_657_115_4) < 1e-12)
        #expect(PoissonTest.upperTail(atLeast: 0, mean: 3) == 1)
        // A far tail stays positive and tiny rather than rounding to zero or going negative.
        let far = PoissonTest.upperTail(atLeast: 40, mean: 1)
        #expect(far > 0 && far < 1e-40)
    }

    @Test func benjaminiHochbergMatchesHandComputation() {
        // p = 0.01, 0.04, 0.03, 0.5 with m = 4: ranks 1..4 → 0.04, 0.0533, 0.0533, 0.5.
        let adjusted = PoissonTest.benjaminiHochberg([0.01, 0.04, 0.03, 0.5], tests: 4)
        let expected = [0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5]
        for (a, e) in zip(adjusted, expected) { #expect(abs(a - e) < 1e-12) }
        // Untested cells count as tests.
        #expect(PoissonTest.benjaminiHochberg([0.01], tests: 100) == [1])
    }
}
