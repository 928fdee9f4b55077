/// The largest amount of margin currency a scenario may state: a fund balance or depletion
/// threshold, a market's open interest, a position's notional or margin.
///
/// `10¹⁸` is over a thousand times the notional of all derivatives outstanding worldwide
/// (about 7·10¹⁴ USD), so no real book comes near it. Below it, every sum the statistics
/// form over millions of paths — squares included, `(10¹⁹)² · 10⁷ = 10⁴⁵` — stays far from
/// `Double`'s overflow at `1.8·10³⁰⁸`; an open interest of `10³⁰⁰` would otherwise reach the
/// report as an infinite confidence interval instead of an error.
public enum MoneyLimit {
  /// `10¹⁸` units of the margin currency.
  public static let largest = 1.0e18

  /// Whether `amount` is finite and at most ``largest`` in magnitude.
  @inlinable
  public static func admits(_ amount: Double) -> Bool {
    amount.isFinite && amount.magnitude <= largest
  }

  /// The fix to print when an amount is out of range.
  public static let fix = "give at most 1.0e18 in the margin currency"
}
