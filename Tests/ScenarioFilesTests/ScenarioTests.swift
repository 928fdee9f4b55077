import Testing

@testable import ScenarioFiles

@Suite("Scenario")
struct ScenarioTests {
  @Test("withSeed changes the path seed but keeps the book")
  func withSeed() throws {
    let fixtures = try Fixtures()
    let scenario = try fixtures.load(smallScenario)
    let reseeded = scenario.withSeed(99)
    #expect(reseeded.seed == 99)
    #expect(reseeded.record.seed == 99)
    #expect(reseeded.bookSeed == 3)
    #expect(reseeded.record.book.seed == 3)
    #expect(reseeded.exchange.positions == scenario.exchange.positions)
    #expect(scenario.seed == 3)
  }

  @Test("symbols and initial prices in market order")
  func accessors() throws {
    let scenario = try Fixtures().load(smallScenario)
    #expect(scenario.symbols == ["BTC", "ETH"])
    #expect(scenario.initialPrices == [90000, 3000])
  }
}
