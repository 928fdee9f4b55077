/// BitMEX.
extension VenueRules {
  static let bitmex = VenueRules(
    keys: [
      .init("fund.waterfall", "market-close", adl),
      .init("adl.ranking", "pnl-leverage", adl),
      .init("adl.close_price", "bankruptcy", adl),
    ],
    // One insurance fund per contract.
    scope: VenueFundScope(kind: .perMarket, source: adl))

  private static let adl = "https://www.bitmex.com/app/autoDeleveraging (read 2026-12)"
}
