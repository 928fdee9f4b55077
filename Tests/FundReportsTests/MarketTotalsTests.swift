import FundSimulation
import Testing

@testable import FundReports

@Suite struct MarketTotalsTests {
  @Test func sumsMeansAndMerge() {
    var row = MarketOutcome()
    row.shortfall = 10
    row.adlEvents = 1
    var first = MarketTotals()
    first.add(row)
    var second = MarketTotals()
    second.add(MarketOutcome())
    first.merge(second)
    #expect(first.paths == 2)
    #expect(first.adlPaths == 1)
    #expect(first.total(.shortfall) == 10)
    #expect(first.mean(.shortfall) == 5)
    #expect(MarketTotals().mean(.shortfall) == nil)
  }
}
