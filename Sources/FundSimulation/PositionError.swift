/// Why a position cannot enter a simulation (``Position/validationProblem(initialPrice:rules:)``).
///
/// Each case carries the values found; ``description`` speaks the domain. A reader of a
/// file format maps the case to its own column names and wording.
public enum PositionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The size in base units is not positive.
  case size(Double)
  /// The entry price is not positive.
  case entryPrice(Double)
  /// The margin is not positive.
  case margin(Double)
  /// The notional or the margin is above ``MoneyLimit/largest``.
  case aboveMoneyLimit(notional: Double, margin: Double)
  /// The initial price is already at or past the position's liquidation price.
  case pastLiquidation(side: Side, liquidationPrice: Double, initialPrice: Double)

  public var description: String {
    switch self {
    case .size(let x): return "the position's size is \(x); give a positive size"
    case .entryPrice(let x): return "the position's entry price is \(x); give a positive price"
    case .margin(let x): return "the position's margin is \(x); give a positive margin"
    case .aboveMoneyLimit(let notional, let margin):
      return "the position's notional \(notional) or margin \(margin) is above \(MoneyLimit.largest)"
    case .pastLiquidation(let side, let pl, let price):
      return "the \(side.name) position is already past its liquidation price \(pl) at the initial price \(price)"
    }
  }
}
