import Testing

@testable import FundReports

@Suite struct FanChartTests {
  @Test func bandsMedianAndThreshold() {
    let check = expectWellFormedSVG(FanChart.svg(HandRun.summary()))
    // Three bands, the median and mean lines, the threshold line.
    #expect(check.elementCounts["polygon"] == 3)
    #expect(check.elementCounts["polyline"] == 2)
    #expect(check.texts.contains { $0.hasPrefix("depletion threshold") })
    #expect(check.texts.contains("hours"))
    #expect(check.texts.contains("fund balance (USDT)"))
  }

  @Test func degenerateRunsStillRender() {
    let quiet = RunSummary(statistics: Fixtures.statistics([Fixtures.quiet(path: 0)]))
    _ = expectWellFormedSVG(FanChart.svg(quiet))
    let empty = RunSummary(statistics: Fixtures.emptyStatistics())
    let check = expectWellFormedSVG(FanChart.svg(empty))
    #expect(check.texts.contains("no paths"))
  }
}
