/// Drift v2 (`drift-labs/protocol-v2`, commit 0ae3e3b1, read 2026-12).
extension VenueRules {
  static let drift = VenueRules(
    keys: [
      .init(
        "fund.waterfall", "market-close",
        "drift-labs/protocol-v2 programs/drift/src/controller/liquidation.rs (read 2026-12)"),
      .init(
        "adl.ranking", "pro-rata",
        "calculate_funding_rate_deltas_to_resolve_bankruptcy, programs/drift/src/math/liquidation.rs (read 2026-12)"),
    ],
    // Perp bankruptcies draw on the insurance fund of the quote (USDC) spot market.
    scope: VenueFundScope(
      kind: .shared,
      source: "resolve_perp_bankruptcy draws on the quote spot market's insurance fund, "
        + "programs/drift/src/controller/liquidation.rs (read 2026-12)"))
}
