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
