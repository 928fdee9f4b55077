/// Binance USDⓈ-M futures.
extension VenueRules {
  static let binance = VenueRules(
    keys: [
      .init("fund.waterfall", "takeover", fund),
      .init("fund.takeover_notional_cap", "1", fund),
      .init(
        "adl.ranking", "binance",
        "https://dev.binance.vision/t/how-to-caculating-leverage-pnl-quantile/17801 (read 2026-12)"),
      .init("adl.close_price", "bankruptcy", "https://www.binance.com/en/support/faq/360033525471 (read 2026-12)"),
    ],
    // "All perps share one fund, except BTCUSDT and ETHUSDT, which have their own."
    scope: VenueFundScope(kind: .groups([["BTC"], ["ETH"], []]), source: fund))

  private static let fund = "https://www.binance.com/en/support/articles/360033525371 (read 2026-12)"
}
