/// dYdX v4 (`dydxprotocol/v4-chain`, commit 002f3fa4, read 2026-12).
extension VenueRules {
  static let dydx = VenueRules(
    keys: [
      .init("fund.waterfall", "market-close", liquidations),
      .init(
        "fund.fee_cap", "0.015",
        "MaxLiquidationFeePpm 15 000, dydxprotocol/v4-chain protocol/testing/genesis.sh (read 2026-12)"),
      .init(
        "fund.step_outflow_cap", "1.0e6",
        "MaxQuantumsInsuranceLost 1 000 000 USDC per subaccount and block, protocol/testing/genesis.sh "
          + "(read 2026-12); applied to the fund per step"),
      .init("adl.ranking", "random-walk", deleveraging),
      .init("adl.close_price", "bankruptcy", deleveraging),
    ],
    scope: VenueFundScope(
      kind: .shared,
      source: "cross markets share the module account insurance_fund: dydxprotocol/v4-chain "
        + "protocol/x/perpetuals/keeper/perpetual.go GetInsuranceFundName (read 2026-12)"))

  private static let liquidations =
    "dydxprotocol/v4-chain protocol/x/clob/keeper/liquidations.go, commit 002f3fa4 (read 2026-12)"
  private static let deleveraging =
    "dydxprotocol/v4-chain protocol/x/clob/keeper/deleveraging.go, commit 002f3fa4 (read 2026-12)"
}
