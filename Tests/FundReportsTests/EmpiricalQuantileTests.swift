import Testing

@testable import FundReports

@Suite struct EmpiricalQuantileTests {
  let sample = [1.0, 2, 3, 4]

  @Test func type7MatchesNumpyDefault() {
    // numpy.quantile([1, 2, 3, 4], p): h = 3p.
    #expect(EmpiricalQuantile.type7(sample, 0) == 1)
    #expect(EmpiricalQuantile.type7(sample, 0.25) == 1.75)  // h = 0.75
    #expect(EmpiricalQuantile.type7(sample, 0.5) == 2.5)  // h = 1.5
    #expect(EmpiricalQuantile.type7(sample, 1) == 4)
    #expect(EmpiricalQuantile.type7(sample, 0.1)!.isApproximately(1.3, tolerance: 1e-15))  // h = 0.3
  }

  @Test func inverseCDFPicksAnOrderStatistic() {
    // Smallest x with Fₙ(x) ≥ p: rank ⌈4p⌉.
    #expect(EmpiricalQuantile.inverseCDF(sample, 0) == 1)
    #expect(EmpiricalQuantile.inverseCDF(sample, 0.25) == 1)
    #expect(EmpiricalQuantile.inverseCDF(sample, 0.26) == 2)
    #expect(EmpiricalQuantile.inverseCDF(sample, 0.5) == 2)
    #expect(EmpiricalQuantile.inverseCDF(sample, 0.75) == 3)
    #expect(EmpiricalQuantile.inverseCDF(sample, 1) == 4)
  }

  @Test func integerRanksAreSnapped() {
    // 0…100: (n − 1)·0.95 = 100 × 0.95 = 94.99999999999999 in floating point; snapped to 95.
    let values = (0...100).map(Double.init)
    #expect(EmpiricalQuantile.type7(values, 0.95) == 95)
    #expect(EmpiricalQuantile.type7(values, 0.99) == 99)
    #expect(EmpiricalQuantile.ceilingSnapped(1000 * (1 - 0.99)) == 10)
  }

  @Test func singleValueAndEmpty() {
    #expect(EmpiricalQuantile.type7([7.0], 0.3) == 7)
    #expect(EmpiricalQuantile.type7([Double](), 0.3) == nil)
    #expect(EmpiricalQuantile.inverseCDF([Double](), 0.3) == nil)
  }
}
