/// Caps on what the insurance fund pays out, on top of its floor (docs/MODEL.md, "Fund
/// rules"): at most `perStep` in one step over all markets, and at most `perMarket` for one
/// market over the whole horizon. What a cap leaves unpaid goes to ADL, as at the floor.
///
/// * Per step: dYdX v4 caps the insurance fund's loss per block
///   (`MaxQuantumsInsuranceLost`, `GetSubaccountMaxInsuranceLost` in dydxprotocol/v4-chain
///   `protocol/x/clob/keeper/liquidations.go`, commit 002f3fa4, read 2026-12); dYdX's cap is
///   per subaccount and block, applied here to the fund's total per step.
/// * Per market: Drift pays a market's bankruptcies from the insurance fund only up to
///   `quote_max_insurance − quote_settled_insurance`, a lifetime cap per market
///   (drift-labs/protocol-v2 `programs/drift/src/controller/liquidation.rs`,
///   `resolve_perp_bankruptcy`, commit 0ae3e3b1, read 2026-12).
///
/// A payment to a position left with no counterparty (docs/MODEL.md, "ADL") is counted too
/// and may exceed a cap, as it may go below the floor.
struct OutflowCaps {
  let perStep: Double
  let perMarket: Double
  private var step = -1
  private var paidInStep = 0.0
  private var paidByMarket: [Double]

  /// `perStep` and `perMarket` are `.infinity` when not capped.
  init(perStep: Double, perMarket: Double, markets: Int) {
    self.perStep = perStep
    self.perMarket = perMarket
    paidByMarket = Array(repeating: 0, count: markets)
  }

  /// What the caps still let the fund pay for market `k` in `step`.
  func room(market k: Int, step: Int) -> Double {
    min(perStep - (step == self.step ? paidInStep : 0), perMarket - paidByMarket[k])
  }

  /// Records a payment of `amount` for market `k` in `step` (steps never decrease).
  mutating func record(_ amount: Double, market k: Int, step: Int) {
    if step != self.step {
      self.step = step
      paidInStep = 0
    }
    paidInStep += amount
    paidByMarket[k] += amount
  }
}
