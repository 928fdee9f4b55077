import FundSimulation
import Testing

@testable import ScenarioFiles

@Suite("ScenarioCheck")
struct ScenarioCheckTests {
  @Test("a positions book is summarised per market")
  func summary() throws {
    let fixtures = try Fixtures()
    // Long 1 BTC at 90 000 with 9 000 margin (10x): Pb = 81 000, Pl = 81 000 / 0.99.
    // Short 10 ETH at 3 000 with 3 000 margin (10x): Pb = 3 300, Pl = 3 300 / 1.01.
    // Long 1 ETH at 3 000 with 3 000 margin (1x): Pb = 0, never liquidated.
    try fixtures.write(
      "book.csv",
      "account,market,side,size,entry_price,margin\na,BTC,long,1,90000,9000\nb,ETH,short,10,3000,3000\n"
        + "c,ETH,long,1,3000,3000\n")
    let yaml = smallScenario.replacingFirst(
      "  synthetic:\n    positions_per_market: 20\n    open_interest: {BTC: 4.0e8, ETH: 2.5e8}\n",
      with: "  positions: book.csv\n")
    let check = ScenarioCheck(try fixtures.load(yaml))
    #expect(check.positions == 3)
    #expect(check.markets.map(\.symbol) == ["BTC", "ETH"])
    let btc = check.markets[0]
    #expect(btc.longOpenInterest == 90000 && btc.shortOpenInterest == 0)
    #expect(btc.leverage?.median == 10)
    #expect(abs((btc.liquidationDistance?.median ?? 0) - (1 - 81000 / 0.99 / 90000)) < 1e-12)
    let eth = check.markets[1]
    #expect(eth.longPositions == 1 && eth.shortPositions == 1)
    #expect(eth.shortOpenInterest == 30000 && eth.longOpenInterest == 3000)
    #expect(eth.neverLiquidated == 1)
    #expect(eth.liquidationDistance?.count == 1)
    #expect(abs((eth.liquidationDistance?.median ?? 0) - (3300 / 1.01 / 3000 - 1)) < 1e-12)
    #expect(check.leverage?.count == 3)
    #expect(check.openInterest == 90000 + 30000)
    #expect(check.fund.balance == 2.0e7)
    #expect(abs(check.smallestEigenvalue - 0.2) < 1e-12)
    #expect(!check.correlationWasRepaired)
  }

  @Test("the default scenario's check")
  func defaultScenario() throws {
    let check = ScenarioCheck(try ScenarioLoader.loadDefault())
    #expect(check.positions == 16000)
    #expect(check.markets.count == 8)
    #expect(check.bookSeed == 7)
    // The synthetic book is capped at each market's max leverage.
    for market in check.markets { #expect((market.leverage?.max ?? 0) <= market.maxLeverage * (1 + 1e-9)) }
    #expect(check.smallestEigenvalue > 0.17)
  }
}
