import Testing

@testable import FundReports

@Suite struct PnLHistogramChartTests {
  @Test func barsOfTheHandRun() {
    // P&L −1.01e6, −1e5, 0, 2e4 in 40 bins of width 25,750 from −1.01e6: bins 0, 35, 39
    // and 39 (the top value belongs to the last bin) → three bars plus the background.
    let check = expectWellFormedSVG(PnLHistogramChart.svg(HandRun.summary()))
    #expect(check.elementCounts["rect"] == 1 + 3)
    #expect(check.texts.contains("fund P&L (USDT)"))
  }

  @Test func pointMassShowsOneBar() {
    let quiet = RunSummary(statistics: Fixtures.statistics((0..<10).map(Fixtures.quiet)))
    let check = expectWellFormedSVG(PnLHistogramChart.svg(quiet))
    #expect(check.elementCounts["rect"] == 2)
    _ = expectWellFormedSVG(PnLHistogramChart.svg(RunSummary(statistics: Fixtures.emptyStatistics())))
  }
}
