import Foundation
import PricePaths
import Testing

@testable import FundReports

@Suite struct RelativeErrorSketchTests {
  /// Values of both signs over seven decades, zeros and ties (a fixed seed).
  static func sample(count: Int, seed: UInt64 = 7) -> [Double] {
    var generator = SplitMix64(state: seed)
    return (0..<count).map { index in
      if index % 17 == 0 { return 0 }
      if index % 23 == 0 { return 1e7 }
      let u = Double(generator.next() >> 11) / Double(1 << 53)
      let magnitude = pow(10, 7 * u)
      return generator.next() % 3 == 0 ? -magnitude : magnitude
    }
  }

  /// The definition's bound: every rank's value within α·|x₍ᵣ₎| (plus rounding), the
  /// extremes exact.
  @Test(arguments: [0.01, 0.001])
  func everyRankWithinTheRelativeBound(accuracy: Double) {
    let values = Self.sample(count: 5000)
    var sketch = RelativeErrorSketch(relativeAccuracy: accuracy)
    values.forEach { sketch.add($0) }
    let sorted = values.sorted()
    let sketched = sketch.sortedValues
    #expect(sketched.count == sorted.count)
    var worst = 0.0
    for (rank, exact) in sorted.enumerated() {
      let error = abs(sketched[rank] - exact)
      worst = max(worst, error / max(abs(exact), .leastNonzeroMagnitude))
      #expect(error <= accuracy * abs(exact) * (1 + 1e-9), "rank \(rank): \(sketched[rank]) for \(exact)")
    }
    #expect(sketched[0] == sorted[0] && sketched[sorted.count - 1] == sorted.last!)
    // The bound is nearly reached (the sketch is not secretly exact).
    #expect(worst > accuracy / 2)
  }

  @Test func mergeIsExactAndOrderFree() throws {
    let values = Self.sample(count: 3000)
    var whole = RelativeErrorSketch()
    values.forEach { whole.add($0) }
    var parts = [RelativeErrorSketch(), RelativeErrorSketch(), RelativeErrorSketch()]
    for (index, value) in values.enumerated() { parts[index % 3].add(value) }
    var merged = parts[2]
    merged.merge(parts[0])
    merged.merge(parts[1])
    #expect(merged == whole)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(merged)
    #expect(data == (try encoder.encode(whole)))
    #expect(try JSONDecoder().decode(RelativeErrorSketch.self, from: data) == whole)
  }

  @Test func decodingRefusesBucketsThatDoNotAddUp() throws {
    var sketch = RelativeErrorSketch()
    [1.0, 2, 3].forEach { sketch.add($0) }
    let text = String(decoding: try JSONEncoder().encode(sketch), as: UTF8.self)
      .replacingOccurrences(of: "\"count\":3", with: "\"count\":4")
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(RelativeErrorSketch.self, from: Data(text.utf8)) }
  }

  /// Sketched run statistics: VaR within α of the larger neighbouring order statistic, ES
  /// within α of the tail's mean magnitude, and exact statistics merged into sketched ones
  /// equal statistics sketched from the start.
  @Test func sketchedRunStatisticsStayWithinTheBound() throws {
    let outcomes = Fixtures.randomOutcomes(count: 2000)
    let exact = Fixtures.statistics(outcomes)
    var sketched = Fixtures.emptyStatistics(threshold: 0)
    sketched.useQuantileMode(.sketch)
    outcomes.forEach { sketched.add($0) }
    #expect(sketched.fundLosses.isEmpty && sketched.lossSketch?.count == 2000)
    let a = RunSummary(statistics: exact)
    let b = RunSummary(statistics: sketched)
    let losses = exact.fundLosses.sorted()
    let alpha = RelativeErrorSketch.runAccuracy
    for (name, level) in [("fund_loss_var_95", 0.95), ("fund_loss_var_99", 0.99)] {
      let h = Double(losses.count - 1) * level
      let bound = alpha * max(abs(losses[Int(h)]), abs(losses[min(losses.count - 1, Int(h) + 1)]))
      let exactValue = try #require(a[name]?.value)
      let sketchValue = try #require(b[name]?.value)
      #expect(abs(exactValue - sketchValue) <= bound * (1 + 1e-9), "\(name)")
    }
    let tail = losses.suffix(ExpectedShortfall.tailCount(count: losses.count, level: 0.99))
    let esBound = alpha * tail.map(abs).reduce(0, +) / Double(tail.count)
    let esExact = try #require(a["fund_loss_es_99"]?.value)
    let esSketch = try #require(b["fund_loss_es_99"]?.value)
    #expect(abs(esExact - esSketch) <= esBound * (1 + 1e-9))
    // Everything that does not come from the per-path values is unchanged.
    #expect(a.markets == b.markets && a.fundQuantiles == b.fundQuantiles && a["paths"] == b["paths"])

    var converted = Fixtures.statistics(Array(outcomes[..<700]))
    converted.useQuantileMode(.sketch)
    converted.merge(Fixtures.statistics(Array(outcomes[700...])))
    #expect(converted.lossSketch == sketched.lossSketch && converted.drawdownSketch == sketched.drawdownSketch)
    let data = try JSONEncoder().encode(sketched)
    let decoded = try JSONDecoder().decode(RunStatistics.self, from: data)
    #expect(decoded.lossSketch == sketched.lossSketch && decoded.quantileMode == .sketch)
  }
}
