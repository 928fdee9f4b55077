/// Bybit.
extension VenueRules {
  static let bybit = VenueRules(
    keys: [
      .init(
        "fund.waterfall", "market-close", "https://www.bybit.com/en/help-center/article/Insurance-Fund (read 2026-12)"),
      .init("adl.ranking", "pnl-leverage", "https://help.bybit.com/hc/en-us/articles/900000031623 (read 2026-12)"),
      .init("adl.close_price", "bankruptcy", "the same page"),
      .init("adl.drawdown_trigger", "0.3", pools),
      .init("adl.drawdown_window_hours", "8", pools),
    ],
    // The pools' membership is served per symbol by the API at the time of the call, not
    // published as a table one could cite: one shared fund (docs/VENUES.md, "Simplifications").
    scope: VenueFundScope(
      kind: .shared, source: pools + "; pool membership is not published per symbol: one shared fund"))

  private static let pools = "https://bybit-exchange.github.io/docs/v5/market/adl-alert (read 2026-12)"
}
