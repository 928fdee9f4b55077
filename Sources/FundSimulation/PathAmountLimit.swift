/// The largest amount of money a simulated path may reach before the run refuses it.
///
/// A scenario states amounts of at most ``MoneyLimit/largest`` (`10¹⁸`) and prices of at
/// most `10¹⁸`, and a replay moves a price at most `10⁹`-fold; so a position's notional
/// reaches `10²⁷` at most on a replay. Models have no such bound: a drift of 9 900% a year
/// over twenty one-year steps takes a price past `10⁵⁰`, and the run would report notionals
/// of `10⁵²` (or infinities) as if they were numbers. `10³⁰` leaves a thousand times the
/// replay bound and keeps every sum of squares the statistics form finite
/// (`(10³⁰)² · 10⁹ ≪ 1.8·10³⁰⁸`).
public enum PathAmountLimit {
  /// `10³⁰` units of the margin currency.
  public static let largest = 1.0e30

  /// Whether `amount` is finite and at most ``largest`` in magnitude.
  @inlinable
  public static func admits(_ amount: Double) -> Bool {
    amount.isFinite && amount.magnitude <= largest
  }
}

/// A path whose money grew beyond ``PathAmountLimit/largest``: its prices left any market's
/// range, and its numbers would be meaningless.
public struct PathAmountError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Which amount of the path.
  public enum Amount: String, Sendable, CaseIterable {
    case liquidatedNotional = "liquidated notional"
    case shortfall
    case badDebt = "bad debt"
    case fundInflow = "fund inflow"
    case vaultInflow = "vault inflow"
    case adlNotional = "ADL notional"
    case fundBalance = "fund balance"
  }

  public let path: Int
  public let amount: Amount
  public let value: Double

  public var description: String {
    "path \(path): its \(amount.rawValue) reached \(value), beyond \(PathAmountLimit.largest) in the margin currency: "
      + "the prices grew beyond any market's; lower the drift or volatility, or shorten the horizon"
  }
}

extension PathOutcome {
  /// The first of the path's amounts beyond ``PathAmountLimit``, or `nil`.
  ///
  /// - Complexity: O(1); the per-market amounts add up to the path's. Every path is
  ///   checked, so the common case (all within the limit) allocates nothing.
  public func amountBeyondLimit() -> PathAmountError? {
    let admitted =
      PathAmountLimit.admits(liquidatedNotional) && PathAmountLimit.admits(shortfall)
      && PathAmountLimit.admits(badDebt) && PathAmountLimit.admits(fundInflow) && PathAmountLimit.admits(vaultInflow)
      && PathAmountLimit.admits(adlNotional) && PathAmountLimit.admits(minFund) && PathAmountLimit.admits(finalFund)
    if admitted { return nil }
    let amounts: [(PathAmountError.Amount, Double)] = [
      (.liquidatedNotional, liquidatedNotional), (.shortfall, shortfall), (.badDebt, badDebt),
      (.fundInflow, fundInflow), (.vaultInflow, vaultInflow), (.adlNotional, adlNotional),
      (.fundBalance, minFund), (.fundBalance, finalFund),
    ]
    for (amount, value) in amounts where !PathAmountLimit.admits(value) {
      return PathAmountError(path: path, amount: amount, value: value)
    }
    return nil
  }
}
