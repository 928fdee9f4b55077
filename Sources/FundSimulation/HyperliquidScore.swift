/// `hyperliquid`: opposite-side positions ranked by
///
///     score = (P / E) × (q·P / account value),   account value = M + s·q·(P − E)
///
/// highest first (isolated margin: the account value is the position's equity at the mark).
/// Source: https://hyperliquid.gitbook.io/hyperliquid-docs/trading/auto-deleveraging (read
/// 2026-12): "users on the opposite side of the position are ranked by
/// `(mark_price / entry_price) * (notional_position / account_value)`", applied as published
/// to both sides (for a short, `P/E` below 1 means a profit, so a profitable short ranks
/// lower than a losing one at the same leverage: the published formula, kept as published).
/// An account value at or below zero ranks first (infinite leverage); no open position of
/// the opposite side can have one at a mark that liquidates this side.
enum HyperliquidScore: ADLScore {
  @inline(__always)
  static func score(
    rung j: Int, of ladder: LiquidationLadder, remaining: Double, extraMargin extra: Double, mark: Double
  ) -> Double {
    let e = ladder.entryPrice[j]
    let accountValue = ladder.margin[j] + extra + ladder.side.sign * ladder.size[j] * (mark - e)
    guard accountValue > 0 else { return .infinity }
    return mark / e * (ladder.size[j] * mark / accountValue)
  }
}
