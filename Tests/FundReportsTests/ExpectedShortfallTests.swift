import Testing

@testable import FundReports

@Suite struct ExpectedShortfallTests {
  @Test func esOfOneToAHundred() {
    // k = ⌈100 × 0.05⌉ = 5: ES₉₅ = mean(96…100) = 98.
    // Tail variance of 96…100: 10/4 = 2.5; v = 96, ES − v = 2;
    // Var = (2.5 + 0.95 × 4)/5 = 1.26; half-width = 1.959964 × √1.26 = 1.959964 × 1.1224972 = 2.2000541.
    let losses = (1...100).map(Double.init)
    let estimate = ExpectedShortfall.estimate(sortedLosses: losses, level: 0.95)
    #expect(estimate.value == 98)
    #expect(estimate.low!.isApproximately(98 - 2.2000541, tolerance: 1e-6))
    #expect(estimate.high!.isApproximately(98 + 2.2000541, tolerance: 1e-6))
  }

  @Test func tailCountUsesTheExactCeiling() {
    // 1000 × (1 − 0.99) is 10.000000000000009 in floating point; the tail is 10 paths.
    #expect(ExpectedShortfall.tailCount(count: 1000, level: 0.99) == 10)
    #expect(ExpectedShortfall.tailCount(count: 1000, level: 0.999) == 1)
    #expect(ExpectedShortfall.tailCount(count: 100, level: 0.999) == 1)  // ⌈0.1⌉
    #expect(ExpectedShortfall.tailCount(count: 1001, level: 0.99) == 11)  // ⌈10.01⌉
  }

  @Test func singleTailValueHasNoInterval() {
    let losses = (1...100).map(Double.init)
    #expect(ExpectedShortfall.estimate(sortedLosses: losses, level: 0.999) == Estimate(value: 100))
  }

  @Test func esIsNeverBelowVaR() {
    let losses = (0..<997).map { Double($0 * $0 % 1013) }.sorted()
    for level in [0.5, 0.9, 0.95, 0.99, 0.999] {
      let es = ExpectedShortfall.estimate(sortedLosses: losses, level: level).value!
      let value = ValueAtRisk.estimate(sortedLosses: losses, level: level).value!
      #expect(es >= value)
    }
  }
}
