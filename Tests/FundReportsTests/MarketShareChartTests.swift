import Testing

@testable import FundReports

@Suite struct MarketShareChartTests {
  @Test func barsForNonZeroShares() {
    // Shortfall shares 25% (BTC), 75% (ETH), 0% (SOL); ADL 0, 100%, 0.
    let check = expectWellFormedSVG(MarketShareChart.svg(HandRun.summary()))
    #expect(check.texts.contains("25%"))
    #expect(check.texts.contains("75%"))
    #expect(check.texts.contains("100%"))
    #expect(check.texts.contains("ETH"))
  }

  @Test func quietRunSaysNotApplicable() {
    let quiet = RunSummary(statistics: Fixtures.statistics([Fixtures.quiet(path: 0)]))
    let check = expectWellFormedSVG(MarketShareChart.svg(quiet))
    #expect(check.texts.filter { $0 == "n/a" }.count == 6)
  }
}

@Suite struct MarketShareAxisTests {
  /// Random outcomes spread the shares over three markets, all below 80%: the axis ends at
  /// the first 10%/20% tick above the largest share, not at 100%.
  @Test func theAxisEndsAtTheLargestShare() throws {
    let summary = RunSummary(statistics: Fixtures.statistics(Fixtures.randomOutcomes(count: 500)))
    let largest = summary.markets.flatMap { [$0.shortfallShare, $0.adlShare] }.compactMap { $0 }.max() ?? 1
    try #require(largest < 0.8, "the fixture changed: largest share \(largest)")
    let check = expectWellFormedSVG(MarketShareChart.svg(summary))
    #expect(!check.texts.contains("100%"))
    let ticks = check.texts.filter { $0.hasSuffix("%") && !$0.contains(".") }.compactMap { Double($0.dropLast()) }
    let top = try #require(ticks.max())
    #expect(top >= largest * 100 && top < largest * 100 + 20, "top tick \(top)% for largest share \(largest)")
  }
}
