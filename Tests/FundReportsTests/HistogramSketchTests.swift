import Foundation
import PricePaths
import Testing

@testable import FundReports

@Suite struct HistogramSketchTests {
  /// Approximately normal values (sum of 12 uniforms − 6) scaled around 1e6, spilling
  /// outside neither end of the fund-balance range.
  func sample(_ count: Int, seed: UInt64) -> [Double] {
    var generator = SplitMix64(state: seed)
    return (0..<count).map { _ in
      var sum = -6.0
      for _ in 0..<12 { sum += Double(generator.next() >> 11) * 0x1p-53 }
      return 1_000_000 + 250_000 * sum
    }
  }

  @Test func quantilesWithinOneBinWidthOfTheExactQuantile() throws {
    let values = sample(20_000, seed: 11)
    var sketch = HistogramSketch.fundBalance(initialFund: 1_000_000, depletionThreshold: 0)
    for value in values { sketch.add(value) }
    let sorted = values.sorted()
    // Rough width (3e6 + 5e4)/4000 = 762.5 → 1e6/762.5 = 1311.48 → 1311 bins between the
    // threshold 0 and the initial fund: width 1e6/1311 = 762.777…
    let width = sketch.binWidth
    #expect(width.isApproximately(1e6 / 1311, tolerance: 1e-9))
    for p in [0.0, 0.001, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0.999, 1] {
      let exact = try #require(EmpiricalQuantile.type7(sorted, p))
      let estimate = try #require(sketch.quantile(p))
      #expect((estimate - exact).magnitude <= width * (1 + 1e-9), "p = \(p): \(estimate) vs \(exact)")
    }
    // The extremes are exact.
    #expect(sketch.quantile(0) == sorted.first)
    #expect(sketch.quantile(1) == sorted.last)
    #expect(sketch.mean!.isApproximately(values.reduce(0, +) / Double(values.count), tolerance: 1e-6))
  }

  /// A threshold within half a bin of the fund (or a fund of almost nothing) keeps the bin
  /// count bounded: aligning both edges would need up to 4 × 10⁷ bins (fund 10⁷, threshold
  /// 1 below), or trap converting an infinite count. The threshold stays on an edge.
  @Test func nearlyEqualThresholdAndFundKeepTheBinsBounded() {
    let cases: [(fund: Double, threshold: Double)] = [
      (1e7, 9_999_999), (1e7, 9_999_999.999), (1e7, 9_999_999.999_999_99), (1e-9, 0), (1e-20, 0), (1e-300, 0),
    ]
    for (fund, threshold) in cases {
      var sketch = HistogramSketch.fundBalance(initialFund: fund, depletionThreshold: threshold)
      #expect(sketch.binCount <= 4000, "\(fund), \(threshold): \(sketch.binCount) bins")
      let position = (threshold - sketch.lowerBound) / sketch.binWidth
      #expect(position.isApproximately(position.rounded(), tolerance: 1e-6), "\(fund), \(threshold)")
      #expect(sketch.lowerBound <= min(threshold, 0) && sketch.upperBound >= 3 * fund - sketch.binWidth)
      // Quantiles stay within a bin of the truth: half the paths at the threshold, half at the fund.
      for _ in 0..<50 {
        sketch.add(threshold)
        sketch.add(fund)
      }
      #expect(sketch.quantile(0.25) == threshold)
      #expect(sketch.quantile(1) == fund)
    }
  }

  @Test func pointMassIsExact() {
    var sketch = HistogramSketch.fundBalance(initialFund: 20_000_000, depletionThreshold: 0)
    for _ in 0..<5_000 { sketch.add(20_000_000) }
    for value in sketch.quantiles(FundQuantileRow.levels) { #expect(value == 20_000_000) }
    #expect(sketch.mean == 20_000_000)
  }

  @Test func thresholdAndInitialFundAreBinEdges() {
    for (fund, threshold) in [(1e6, 0.0), (2e7, 0), (2e7, 5e6), (3.3e5, -1e5), (123_456.789, 0)] {
      let sketch = HistogramSketch.fundBalance(initialFund: fund, depletionThreshold: threshold)
      for edge in [threshold, fund] {
        let position = (edge - sketch.lowerBound) / sketch.binWidth
        #expect(position.isApproximately(position.rounded(), tolerance: 1e-6), "\(fund), \(threshold)")
      }
      #expect((3_900...4_100).contains(sketch.binCount))
      #expect(sketch.lowerBound < min(threshold, 0) && sketch.upperBound >= 3 * fund)
    }
  }

  @Test func atomsAtTheInitialFundAndThresholdAreExactAmidOtherValues() throws {
    // 45% of paths untouched at 1e6, 10% floored at 0, the rest spread on both sides of
    // both atoms (also inside their bins). Exact type-7 quantiles landing on an atom must
    // be reproduced exactly.
    var generator = SplitMix64(state: 17)
    var values: [Double] = []
    for index in 0..<10_000 {
      let u = Double(generator.next() >> 11) * 0x1p-53
      switch index % 20 {
      case 0..<9: values.append(1_000_000)
      case 9, 10: values.append(0)
      case 11: values.append(1_000_000 + (u - 0.5) * 1_000)  // within a bin of the atom
      case 12: values.append((u - 0.5) * 1_000)
      default: values.append(u * 1_200_000 - 40_000)  // inside the range
      }
    }
    var sketch = HistogramSketch.fundBalance(initialFund: 1_000_000, depletionThreshold: 0)
    for value in values { sketch.add(value) }
    let sorted = values.sorted()
    for p in [0.1, 0.12, 0.5, 0.6, 0.7] {
      let exact = try #require(EmpiricalQuantile.type7(sorted, p))
      #expect(exact == 0 || exact == 1_000_000, "p = \(p) is not on an atom: \(exact)")
      #expect(sketch.quantile(p) == exact, "p = \(p)")
    }
    for p in [0.01, 0.05, 0.25, 0.4, 0.95, 0.99] {
      let exact = try #require(EmpiricalQuantile.type7(sorted, p))
      #expect((try #require(sketch.quantile(p)) - exact).magnitude <= sketch.binWidth)
    }
  }

  @Test func outOfRangeValuesKeepExactExtremes() {
    var sketch = HistogramSketch(lowerBound: 0, upperBound: 10, binCount: 10)
    for value in [-5.0, -3, 4.5, 12, 20] { sketch.add(value) }
    #expect(sketch.quantile(0) == -5)
    #expect(sketch.quantile(1) == 20)
    #expect(sketch.quantile(0.5) == 4.5)
    let bins = sketch.occupiedBins()
    #expect(bins.map(\.index) == [0, 5, 11])
  }

  @Test func mergingAnyGroupingGivesIdenticalBins() throws {
    // Partials of several sizes: some stay staged (≤ stagingLimit values), some switch to
    // bins; once `merged` is binned, staged partials wait in its staging until it overflows
    // (the last two stay there, so the quantiles below must count them).
    let limit = HistogramSketch.stagingLimit
    let sizes = [3, 700, limit + 5, 1, limit - 2, 2 * limit + 3, 100, 7]
    let values = sample(sizes.reduce(0, +), seed: 5)
    var whole = HistogramSketch.fundBalance(initialFund: 1_000_000, depletionThreshold: 0)
    for value in values { whole.add(value) }
    var merged = HistogramSketch.fundBalance(initialFund: 1_000_000, depletionThreshold: 0)
    var start = 0
    for size in sizes {
      var part = HistogramSketch.fundBalance(initialFund: 1_000_000, depletionThreshold: 0)
      for value in values[start..<(start + size)] { part.add(value) }
      merged.merge(part)
      start += size
    }
    #expect(start == values.count)
    #expect(merged.count == whole.count)
    #expect(merged.quantiles(FundQuantileRow.levels) == whole.quantiles(FundQuantileRow.levels))
    #expect(merged.mean == whole.mean)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    #expect(try encoder.encode(merged) == encoder.encode(whole))
  }

  @Test func codableRoundTrip() throws {
    var sketch = HistogramSketch.fundBalance(initialFund: 1_000_000, depletionThreshold: -1e5)
    for value in sample(3_000, seed: 9) { sketch.add(value) }
    let decoded = try JSONDecoder().decode(HistogramSketch.self, from: JSONEncoder().encode(sketch))
    #expect(decoded.quantiles([0.01, 0.5, 0.99]) == sketch.quantiles([0.01, 0.5, 0.99]))
    #expect(decoded.count == sketch.count)
    #expect(decoded.mean == sketch.mean)
  }

  @Test func emptySketchHasNoQuantiles() {
    let sketch = HistogramSketch.fundBalance(initialFund: 1, depletionThreshold: 0)
    #expect(sketch.quantile(0.5) == nil)
    #expect(sketch.mean == nil)
  }
}
