import FundSimulation
import Testing

@testable import FundReports

@Suite struct FundQuantileRowTests {
  @Test func barsCoverTheValues() {
    // 0…9 in 5 bars of width 1.8: [0, 1.8) holds 0, 1; …; the last bar includes 9.
    let bars = HistogramBar.bars((0..<10).map(Double.init), bins: 5)
    #expect(bars.map(\.count) == [2, 2, 2, 2, 2])
    #expect(bars.first?.lower == 0 && bars.last?.upper == 9)
    #expect(HistogramBar.bars([3, 3, 3]) == [HistogramBar(lower: 3, upper: 3, count: 3)])
    #expect(HistogramBar.bars([]).isEmpty)
  }

  @Test func levelsAndColumns() {
    #expect(FundQuantileRow.columns.count == 3 + FundQuantileRow.levels.count)
    let row = FundQuantileRow(step: 1, hours: 0.5, quantiles: [1, 2, 3, 4, 5, 6, 7], mean: 4)
    #expect(row.quantile(0.95) == 6)
    #expect(row.quantile(0.3) == nil)
  }
}
