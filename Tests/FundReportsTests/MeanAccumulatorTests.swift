import Testing

@testable import FundReports

@Suite struct MeanAccumulatorTests {
  @Test func meanVarianceAndInterval() throws {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, s² = 32/7 = 4.571428…;
    // half-width 1.959964·√(4.571428/8) = 1.959964 × 0.7559289 = 1.4815937.
    var accumulator = MeanAccumulator()
    for value in [2.0, 4, 4, 4, 5, 5, 7, 9] { accumulator.add(value) }
    #expect(accumulator.mean == 5)
    #expect(try #require(accumulator.variance).isApproximately(32.0 / 7, tolerance: 1e-14))
    let estimate = accumulator.estimate()
    #expect(try #require(estimate.low).isApproximately(5 - 1.4815937, tolerance: 1e-6))
    #expect(try #require(estimate.high).isApproximately(5 + 1.4815937, tolerance: 1e-6))
  }

  @Test func referenceShiftDoesNotChangeTheResult() throws {
    var plain = MeanAccumulator()
    var shifted = MeanAccumulator(reference: 1e7)
    for value in [1e7 + 1, 1e7 - 2, 1e7 + 4] {
      plain.add(value)
      shifted.add(value)
    }
    // Mean 1e7 + 1, s² = (0 + 9 + 9)/2 = 9.
    #expect(shifted.mean == 1e7 + 1)
    #expect(shifted.variance == 9)
    #expect(try #require(plain.mean).isApproximately(1e7 + 1, tolerance: 1e-9))
  }

  @Test func pointMassAtTheReferenceHasAZeroWidthInterval() {
    var accumulator = MeanAccumulator(reference: 20_000_000)
    for _ in 0..<1_000 { accumulator.add(20_000_000) }
    #expect(accumulator.estimate() == Estimate(value: 20_000_000, low: 20_000_000, high: 20_000_000))
  }

  /// Identical values far from the reference — every path of a replayed crash ends with
  /// the same fund balance, 1 666.11 against a reference of 10⁷ — have variance exactly
  /// 0 and a zero-width interval at the value itself. Before the exact evaluation,
  /// `Σd² − (Σd)²/n` with `d ≈ −10⁷` left ±0.11 of rounding as an interval.
  @Test func identicalValuesFarFromTheReferenceHaveAZeroWidthInterval() {
    let value = 1_666.113_908_824_776_4
    var accumulator = MeanAccumulator(reference: 1e7)
    for _ in 0..<5 { accumulator.add(value) }
    #expect(accumulator.variance == 0)
    #expect(accumulator.estimate() == Estimate(value: value, low: value, high: value))
    var weighted = MeanAccumulator(reference: 1e7)
    weighted.add(value, count: 5)
    #expect(weighted == accumulator)
  }

  /// Two adjacent doubles at 10⁸, `δ = 2⁻²⁶` apart, with the reference at 0: their
  /// variance is `δ²/2 = 2⁻⁵³`. The naive `Σx² − (Σx)²/n` works near 2·10¹⁶, where one ulp
  /// is 4, and cannot see it; the exact evaluation gives it exactly.
  @Test func tinySpreadOnALargeValueIsResolved() throws {
    let a = 1e8
    let b = a.nextUp
    let delta = b - a
    #expect(delta == 0x1p-26)
    var accumulator = MeanAccumulator()
    accumulator.add(a)
    accumulator.add(b)
    // Two values: s² = (b − a)²/2.
    #expect(try #require(accumulator.variance) == delta * delta / 2)
  }

  @Test func smallSamples() {
    #expect(MeanAccumulator().estimate() == .notApplicable)
    var one = MeanAccumulator()
    one.add(3)
    #expect(one.estimate() == Estimate(value: 3))
  }

  @Test func weightedAddMatchesRepeatedAdd() {
    var repeated = MeanAccumulator()
    for _ in 0..<5 { repeated.add(3) }
    repeated.add(7)
    var weighted = MeanAccumulator()
    weighted.add(3, count: 5)
    weighted.add(7, count: 1)
    #expect(repeated == weighted)
  }

  @Test func mergeEqualsAddingEverything() {
    var all = MeanAccumulator(reference: 10)
    var first = MeanAccumulator(reference: 10)
    var second = MeanAccumulator(reference: 10)
    for (index, value) in [1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7].enumerated() {
      all.add(value)
      if index < 3 { first.add(value) } else { second.add(value) }
    }
    first.merge(second)
    #expect(first == all)
  }
}

extension Double {
  func isApproximately(_ other: Double, tolerance: Double) -> Bool { (self - other).magnitude <= tolerance }
}
