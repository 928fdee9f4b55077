import MonteCarlo
import Testing

/// The one-run counts and answers on a sample small enough to check by hand.
@Suite struct FundNeededSampleTests {
  /// Threshold 0; five paths needing 0, 5, 10, 10 and 20, the one needing 5 with ADL at
  /// any balance (an unfillable book); each path's ADL need equal to its need.
  let sample = FundNeededSample(
    threshold: 0, paths: [(10, 10, false), (0, 0, false), (20, 20, false), (5, 5, true), (10, 10, false)])

  @Test func countsFollowTheTieRules() {
    // Depleted at F ⇔ F ≤ needed: at 10 the two paths needing 10 and the one needing 20.
    #expect(sample.depletedCount(at: 0) == 5)
    #expect(sample.depletedCount(at: 10) == 3)
    #expect(sample.depletedCount(at: 10.5) == 1)
    #expect(sample.depletedCount(at: 21) == 0)
    // ADL at F ⇔ ADL at any balance or F < needed: at 10 the ADL path and the one needing 20.
    #expect(sample.adlCount(at: 0) == 4)  // 5, 10, 10, 20 (the path needing 0 has no ADL at 0)
    #expect(sample.adlCount(at: 10) == 2)
    #expect(sample.adlCount(at: 20) == 1)
  }

  @Test func answersAreTheSmallestWholeBalancesThatMeetTheTargets() throws {
    // At most one depleted path of five: above the second largest need (10) → 11.
    #expect(sample.balance(.depletion, allowing: 1) == 11)
    #expect(sample.depletedCount(at: 11) == 1 && sample.depletedCount(at: 10) == 3)
    // No depleted path: above the largest (20) → 21.
    #expect(sample.balance(.depletion, allowing: 0) == 21)
    // At most one ADL path: the ADL path itself, so every other path needs F ≥ its need → 20.
    #expect(sample.balance(.adl, allowing: 1) == 20)
    #expect(sample.adlCount(at: 20) == 1 && sample.adlCount(at: 19) == 2)
    // No ADL at all: not reachable, whatever the balance.
    #expect(sample.balance(.adl, allowing: 0) == nil)
    let sized = sample.sized(try SizingTarget(parsing: "adl<0.2"))
    #expect(sized.fundNeeded == nil && sized.method == .oneRun)
  }

  @Test func theIntervalWidensWithFewPaths() throws {
    let sized = sample.sized(try SizingTarget(parsing: "depletion<=0.2"))
    #expect(sized.fundNeeded == 11)
    // Five paths cannot show a 20% probability is met with 95% confidence (the Wilson upper
    // bound for 0 of 5 is 0.43): no upper end. The lower end allows the most paths whose
    // Wilson lower bound still meets 20%: 2 of 5 (0.118; 3 of 5 gives 0.231), and with
    // the tie at 10 that is the same balance, 11.
    #expect(sized.high == nil)
    #expect(sized.low == 11)
  }

  @Test func aFailureWithoutCounterpartiesIsNoADL() {
    // Needs 10, but every payment beyond 4 found the opposite side empty: ADL only below 4.
    let thin = FundNeededSample(threshold: 0, paths: [(10, 4, false), (3, -.infinity, false)])
    #expect(thin.depletedCount(at: 5) == 1 && thin.adlCount(at: 5) == 0)
    #expect(thin.adlCount(at: 3.5) == 1 && thin.adlCount(at: 0) == 1)
    #expect(thin.balance(.adl, allowing: 0) == 4)
  }

  @Test func theCurveSpansTheMedianToAboveTheLargestNeed() {
    let balances = sample.curveBalances(levels: 50, extra: [7.5, -1])
    #expect(balances.first == 7.5 && balances.contains(10) && balances.last! > 20)
    #expect(balances.contains(7.5) && !balances.contains(-1))
    #expect(balances == balances.sorted() && Set(balances).count == balances.count)
  }
}
