import FundSimulation
import Testing

@testable import FundReports

@Suite struct PathQuantityTests {
  @Test func valuesComeFromTheRightFields() {
    let crash = HandRun.outcomes()[2]
    let expected: [PathQuantity: Double] = [
      .minFund: -50_000, .finalFund: -10_000, .fundLoss: 1_010_000, .liquidations: 10, .liquidatedNotional: 8e6,
      .shortfall: 300_000, .badDebt: 40_000, .fundInflow: 0, .vaultInflow: 0, .adlEvents: 2, .adlNotional: 400_000,
      .adlPositions: 5, .roundCapHits: 1, .adlOvershoot: 360_000, .adlHaircut: 30_000,
      .backstopPnL: -2_500, .backstopTakeovers: 3,
    ]
    for quantity in PathQuantity.allCases {
      #expect(quantity.value(in: crash, initialFund: 1_000_000) == expected[quantity], "\(quantity)")
    }
    #expect(PathQuantity.finalFund.reference(initialFund: 7) == 7)
    #expect(PathQuantity.shortfall.reference(initialFund: 7) == 0)
    #expect(MarketQuantity.adlNotional.value(in: crash.markets[1]) == 400_000)
  }
}
