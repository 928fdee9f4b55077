import Testing

@testable import FundReports

@Suite struct ValueAtRiskTests {
  @Test func varOfOneToAHundred() {
    // Losses 1…100. VaR₉₅ = Q₇(0.95): h = 99 × 0.95 = 94.05 → x₉₄ + 0.05·(x₉₅ − x₉₄) = 95.05.
    // Ranks: 95 ∓ 1.959964·√(100 × 0.95 × 0.05) = 95 ∓ 4.271644 → j = 90, k = 100.
    let losses = (1...100).map(Double.init)
    let estimate = ValueAtRisk.estimate(sortedLosses: losses, level: 0.95)
    #expect(estimate.value!.isApproximately(95.05, tolerance: 1e-12))
    #expect(estimate.low == 90)
    #expect(estimate.high == 100)
  }

  @Test func gainsGiveNegativeLosses() {
    // Every path gained 10 to 50: the 95% loss quantile is a gain.
    let losses = stride(from: -50.0, through: -10, by: 10).map { $0 }
    // h = 4 × 0.95 = 3.8 → −20 + 0.8 × 10 = −12.
    #expect(ValueAtRisk.estimate(sortedLosses: losses, level: 0.95).value!.isApproximately(-12, tolerance: 1e-12))
  }

  @Test func pointMassIsExact() {
    let losses = Array(repeating: 0.0, count: 5_000)
    #expect(ValueAtRisk.estimate(sortedLosses: losses, level: 0.999) == Estimate(value: 0, low: 0, high: 0))
  }
}
