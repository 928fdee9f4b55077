import Testing

@testable import FundReports

@Suite struct WilsonIntervalTests {
  /// Newcombe (1998), Table I, method 3 (score interval without continuity correction).
  @Test(arguments: [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
  ])
  func publishedExamples(successes: Int, trials: Int, low: Double, high: Double) throws {
    let interval = try #require(WilsonInterval.interval(successes: successes, trials: trials))
    #expect((interval.lowerBound * 10_000).rounded() / 10_000 == low)
    #expect((interval.upperBound * 10_000).rounded() / 10_000 == high)
  }

  @Test func noSuccessesGivesZeroToTheClosedFormBound() throws {
    // k = 0: the upper bound is z²/(n + z²) = 3.841459/(10 + 3.841459) = 0.277535…
    let interval = try #require(WilsonInterval.interval(successes: 0, trials: 10))
    #expect(interval.lowerBound == 0)
    let z2 = 1.959964 * 1.959964
    #expect(interval.upperBound.isApproximately(z2 / (10 + z2), tolerance: 1e-15))
  }

  @Test func allSuccessesReachOne() throws {
    let interval = try #require(WilsonInterval.interval(successes: 10, trials: 10))
    #expect(interval.upperBound == 1)
    #expect(interval.lowerBound.isApproximately(1 - 1.959964 * 1.959964 / (10 + 1.959964 * 1.959964), tolerance: 1e-15))
  }

  @Test func estimateCarriesTheProportion() {
    #expect(WilsonInterval.estimate(successes: 1, trials: 4).value == 0.25)
    #expect(WilsonInterval.estimate(successes: 0, trials: 0) == .notApplicable)
  }
}
