import FundSimulation
import PricePaths
import Testing

@testable import ScenarioFiles

@Suite("ScenarioRecord assembly")
struct ScenarioRecordAssemblyTests {
  @Test("the book summary counts positions and open interest per market and side")
  func bookSummary() {
    let markets = [
      MarketModel(symbol: "BTC", price: 100, volatility: 0.5), MarketModel(symbol: "ETH", price: 10, volatility: 0.5),
    ]
    let positions = [
      Position(account: "a", market: 0, side: .long, size: 2, entryPrice: 90, margin: 50),
      Position(account: "b", market: 0, side: .short, size: 1, entryPrice: 110, margin: 50),
      Position(account: "c", market: 0, side: .long, size: 3, entryPrice: 100, margin: 50),
      Position(account: "d", market: 1, side: .short, size: 5, entryPrice: 10, margin: 10),
    ]
    let summary = ScenarioRecord.bookSummary(positions, markets: markets)
    #expect(
      summary == [
        .init(symbol: "BTC", longPositions: 2, shortPositions: 1, longOpenInterest: 500, shortOpenInterest: 100),
        .init(symbol: "ETH", longPositions: 0, shortPositions: 1, longOpenInterest: 0, shortOpenInterest: 50),
      ])
  }

  @Test("the synthetic book's open interest per side equals the scenario's open interest")
  func syntheticOpenInterest() throws {
    let record = try Fixtures().load(smallScenario).record
    #expect(abs(record.book.markets[0].longOpenInterest / 4.0e8 - 1) < 1e-9)
    #expect(abs(record.book.markets[1].shortOpenInterest / 2.5e8 - 1) < 1e-9)
    #expect(record.horizon == .init(steps: 10, stepSeconds: 60, hours: 10.0 / 60))
  }
}
