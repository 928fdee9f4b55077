import Foundation
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

@Suite struct PnLHistogramTailTests {
  /// 10 000 paths near zero and one path that lost the fund: on a linear axis the lone
  /// path would be 1/10 000 of the plot (0.03 px); on the log axis it is log₁₀2 / (4 + log₁₀2)
  /// = 7.0% of the 302-px plot, 21 px.
  @Test func aSinglePathInTheTailHasAVisibleBar() {
    var outcomes = (0..<10_000).map(Fixtures.quiet)
    var crash = Fixtures.quiet(path: 10_000)
    crash.finalFund = 0
    crash.minFund = 0
    outcomes.append(crash)
    let svg = PnLHistogramChart.svg(RunSummary(statistics: Fixtures.statistics(outcomes)))
    let check = expectWellFormedSVG(svg)
    #expect(check.elementCounts["rect"] == 1 + 2)
    let heights = svg.split(separator: "\n").filter { $0.contains("<rect") && $0.contains("#4c72b0") }.compactMap {
      line -> Double? in
      guard let start = line.range(of: "height=\"") else { return nil }
      return Double(line[start.upperBound...].prefix { $0 != "\"" })
    }
    #expect(heights.count == 2)
    let plot = 420.0 - 62 - 56
    let expected = log10(2.0) / (4 + log10(2.0)) * plot
    #expect(heights.contains { abs($0 - expected) < 0.02 }, "\(heights), expected \(expected)")
    #expect(heights.contains { abs($0 - plot) < 0.02 })
    // Ticks at powers of ten, labelled 1, 10, 100, 1,000, 10K.
    for label in ["1", "10", "100", "1,000", "10K"] { #expect(check.texts.contains(label), "\(label)") }
    #expect(check.texts.contains("paths (log scale)"))
    #expect(abs(PnLHistogramChart.minimumBarShare(maximumCount: 10_000) - expected / plot) < 1e-12)
  }
}
