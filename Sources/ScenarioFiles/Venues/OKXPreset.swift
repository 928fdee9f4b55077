/// OKX.
extension VenueRules {
  static let okx = VenueRules(
    keys: [
      .init("fund.waterfall", "market-close", adl),
      .init("adl.ranking", "pnl-leverage", adl),
      .init("adl.close_price", "mark", adl),
      .init("adl.drawdown_trigger", "0.3", adl),
      .init("adl.drawdown_window_hours", "8", adl),
    ],
    // Funds are separate by business line, underlying and settlement currency.
    scope: VenueFundScope(kind: .perMarket, source: adl))

  private static let adl = "https://www.okx.com/help/iv-introduction-to-auto-deleveraging-adl (read 2026-12)"
}
