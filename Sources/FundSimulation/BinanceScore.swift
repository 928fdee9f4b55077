/// `binance` (Binance USDⓈ-M, "LeveragePnL"): with a position's wallet balance `W` (its
/// isolated margin `M`), unrealised profit `U = s·q·(P − E)` and maintenance margin `MM`
/// at the mark (`m·q·P`, or the market's tiers: ``MarginSchedule``),
///
///     PnL% = max(0, U) / max(1, W)
///     MarginRatio = MM / (W + U)   (0 when W + U ≤ 0)
///     score = PnL% × MarginRatio
///
/// highest first. Binance ranks by the quantile of this score; ranking by the score itself
/// gives the same order. Source: Binance's formula as quoted by Binance's developer forum,
/// https://dev.binance.vision/t/how-to-caculating-leverage-pnl-quantile/17801 (2023, read
/// 2026-12), for the ADL FAQ https://www.binance.com/en/support/faq/360033525471.
///
/// Amounts are those of the position's open share (`q` and `M` times its remaining share),
/// since `max(1, W)` is not scale-free. `MarginRatio` is `m` times the effective leverage
/// `q·P/(W + U)`, so the score differs from `pnl-leverage` in measuring profit against the
/// margin rather than the entry price.
enum BinanceScore: ADLScore {
  @inline(__always)
  static func score(
    rung j: Int, of ladder: LiquidationLadder, remaining: Double, extraMargin extra: Double, mark: Double
  ) -> Double {
    let q = ladder.size[j] * remaining
    let wallet = (ladder.margin[j] + extra) * remaining
    let profit = ladder.side.sign * q * (mark - ladder.entryPrice[j])
    let pnlShare = max(0, profit) / max(1, wallet)
    let equity = wallet + profit
    let marginRatio = equity > 0 ? ladder.margins.maintenanceMargin(notional: q * mark) / equity : 0
    return pnlShare * marginRatio
  }
}
