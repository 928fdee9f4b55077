import FundSimulation

/// Hyperliquid (its documentation, https://hyperliquid.gitbook.io/hyperliquid-docs, read
/// 2026-12).
extension VenueRules {
  static let hyperliquid = VenueRules(
    keys: [
      .init("fund.waterfall", "market-close", liquidations + " (read 2026-12)"),
      .init("fund.fee_cap", "0", "\"no clearance fee\": the same page (read 2026-12)"),
      .init(
        "fund.backstop", "{share: 0.6667, capital: fund.balance}",
        "liquidator vault below 2/3 of maintenance margin: the same page (read 2026-12)"),
      .init("adl.ranking", "hyperliquid", adl),
      .init("adl.close_price", "mark", adl),
    ],
    // No insurance fund of its own: the liquidator vault stands behind every market.
    scope: VenueFundScope(kind: .shared, source: liquidations + " (read 2026-12): one liquidator vault"),
    marginTiers: VenueMarginTiers(
      tables: [
        .init(symbols: ["BTC"], brackets: [(0, 40), (1.5e8, 20)]),
        .init(symbols: ["ETH"], brackets: [(0, 25), (1.0e8, 15)]),
        .init(symbols: ["SOL"], brackets: [(0, 20), (7.0e7, 10)]),
        .init(symbols: ["XRP"], brackets: [(0, 20), (4.0e7, 10)]),
        .init(
          symbols: [
            "DOGE", "kPEPE", "SUI", "WLD", "TRUMP", "LTC", "ENA", "POPCAT", "WIF", "AAVE", "kBONK", "LINK", "CRV",
            "AVAX", "ADA", "UNI", "NEAR", "TIA", "APT", "BCH", "HYPE", "FARTCOIN",
          ], brackets: [(0, 10), (2.0e7, 5)]),
        .init(
          symbols: ["OP", "ARB", "LDO", "TON", "MKR", "ONDO", "JUP", "INJ", "kSHIB", "SEI", "TRX", "BNB", "DOT"],
          brackets: [(0, 10), (3.0e6, 5)]),
      ],
      source: "mainnet margin tiers, https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers "
        + "(read 2026-12); MM = half the initial margin at the tier's leverage"),
    partialLiquidation: (
      .slice(.hyperliquid), liquidations + " (read 2026-12): 20% of a position above 100 000 USDC, then 30 s"
    ))

  private static let liquidations = "https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations"
  private static let adl =
    "https://hyperliquid.gitbook.io/hyperliquid-docs/trading/auto-deleveraging (read 2026-12)"
}
