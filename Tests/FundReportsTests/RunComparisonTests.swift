import Testing

@testable import FundReports

@Suite struct RunComparisonTests {
  func metric(_ value: Double, _ low: Double?, _ high: Double?, unit: String = "probability") -> SummaryMetric {
    SummaryMetric(name: "m", value: value, ciLow: low, ciHigh: high, unit: unit)
  }

  /// d = y − x = [0, −1, 0, 0]: mean −0.25; sd √((3 · 0.25² + 0.75²) / 3) = 0.5;
  /// half-width 1.959964 · 0.5 / √4 = 0.489991.
  @Test func pairedByHand() {
    let change = RunComparison.paired(metric(0.5, nil, nil), metric(0.25, nil, nil), [0, 1, 1, 0], [0, 0, 1, 0])
    #expect(change.change == -0.25)
    #expect(abs(change.low! - (-0.25 - 0.489991)) < 1e-6)
    #expect(abs(change.high! - (-0.25 + 0.489991)) < 1e-6)
    #expect(change.isSignificant == false && change.method == .paired)
  }

  /// Newcombe (1998) method 10 from the Wilson intervals: p_A = 0.5 [0.3, 0.7],
  /// p_B = 0.1 [0.05, 0.2]: δ = −0.4, low −0.4 − √(0.05² + 0.2²) = −0.606155,
  /// high −0.4 + √(0.1² + 0.2²) = −0.176393.
  @Test func unpairedProbabilitiesByHand() {
    let change = RunComparison.unpaired(metric(0.5, 0.3, 0.7), metric(0.1, 0.05, 0.2))
    #expect(abs(change.change! + 0.4) < 1e-15)
    #expect(abs(change.low! + 0.606155) < 1e-6)
    #expect(abs(change.high! + 0.176393) < 1e-6)
    #expect(change.isSignificant == true)
  }

  /// Means: se = width / (2z); A [8, 12] → 1.020426, B [13, 15] → 0.510213; the change 4
  /// ± z √(1.020426² + 0.510213²) = 4 ± 2.236068.
  @Test func unpairedMeansByHand() {
    let change = RunComparison.unpaired(metric(10, 8, 12, unit: "events"), metric(14, 13, 15, unit: "events"))
    #expect(abs(change.low! - (4 - 2.236068)) < 1e-6 && abs(change.high! - (4 + 2.236068)) < 1e-6)
    let exact = RunComparison.unpaired(
      SummaryMetric(name: "paths", value: 10, unit: "paths"), SummaryMetric(name: "paths", value: 20, unit: "paths"))
    #expect(exact.method == .exact && exact.change == 10 && exact.low == nil && exact.isSignificant == nil)
  }
}
