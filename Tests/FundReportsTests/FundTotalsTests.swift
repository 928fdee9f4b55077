import Foundation
import FundSimulation
import Testing

@testable import FundReports

/// Per-fund statistics and `funds.csv` (docs/MODEL.md, "Fund scopes"), by hand.
@Suite struct FundTotalsTests {
  /// Two funds: BTC+ETH with 600 000, SOL with 400 000 (quiet on every path). BTC+ETH's
  /// (lowest, final, depletion step, shortfall) on four paths: (600k, 600k, –, 0),
  /// (100k, 200k, –, 400k), (0, 0, 15, 600k), (500k, 650k, –, 50k).
  static func outcome(_ path: Int) -> PathOutcome {
    let rows: [(Double, Double, Int?, Double)] = [
      (600_000, 600_000, nil, 0), (100_000, 200_000, nil, 400_000), (0, 0, 15, 600_000),
      (500_000, 650_000, nil, 50_000),
    ]
    let (low, final, step, shortfall) = rows[path]
    var o = Fixtures.quiet(path: path)
    o.funds = [
      FundOutcome(
        markets: [0, 1], initial: 600_000, minimum: low, final: final, depletionStep: step, shortfall: shortfall),
      FundOutcome(markets: [2], initial: 400_000, minimum: 400_000, final: 400_000, depletionStep: nil, shortfall: 0),
    ]
    return o
  }

  static func statistics(_ paths: Range<Int>) -> RunStatistics {
    var s = Fixtures.emptyStatistics()
    for path in paths { s.add(outcome(path)) }
    return s
  }

  /// Depleted on 1 of 4 paths; mean shortfall (0 + 400k + 600k + 50k)/4 = 262 500; mean
  /// loss (0 + 400k + 600k − 50k)/4 = 237 500; drawdowns 0, 100k, 500k, 600k, so the type-7
  /// 95th percentile is at rank 3 × 0.95 = 2.85: 500k + 0.85 × 100k = 585 000 (the sketch
  /// holds it within 0.1%).
  @Test func handValues() throws {
    let funds = try #require(Self.statistics(0..<4).funds)
    #expect(funds.count == 2 && funds[0].markets == [0, 1] && funds[0].paths == 4)
    #expect(funds[0].depletedPaths == 1 && funds[0].depletion == WilsonInterval.estimate(successes: 1, trials: 4))
    #expect(funds[0].meanShortfall == 262_500 && funds[0].meanLoss == 237_500)
    let p95 = try #require(funds[0].drawdownQuantile(0.95))
    #expect(abs(p95 - 585_000) <= 0.001 * 600_000)
    #expect(funds[1].depletedPaths == 0 && funds[1].meanLoss == 0 && funds[1].drawdownQuantile(0.99) == 0)
    let rows = try CSVParser.table(
      FundsTable.csv(funds, symbols: Fixtures.symbols), header: FundsTable.columns)
    #expect(rows.map(\.first) == ["BTC+ETH", "SOL"])
    #expect(rows[0][1] == "600000.0" && rows[0][2] == "0.25" && rows[0][5] == "262500.0")
  }

  /// Chunked, merged and saved statistics write the same `funds.csv`; the shared fund's
  /// statistics carry no fund key at all.
  @Test func mergeAndCodingAreExact() throws {
    let whole = Self.statistics(0..<4)
    var merged = Self.statistics(2..<4)
    merged.merge(Self.statistics(0..<2))
    var empty = Fixtures.emptyStatistics()
    empty.merge(merged)
    let decoded = try JSONDecoder().decode(RunStatistics.self, from: JSONEncoder().encode(whole))
    let csv = FundsTable.csv(whole.funds!, symbols: Fixtures.symbols)
    for other in [merged, empty, decoded] { #expect(FundsTable.csv(other.funds!, symbols: Fixtures.symbols) == csv) }
    var shared = Fixtures.emptyStatistics()
    shared.add(Fixtures.quiet(path: 0))
    #expect(shared.funds == nil)
    #expect(!String(decoding: try JSONEncoder().encode(shared), as: UTF8.self).contains("\"funds\""))
  }

  /// report.md gains a "Funds" section under a scope (``handValues()``'s figures);
  /// the shared fund's report has none.
  @Test func reportSection() {
    let scoped = MarkdownReport.render(
      ReportDocument.run(RunSummary(statistics: Self.statistics(0..<4)), context: Fixtures.context(paths: 4)))
    // Initial 600 000, depleted on 1 of 4 paths, drawdown p99 at rank 3 × 0.99 = 2.97:
    // 500k + 0.97 × 100k = 597 000.
    #expect(scoped.contains("## Funds") && scoped.contains("| BTC+ETH | 600K | 25.0% |") && scoped.contains("| 597K |"))
    var shared = Fixtures.emptyStatistics()
    shared.add(Fixtures.quiet(path: 0))
    let plain = MarkdownReport.render(
      ReportDocument.run(RunSummary(statistics: shared), context: Fixtures.context(paths: 1)))
    #expect(!plain.contains("## Funds"))
  }
}
