/// `pnl-leverage` (BitMEX; Bybit and OKX use the same "PnL% × effective leverage"):
///
///     score = PnL% × EffLev,   PnL% = s·(P − E)/E,   EffLev = P / |P − Pb|
///
/// with effective leverage the position's value over its equity at the mark
/// (`q·P / (q·|P − Pb|)`, isolated margin). BitMEX ranks by `PnL% × EffLev` when PnL% > 0
/// and `PnL% / EffLev` otherwise (https://www.bitmex.com/app/autoDeleveraging, read
/// 2026-12); here the product is used on both sides of zero, which orders every profitable
/// position as BitMEX does and puts losing ones after them (docs/MODEL.md, "ADL").
enum PnLLeverageScore: ADLScore {
  @inline(__always)
  static func score(
    rung j: Int, of ladder: LiquidationLadder, remaining: Double, extraMargin extra: Double, mark: Double
  ) -> Double {
    let e = ladder.entryPrice[j]
    return ladder.side.sign * (mark - e) / e * (mark / abs(mark - ladder.bankruptcyPrice(j, extraMargin: extra)))
  }
}
