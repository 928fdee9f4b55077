import FundSimulation
import PricePaths
import Testing

@testable import ScenarioFiles

@Suite("BookLoader")
struct BookLoaderTests {
  @Test("the synthetic book is drawn from the book stream of the scenario's seed")
  func drawnFromSeed() throws {
    let scenario = try Fixtures().load(smallScenario)
    guard case .synthetic(let book, _) = try parseScenario(smallScenario).book else {
      Issue.record("not synthetic")
      return
    }
    var generator = RandomStreams(seed: 3).generator(path: 0, purpose: .book)
    let expected = try book.draw(markets: scenario.paths.markets, rules: scenario.exchange.rules, using: &generator)
    #expect(scenario.exchange.positions == expected)
  }

  @Test("book.synthetic.seed overrides the scenario's seed for the book only")
  func ownSeed() throws {
    let fixtures = try Fixtures()
    let base = try fixtures.load(smallScenario)
    let ownSeed = smallScenario.replacingFirst(
      "positions_per_market: 20", with: "positions_per_market: 20\n    seed: 3")
    let sameBook = try fixtures.load(ownSeed.replacingFirst("seed: 3\nhorizon", with: "seed: 8\nhorizon"))
    #expect(sameBook.seed == 8)
    #expect(sameBook.bookSeed == 3)
    #expect(sameBook.exchange.positions == base.exchange.positions)
    let otherSeed = try fixtures.load(smallScenario.replacingFirst("seed: 3", with: "seed: 4"))
    #expect(otherSeed.exchange.positions != base.exchange.positions)
  }

  @Test("a leverage range that would start every position at its liquidation price is refused")
  func unliquidatableLeverage() throws {
    let fixtures = try Fixtures()
    // ETH: maintenance margin 6% liquidates any position opened above 1/0.06 ≈ 16x.
    let eth = smallScenario.replacingFirst(
      "maintenance_margin: 0.01\n    depth: .inf", with: "maintenance_margin: 0.06\n    depth: .inf")
    let minimum = eth.replacingFirst(
      "positions_per_market: 20", with: "positions_per_market: 20\n    leverage: {min: 18, max: 50}")
    expectMessage(
      try fixtures.loadError(minimum), file: "scenario.yaml", line: line(of: "leverage: {min", in: minimum),
      key: "book.synthetic.leverage.min", contains: ["leaves ETH no leverage below 16.38×", "liquidation price"])
    // BTC allows up to 50x (fine at 1%); ETH's cap of 20x is what bites.
    let capped = eth.replacingFirst(
      "positions_per_market: 20", with: "positions_per_market: 20\n    leverage: {min: 30, max: 50}")
    expectMessage(
      try fixtures.loadError(capped), file: "scenario.yaml", line: line(of: "- symbol: ETH", in: capped),
      key: "markets[1].max_leverage")
    #expect(throws: Never.self) { try fixtures.load(eth) }
  }

  @Test("a leverage range of which less than 1% can be drawn is refused before drawing")
  func mostlyUnliquidatableLeverage() throws {
    let fixtures = try Fixtures()
    // BTC: 1% maintenance margin keeps shorts opened below 90.83x only; 90.8x to 1e300x
    // drew for minutes and kept nearly only longs.
    let yaml = smallScenario.replacingFirst("max_leverage: 50", with: "max_leverage: 1.0e300").replacingFirst(
      "positions_per_market: 20",
      with: "positions_per_market: 20\n    leverage: {min: 90.8, max: 1.0e300}\n    entry_dispersion: 0")
    expectMessage(
      try fixtures.loadError(yaml), file: "scenario.yaml", line: line(of: "leverage: {min", in: yaml),
      key: "book.synthetic.leverage",
      contains: ["leaves BTC 4.3e-05% of its log-uniform range", "give max at most 93.49×"])
    let fixed = yaml.replacingFirst("max: 1.0e300}", with: "max: 93.49}")
    #expect(try fixtures.load(fixed).exchange.positions.count == 40)
  }
}
