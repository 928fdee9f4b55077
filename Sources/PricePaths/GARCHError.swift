/// GARCH(1,1) parameters outside their domain (``GARCHParameters/validate()``).
///
/// Each case carries the value found; ``description`` speaks the domain. A reader of a file
/// format maps the case to its own key and wording; ``MarketModelError/garch(market:_:)``
/// adds the market.
public enum GARCHError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `ω` is not positive, not finite or 2 500 (a 5 000% volatility) or more.
  case omega(Double)
  /// `α` is not in [0, 1).
  case alpha(Double)
  /// `β` is not in [0, 1).
  case beta(Double)
  /// The persistence `α + β` is 1 or more: the variance would explode.
  case persistence(Double)

  public var description: String {
    switch self {
    case .omega(let x): return "the GARCH ω is \(x); give an annualised variance above 0, below 2500"
    case .alpha(let x): return "the GARCH α is \(x); give 0 or more, below 1"
    case .beta(let x): return "the GARCH β is \(x); give 0 or more, below 1"
    case .persistence(let x):
      return "the GARCH persistence α + β is \(x); give less than 1 (the variance would explode)"
    }
  }
}
