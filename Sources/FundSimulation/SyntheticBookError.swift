import Foundation

/// A synthetic book's parameters outside their domain, or a book that cannot be drawn
/// against the markets' rules (``SyntheticBook/validate(symbols:rules:)``,
/// ``SyntheticBook/draw(markets:rules:using:)``).
///
/// Each case carries the values found and the limits; ``description`` speaks the domain.
/// A reader of a file format maps the case to its own keys and wording.
public enum SyntheticBookError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Positions per market outside 1...``SyntheticBook/maximumPositionsPerMarket``.
  case positionsPerMarket(Int)
  /// Open interest given for a market the scenario does not have.
  case openInterestUnknownMarket(symbol: String, markets: [String])
  /// No open interest for a market.
  case openInterestMissing(symbol: String)
  /// An open interest that is negative or not finite.
  case openInterest(symbol: String, notional: Double)
  /// An open interest above ``MoneyLimit/largest``.
  case openInterestAboveLimit(symbol: String, notional: Double)
  /// More than ``SyntheticBook/maximumPositions`` positions over the markets with open interest.
  case tooManyPositions(perMarket: Int, markets: Int)
  /// A leverage range that is not 1 ≤ min ≤ max.
  case leverageRange(min: Double, max: Double)
  /// A long share outside (0, 1).
  case longShare(Double)
  /// An entry dispersion outside [0, 1].
  case entryDispersion(Double)
  /// A size dispersion outside [0, 5].
  case sizeDispersion(Double)
  /// A leverage range wholly at or above `limit` (1/maintenance-margin rate): every position
  /// would start at its liquidation price. `bookMinimum` tells whether the range's floor is
  /// the book's minimum (else the market's own leverage cap).
  case noLeverageBelowLimit(symbol: String, market: Int, bookMinimum: Bool, limit: Double, maintenanceMargin: Double)
  /// Less than ``SyntheticBook/minimumFeasibleShare`` of the log-uniform range
  /// `lower...upper` lies below `limit`. `maxAtMost` and `minAtMost` (nil when no floor of
  /// 1 or more would do) are the accepted bounds, rounded down to four significant digits;
  /// `bookMaximum` tells whether the range's top is the book's maximum (else the market's cap).
  case fewFeasibleDraws(
    symbol: String, share: Double, lower: Double, upper: Double, limit: Double, maintenanceMargin: Double,
    bookMaximum: Bool, maxAtMost: Double, minAtMost: Double?)
  /// A market kept `kept` of `wanted` positions in `draws` draws.
  case drawLimit(symbol: String, kept: Int, wanted: Int, draws: Int, limit: Double)
  /// Scaled to the market's open interest, a drawn position of `leverage` and `notional`
  /// falls in a margin tier of rate `rate` that puts it at or past its liquidation price
  /// (or within ``SyntheticBook/minimumStartingDistance`` of it): the draw checks the base
  /// rate only. `limit` is the leverage that the tier's rate allows
  /// (``SyntheticBook/redrawnLeverage(maintenanceMargin:)``).
  case pastTieredLiquidation(
    symbol: String, market: Int, leverage: Double, notional: Double, rate: Double, limit: Double)

  public var description: String {
    switch self {
    case .positionsPerMarket(let n):
      return "the synthetic book has \(n) positions per market; give 1 to \(SyntheticBook.maximumPositionsPerMarket)"
    case .openInterestUnknownMarket(let symbol, _):
      return "the synthetic book's open interest names \(symbol), not a market"
    case .openInterestMissing(let symbol): return "the synthetic book gives no open interest for \(symbol)"
    case .openInterest(let symbol, let x): return "the open interest of \(symbol) is \(x); give a non-negative notional"
    case .openInterestAboveLimit(let symbol, let x):
      return "the open interest of \(symbol) is \(x); give at most \(MoneyLimit.largest)"
    case .tooManyPositions(let n, let markets):
      return "\(n) positions in each of \(markets) markets exceed \(SyntheticBook.maximumPositions) positions"
    case .leverageRange(let lo, let hi): return "the leverage range is [\(lo), \(hi)]; give 1 ≤ min ≤ max"
    case .longShare(let x): return "the long share is \(x); give a share in (0, 1)"
    case .entryDispersion(let x): return "the entry dispersion is \(x); give 0 to 1"
    case .sizeDispersion(let x): return "the size dispersion is \(x); give 0 to 5"
    case .noLeverageBelowLimit(let symbol, _, _, let limit, _):
      return "the leverage range of \(symbol) has no leverage below \(limit), the inverse maintenance-margin rate"
    case .fewFeasibleDraws(let symbol, let share, _, _, let limit, _, _, _, _):
      return "only a share \(share) of the leverage range of \(symbol) lies below \(limit)"
    case .drawLimit(let symbol, let kept, let wanted, let draws, _):
      return "kept \(kept) of \(wanted) \(symbol) positions in \(draws) draws"
    case .pastTieredLiquidation(let symbol, _, let leverage, let notional, let rate, let limit):
      return "a \(symbol) position of leverage \(leverage) and notional \(notional) starts at its liquidation price "
        + "under the margin tier of rate \(rate), which allows leverage below \(limit)"
    }
  }
}
