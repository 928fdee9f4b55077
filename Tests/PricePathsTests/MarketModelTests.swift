import Foundation
import PricePaths
import Testing

@Suite("MarketModel")
struct MarketModelTests {
  // Expected: each refusal is the MarketModelError case of the value, with the index given
  // to validate(index:).
  @Test(arguments: ["", "BTC PERP", "BTC/USD", "ÉTH,"])
  func badSymbolIsRefused(symbol: String) {
    #expect(throws: MarketModelError.symbol(market: 2, symbol: symbol)) {
      try MarketModel(symbol: symbol, price: 1, volatility: 0.5).validate(index: 2)
    }
  }

  /// A market called `path` or `step` gave `fundstress paths` the header `path,step,…,path`.
  @Test(arguments: ["path", "step", "Path", "STEP"])
  func columnNamesOfThePriceFilesAreRefused(symbol: String) {
    #expect(throws: MarketModelError.reservedSymbol(market: 1, symbol: symbol)) {
      try MarketModel(symbol: symbol, price: 1, volatility: 0.5).validate(index: 1)
    }
    #expect((try? MarketModel(symbol: symbol + "1", price: 1, volatility: 0.5).validate(index: 1)) != nil)
  }

  @Test(arguments: [0.0, -1.0, Double.nan, Double.infinity, 1.7e308, 1.0e300, 1.0000001e18])
  func badPriceIsRefused(price: Double) {
    expectThrows(MarketModelError.price(market: 0, price: price)) {
      try MarketModel(symbol: "BTC", price: price, volatility: 0.5).validate(index: 0)
    }
  }

  @Test func pricesAreBoundedLikeMoney() throws {
    // 10¹⁸, the bound on money amounts (FundSimulation.MoneyLimit), is accepted; a replay's
    // 10⁹-fold move then reaches 10²⁷, far below Double's 1.8·10³⁰⁸.
    try MarketModel(symbol: "BTC", price: 1.0e18, volatility: 0.5).validate(index: 0)
    #expect(MarketModel.largestPrice == 1.0e18)
    #expect(throws: MarketModelError.price(market: 0, price: 2.0e18)) {
      try MarketModel(symbol: "BTC", price: 2.0e18, volatility: 0.5).validate(index: 0)
    }
  }

  @Test(arguments: [-0.01, Double.nan, Double.infinity, 50.0])
  func badVolatilityIsRefused(volatility: Double) {
    expectThrows(MarketModelError.volatility(market: 1, volatility: volatility)) {
      try MarketModel(symbol: "BTC", price: 1, volatility: volatility).validate(index: 1)
    }
  }

  @Test(arguments: [Double.nan, 100.0, -Double.infinity])
  func badDriftIsRefused(drift: Double) {
    expectThrows(MarketModelError.drift(market: 0, drift: drift)) {
      try MarketModel(symbol: "BTC", price: 1, volatility: 0.5, drift: drift).validate(index: 0)
    }
  }

  // Expected: Student-t needs ν > 2 for a finite variance (docs/MODEL.md, "Price paths"), in both models that
  // carry a dof.
  @Test(arguments: [2.0, 1.5, 0.0, -3.0, Double.nan, Double.infinity])
  func dofAtMostTwoIsRefused(dof: Double) {
    let garch = GARCHParameters(omega: 0.01, alpha: 0.05, beta: 0.9, dof: dof)
    for returns in [ReturnModel.studentT(dof: dof), .jumps(beta: 1, dof: dof), .garch(garch)] {
      expectThrows(MarketModelError.degreesOfFreedom(market: 3, dof: dof)) {
        try MarketModel(symbol: "SOL", price: 150, volatility: 1, returns: returns).validate(index: 3)
      }
    }
  }

  @Test(arguments: [Double.nan, 21.0, -25.0])
  func badCrashLoadingIsRefused(beta: Double) {
    expectThrows(MarketModelError.crashLoading(market: 0, beta: beta)) {
      try MarketModel(symbol: "SOL", price: 150, volatility: 1, returns: .jumps(beta: beta, dof: nil)).validate(
        index: 0)
    }
  }

  // Expected: a GARCH error carries the market's index (GARCHParameters' own ranges:
  // ω in (0, 2500), α and β in [0, 1), α + β < 1).
  @Test func badGARCHParametersAreRefusedWithTheMarket() {
    let cases: [(GARCHParameters, GARCHError)] = [
      (GARCHParameters(omega: 0, alpha: 0.05, beta: 0.9), .omega(0)),
      (GARCHParameters(omega: 2_500, alpha: 0.05, beta: 0.9), .omega(2_500)),
      (GARCHParameters(omega: 0.01, alpha: 1, beta: 0), .alpha(1)),
      (GARCHParameters(omega: 0.01, alpha: 0.05, beta: -0.1), .beta(-0.1)),
      (GARCHParameters(omega: 0.01, alpha: 0.5, beta: 0.5), .persistence(1)),
    ]
    for (parameters, error) in cases {
      #expect(throws: error) { try parameters.validate() }
      #expect(throws: MarketModelError.garch(market: 4, error)) {
        try MarketModel(symbol: "SOL", price: 150, volatility: 1, returns: .garch(parameters)).validate(index: 4)
      }
    }
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
