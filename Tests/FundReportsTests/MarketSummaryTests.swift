import FundSimulation
import Testing

@testable import FundReports

@Suite struct MarketSummaryTests {
  @Test func sharesAndProbabilities() {
    let rows = MarketSummary.rows(Fixtures.statistics(HandRun.outcomes()))
    #expect(rows.map(\.market) == Fixtures.symbols)
    #expect(rows.map(\.shortfallShare) == [0.25, 0.75, 0])
    #expect(rows.map(\.adlShare) == [0, 1, 0])
    #expect(rows.map(\.adlProbability) == [0, 0.25, 0])
    #expect(rows[2].fundInflowMean == 5_000)
    #expect(rows[1].numbers.count == MarketSummary.columns.count - 1)
  }
}
