import FundSimulation

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
    scope: VenueFundScope(kind: .groups([["BTC"], ["ETH"], []]), source: fund),
    // "attempt to reduce the user's margin with one large Immediate or Cancel order without
    // fully liquidating the user"; the liquidation fee's rate is not published in a citable
    // form, so the reduced slice pays none (docs/VENUES.md, "Simplifications").
    partialLiquidation: (
      .reduce(MarginReduction()),
      "https://www.binance.com/en/support/faq/360033525271, mirrored at "
        + "https://docs.traderwagon.com/faq/futures-trading-introduction/liquidation-protocol (read 2026-12)"
    ))

  private static let fund = "https://www.binance.com/en/support/articles/360033525371 (read 2026-12)"
}
