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

  /// Checks ranges, naming `markets[index].<key>` in errors.
  public func validate(index: Int) throws {
    let key = "markets[\(index)]"
    guard !symbol.isEmpty, symbol.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
    else {
      throw ModelInputError(
        key: "\(key).symbol", problem: "is '\(symbol)'",
        fix: "use letters, digits, '-', '_' or '.' (it becomes a CSV column name)")
    }
    guard !Self.reservedSymbols.contains(symbol.lowercased()) else {
      throw ModelInputError(
        key: "\(key).symbol", problem: "is '\(symbol)', the name of a column of the price files",
        fix: "rename the market: price files (replay, `fundstress paths`) already have 'path' and 'step' columns")
    }
    guard price.isFinite, price > 0, price <= Self.largestPrice else {
      throw ModelInputError(
        key: "\(key).price", problem: "is \(price)", fix: "give a positive price of at most 1.0e18")
    }
    guard volatility.isFinite, volatility >= 0, volatility < 50 else {
      throw ModelInputError(
        key: "\(key).volatility", problem: "is \(volatility)",
        fix: "give an annualised volatility as a fraction, e.g. 0.55 for 55%")
    }
    guard drift.isFinite, abs(drift) < 100 else {
      throw ModelInputError(
        key: "\(key).drift", problem: "is \(drift)",
        fix: "give an annualised drift as a fraction, e.g. 0.0")
    }
    if let dof = returns.dof {
      guard dof.isFinite, dof > 2 else {
        throw ModelInputError(
          key: "\(key).returns.dof", problem: "is \(dof)",
          fix: "Student-t needs more than 2 degrees of freedom for a finite variance, e.g. 4")
      }
    }
    try returns.garch?.validate(key: "\(key).returns")
    if case .jumps(let beta, _) = returns {
      guard beta.isFinite, abs(beta) <= 20 else {
        throw ModelInputError(
          key: "\(key).returns.beta", problem: "is \(beta)",
          fix: "give the market's loading on the crash factor, e.g. 1.0")
      }
    }
  }
}
