import Foundation
import FundSimulation
import Testing

@testable import FundReports

@Suite struct RunStatisticsTests {
  /// Every output a run produces from its statistics, as bytes.
  func outputs(_ statistics: RunStatistics) throws -> [Data] {
    let summary = RunSummary(statistics: statistics)
    let context = Fixtures.context(paths: statistics.pathCount)
    return [
      Data(RunTables.summaryCSV(summary).utf8), Data(RunTables.marketsCSV(summary).utf8),
      Data(RunTables.fundQuantilesCSV(summary).utf8), Data(MarkdownReport.render(summary, context: context).utf8),
      Data(FanChart.svg(summary).utf8), Data(PnLHistogramChart.svg(summary).utf8),
      try RunJSON.data(summary, context: context),
    ]
  }

  @Test func mergingEqualsAddingAllPathsByteForByte() throws {
    let outcomes = Fixtures.randomOutcomes(count: 3_000)
    let whole = Fixtures.statistics(outcomes)

    // Two shards.
    var first = Fixtures.statistics(Array(outcomes[..<1_234]))
    first.merge(Fixtures.statistics(Array(outcomes[1_234...])))
    #expect(try outputs(first) == outputs(whole))

    // Fixed chunks of 97 merged in order, as the driver does.
    var chunked = Fixtures.emptyStatistics()
    for start in stride(from: 0, to: outcomes.count, by: 97) {
      chunked.merge(Fixtures.statistics(Array(outcomes[start..<min(outcomes.count, start + 97)])))
    }
    #expect(try outputs(chunked) == outputs(whole))
    #expect(chunked.fundLosses == whole.fundLosses)

    // Chunks merged out of order (e.g. per-worker partials): same outputs.
    var shuffled = Fixtures.emptyStatistics()
    for start in stride(from: 0, to: outcomes.count, by: 250).reversed() {
      shuffled.merge(Fixtures.statistics(Array(outcomes[start..<min(outcomes.count, start + 250)])))
    }
    #expect(try outputs(shuffled) == outputs(whole))
  }

  /// One path in ten has 50 ADL events, by hand: values {50, 0 × 9}, mean 5, variance (45² + 9·5²)/9 = 250, half-width
  /// 1.959964·√(250/10) = 9.80, so the normal interval would start at −4.80. A count cannot
  /// be negative: the low end is clamped at 0; the high end is 14.80. Fund balances are not
  /// clamped.
  @Test func intervalsOfNonNegativeQuantitiesStartAtZero() {
    var outcomes = (0..<10).map { Fixtures.quiet(path: $0) }
    outcomes[3].adlEvents = 50
    let estimate = Fixtures.statistics(outcomes).mean(.adlEvents)
    #expect(estimate.value == 5)
    #expect(estimate.low == 0)
    #expect(abs((estimate.high ?? 0) - (5 + 1.959964 * 5)) < 1e-9)
    #expect(!PathQuantity.fundLoss.isNonNegative && PathQuantity.shortfall.isNonNegative)
  }

  @Test func countsAndPerPathValues() {
    var outcome = Fixtures.quiet(path: 0)
    outcome.finalFund = 900_000
    outcome.minFund = 850_000
    outcome.depletionStep = 12
    outcome.adlEvents = 1
    outcome.maxCascadeRounds = 3
    let statistics = Fixtures.statistics([outcome, Fixtures.quiet(path: 1)])
    #expect(statistics.pathCount == 2)
    #expect(statistics.depletedPaths == 1)
    #expect(statistics.adlPaths == 1)
    #expect(statistics.fundLosses == [100_000, 0])
    #expect(statistics.drawdowns == [150_000, 0])
    #expect(statistics.depletionSteps.sortedCounts.map(\.value) == [12])
    #expect(statistics.cascadeRounds.maximum == 3)
    #expect(statistics.mean(.finalFund).value == 950_000)
    #expect(statistics.hours(atStep: 90) == 1.5)
  }

  @Test func codableRoundTripPreservesEveryOutput() throws {
    let statistics = Fixtures.statistics(Fixtures.randomOutcomes(count: 1_500, seed: 8))
    let data = try JSONEncoder().encode(statistics)
    let decoded = try JSONDecoder().decode(RunStatistics.self, from: data)
    #expect(try outputs(decoded) == outputs(statistics))
    // A decoded shard still merges.
    var merged = decoded
    merged.merge(decoded)
    #expect(merged.pathCount == 3_000)
  }

  @Test func inconsistentSavedStatisticsAreRejected() throws {
    let statistics = Fixtures.statistics(Fixtures.randomOutcomes(count: 20))
    var object = try #require(
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(statistics)) as? [String: Any])
    object["pathCount"] = 21
    let corrupt = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(RunStatistics.self, from: corrupt) }
  }

  @Test func negativeZeroLossIsStoredAsPositiveZero() {
    let statistics = Fixtures.statistics([Fixtures.quiet(path: 0)])
    #expect(statistics.fundLosses[0].sign == .plus)
  }

  /// Three doubles per path are all that grows with the run, and the largest run keeps them
  /// within the given share of memory: 16 000 bytes × 0.75 / 24 bytes = 500 paths.
  @Test func perPathMemoryAndTheLargestRun() {
    var statistics = RunStatistics(
      symbols: ["A"], checkpointSteps: [0, 1], initialFund: 100, depletionThreshold: 0, stepSeconds: 60)
    for path in 0..<3 {
      var outcome = PathOutcome(path: path, initialFund: 100, markets: 1, checkpoints: 2)
      outcome.finalFund = 90
      outcome.minFund = 80
      outcome.fundNeeded = 20
      statistics.add(outcome)
    }
    #expect(
      (statistics.fundLosses.count + statistics.drawdowns.count + statistics.fundNeeded.count)
        * MemoryLayout<Double>.stride == 3 * RunStatistics.bytesPerPath)
    #expect(RunStatistics.largestRun(memoryBytes: 16_000) == 500)
    #expect(RunStatistics.largestRun(memoryBytes: 16_000, share: 1) == 666)
    // 24 GB: 7.5 × 10⁸ paths.
    #expect(RunStatistics.largestRun(memoryBytes: 24_000_000_000) == 750_000_000)
    #expect(RunStatistics.largestRun(memoryBytes: .max) > 1_000_000_000)
  }
}
