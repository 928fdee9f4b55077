import FundSimulation
import Testing

@testable import FundReports

/// The report's opening paragraph cites the fund needed for 99% survival from
/// `fund_needed_p99` when the run knows it, and falls back to the drawdown otherwise.
@Suite struct ReportNarrativeTests {
  /// 100 paths, each needing `1 000 × (i + 1)` (i = 0…99): the type-7 99% quantile is
  /// 1 000 × (1 + 0.99 × 99) = 99 010, shown as 99.0K.
  @Test func citesTheFundNeeded() {
    var outcomes = (0..<100).map { Fixtures.quiet(path: $0) }
    for i in outcomes.indices { outcomes[i].fundNeeded = 1_000 * Double(i + 1) }
    var statistics = Fixtures.statistics(outcomes)
    statistics.sortPerPathValues()
    let summary = RunSummary(statistics: statistics)
    #expect(summary["fund_needed_p99"]?.value.map { abs($0 - 99_010) < 1e-6 } == true)
    let text = ReportNarrative.opening(summary)
    #expect(text.contains("Surviving 99% of them takes a fund of **99.0K USDC"))
  }

  /// Without per-path needs (takeover, or a drawdown trigger) the paragraph uses the
  /// drawdown quantile instead.
  @Test func fallsBackToTheDrawdown() {
    var statistics = Fixtures.statistics(Fixtures.randomOutcomes(count: 200))
    statistics.sortPerPathValues()
    let summary = RunSummary(statistics: statistics)
    #expect(summary["fund_needed_p99"]?.value == nil)
    let text = ReportNarrative.opening(summary)
    #expect(text.contains("Surviving 99% of them"))
    #expect(!text.contains("fundstress size"))
  }
}
