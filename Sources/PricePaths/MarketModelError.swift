/// A market's price dynamics outside their domain (``MarketModel/validate(index:)``).
///
/// Each case carries the market's index and the value found; ``description`` speaks the
/// domain. A reader of a file format maps the case to its own key and wording.
public enum MarketModelError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The symbol is empty or has a character other than a letter, a digit, '-', '_' or '.'
  /// (it becomes a column name of the price files).
  case symbol(market: Int, symbol: String)
  /// The symbol is, in any case, one of ``MarketModel/reservedSymbols``.
  case reservedSymbol(market: Int, symbol: String)
  /// The initial price is not positive, not finite or above ``MarketModel/largestPrice``.
  case price(market: Int, price: Double)
  /// The annualised volatility is negative, not finite or 50 (5 000%) or more.
  case volatility(market: Int, volatility: Double)
  /// The annualised drift is not finite or 100 or more in magnitude.
  case drift(market: Int, drift: Double)
  /// The Student-t degrees of freedom are 2 or fewer (an infinite variance) or not finite.
  case degreesOfFreedom(market: Int, dof: Double)
  /// The GARCH parameters are outside their domain.
  case garch(market: Int, GARCHError)
  /// The loading on the crash factor is not finite or above 20 in magnitude.
  case crashLoading(market: Int, beta: Double)

  /// The index of the market.
  public var market: Int {
    switch self {
    case .symbol(let k, _), .reservedSymbol(let k, _), .price(let k, _), .volatility(let k, _), .drift(let k, _),
      .degreesOfFreedom(let k, _), .garch(let k, _), .crashLoading(let k, _):
      return k
    }
  }

  public var description: String {
    switch self {
    case .symbol(let k, let symbol):
      return "the symbol of market \(k) is '\(symbol)'; use letters, digits, '-', '_' or '.'"
    case .reservedSymbol(let k, let symbol):
      return "the symbol of market \(k) is '\(symbol)', the name of a column of the price files"
    case .price(let k, let price):
      return
        "the initial price of market \(k) is \(price); give a positive price of at most \(MarketModel.largestPrice)"
    case .volatility(let k, let volatility):
      return "the volatility of market \(k) is \(volatility); give an annualised fraction, 0 or more, below 50"
    case .drift(let k, let drift):
      return "the drift of market \(k) is \(drift); give an annualised fraction below 100 in magnitude"
    case .degreesOfFreedom(let k, let dof):
      return "market \(k) has \(dof) Student-t degrees of freedom; give more than 2 for a finite variance"
    case .garch(let k, let error): return "market \(k): \(error)"
    case .crashLoading(let k, let beta):
      return "the crash-factor loading of market \(k) is \(beta); give at most 20 in magnitude"
    }
  }
}
