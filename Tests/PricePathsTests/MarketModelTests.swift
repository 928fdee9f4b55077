import Foundation
import PricePaths
import Testing

@Suite("MarketModel")
struct MarketModelTests {
  // Expected keys: `markets[index].<key>` (the doc comment of validate(index:)).
  @Test(arguments: ["", "BTC PERP", "BTC/USD", "ÉTH,"])
  func badSymbolNamesTheKey(symbol: String) {
    let error = modelInputError { try MarketModel(symbol: symbol, price: 1, volatility: 0.5).validate(index: 2) }
    #expect(error?.key == "markets[2].symbol")
  }

  /// A market called `path` or `step` gave `fundstress paths` the header `path,step,…,path`.
  @Test(arguments: ["path", "step", "Path", "STEP"])
  func columnNamesOfThePriceFilesAreRefused(symbol: String) {
    let error = modelInputError { try MarketModel(symbol: symbol, price: 1, volatility: 0.5).validate(index: 1) }
    #expect(error?.key == "markets[1].symbol")
    #expect(error?.fix.contains("'path' and 'step'") == true)
    #expect((try? MarketModel(symbol: symbol + "1", price: 1, volatility: 0.5).validate(index: 1)) != nil)
  }

  @Test(arguments: [0.0, -1.0, Double.nan, Double.infinity, 1.7e308, 1.0e300, 1.0000001e18])
  func badPriceNamesTheKey(price: Double) {
    let error = modelInputError { try MarketModel(symbol: "BTC", price: price, volatility: 0.5).validate(index: 0) }
    #expect(error?.key == "markets[0].price")
  }

  @Test func pricesAreBoundedLikeMoney() throws {
    // 10¹⁸, the bound on money amounts (FundSimulation.MoneyLimit), is accepted; a replay's
    // 10⁹-fold move then reaches 10²⁷, far below Double's 1.8·10³⁰⁸.
    try MarketModel(symbol: "BTC", price: 1.0e18, volatility: 0.5).validate(index: 0)
    let error = modelInputError { try MarketModel(symbol: "BTC", price: 2.0e18, volatility: 0.5).validate(index: 0) }
    #expect(error?.fix == "give a positive price of at most 1.0e18")
  }

  @Test(arguments: [-0.01, Double.nan, Double.infinity, 50.0])
  func badVolatilityNamesTheKey(volatility: Double) {
    let error = modelInputError { try MarketModel(symbol: "BTC", price: 1, volatility: volatility).validate(index: 1) }
    #expect(error?.key == "markets[1].volatility")
  }

  @Test(arguments: [Double.nan, 100.0, -Double.infinity])
  func badDriftNamesTheKey(drift: Double) {
    let error = modelInputError {
      try MarketModel(symbol: "BTC", price: 1, volatility: 0.5, drift: drift).validate(index: 0)
    }
    #expect(error?.key == "markets[0].drift")
  }

  // Expected: Student-t needs ν > 2 for a finite variance (docs/MODEL.md, "Price paths"), in both models that
  // carry a dof.
  @Test(arguments: [2.0, 1.5, 0.0, -3.0, Double.nan, Double.infinity])
  func dofAtMostTwoNamesTheKey(dof: Double) {
    for returns in [ReturnModel.studentT(dof: dof), .jumps(beta: 1, dof: dof)] {
      let error = modelInputError {
        try MarketModel(symbol: "SOL", price: 150, volatility: 1, returns: returns).validate(index: 3)
      }
      #expect(error?.key == "markets[3].returns.dof")
    }
  }

  @Test(arguments: [Double.nan, 21.0, -25.0])
  func badBetaNamesTheKey(beta: Double) {
    let error = modelInputError {
      try MarketModel(symbol: "SOL", price: 150, volatility: 1, returns: .jumps(beta: beta, dof: nil)).validate(
        index: 0)
    }
    #expect(error?.key == "markets[0].returns.beta")
  }

  // Expected: the boundary values the doc allows pass: zero volatility, dof just above 2,
  // symbols with '-', '_' and '.'.
  @Test func validMarketsPass() throws {
    try MarketModel(symbol: "BTC-PERP_1.x", price: 0.0001, volatility: 0).validate(index: 0)
    try MarketModel(symbol: "ETH", price: 3000, volatility: 0.7, drift: -2, returns: .studentT(dof: 2.0001))
      .validate(index: 0)
    let m = MarketModel(symbol: "SOL", price: 150, volatility: 1, returns: .jumps(beta: 1.5, dof: 4))
    try m.validate(index: 0)
    #expect(try JSONDecoder().decode(MarketModel.self, from: JSONEncoder().encode(m)) == m)
    #expect(MarketModel(symbol: "X", price: 1, volatility: 1).drift == 0)
    #expect(MarketModel(symbol: "X", price: 1, volatility: 1).returns == .gbm)
  }
}
