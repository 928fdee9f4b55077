/// One market's price dynamics: initial price, annualised volatility, drift and return
/// model (docs/MODEL.md, "Price paths").
public struct MarketModel: Sendable, Equatable, Codable {
  /// Ticker, e.g. `BTC`; unique within a scenario.
  public var symbol: String
  /// Initial (mark) price in the margin currency, > 0.
  public var price: Double
  /// Annualised volatility of log-returns (year = 365 × 24 h), ≥ 0.
  public var volatility: Double
  /// Annualised drift `μ` of the price (expected return), so the log-price drifts by
  /// `(μ − σ²/2)` per year.
  public var drift: Double
  public var returns: ReturnModel

  public init(
    symbol: String, price: Double, volatility: Double, drift: Double = 0,
    returns: ReturnModel = .gbm
  ) {
    self.symbol = symbol
    self.price = price
    self.volatility = volatility
    self.drift = drift
    self.returns = returns
  }

  /// The largest initial price a market may have, `10¹⁸` in the margin currency: the bound
  /// on money amounts (`FundSimulation.MoneyLimit`). A replay then moves it at most
  /// `10⁹`-fold, to `10²⁷`, and `Double` (up to `1.8·10³⁰⁸`) holds every price a file or the
  /// report would show.
  public static let largestPrice = 1.0e18

  /// Symbols that would repeat a column name of the price files (`path,step,<symbol>,…`),
  /// compared in lower case.
  public static let reservedSymbols: Set<String> = ["path", "step"]

  /// Checks the symbol and the ranges of the price dynamics; `index` is the market's place
  /// in the scenario.
  ///
  /// - Throws: ``MarketModelError`` for the first value outside its range.
  public func validate(index: Int) throws(MarketModelError) {
    guard !symbol.isEmpty, symbol.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
    else {
      throw .symbol(market: index, symbol: symbol)
    }
    guard !Self.reservedSymbols.contains(symbol.lowercased()) else {
      throw .reservedSymbol(market: index, symbol: symbol)
    }
    guard price.isFinite, price > 0, price <= Self.largestPrice else {
      throw .price(market: index, price: price)
    }
    guard volatility.isFinite, volatility >= 0, volatility < 50 else {
      throw .volatility(market: index, volatility: volatility)
    }
    guard drift.isFinite, abs(drift) < 100 else {
      throw .drift(market: index, drift: drift)
    }
    if let dof = returns.dof {
      guard dof.isFinite, dof > 2 else {
        throw .degreesOfFreedom(market: index, dof: dof)
      }
    }
    do throws(GARCHError) {
      try returns.garch?.validate()
    } catch {
      throw .garch(market: index, error)
    }
    if case .jumps(let beta, _) = returns {
      guard beta.isFinite, abs(beta) <= 20 else {
        throw .crashLoading(market: index, beta: beta)
      }
    }
  }
}
