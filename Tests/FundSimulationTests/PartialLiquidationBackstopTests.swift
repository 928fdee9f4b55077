import Testing

@testable import FundSimulation

/// Partial liquidation with the backstop vault, by hand, in Hyperliquid's order
/// (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations, read 2026-12): the
/// book liquidates first, 20% of a position above 100 000 USDC then a 30 s cooldown; a
/// position whose equity is below 2/3 of its maintenance margin is taken over by the
/// liquidator vault, whole (docs/MODEL.md, "Partial liquidation"). No impact, m = 1.25%,
/// 60 s steps (the cooldown is one step), fund and vault 10⁶.
@Suite struct PartialLiquidationBackstopTests {
  /// Long 2 BTC at 100 000, margin 20 000: Pb 90 000, Pl = 90 000/0.9875 = 91 139.24.
  static let sliced = long(2, at: 100_000, margin: 20_000, account: "A")
  /// Long 2 BTC at 100 000, margin 18 000: Pb 91 000, Pl = 91 000/0.9875 = 92 151.90.
  static let gapped = long(2, at: 100_000, margin: 18_000, account: "B")

  func run(_ prices: [Double], positions: [Position], cooldownSeconds: Double = 30) throws -> PathOutcome {
    let rule = PartialLiquidation(share: 0.2, above: 1.0e5, cooldownSeconds: cooldownSeconds)
    let rules = [
      MarketRules(
        maintenanceMargin: 0.0125, depth: .infinity, resilience: 1, permanentImpact: 0, maxLeverage: 100,
        partialLiquidation: rule)
    ]
    let sim = try makeSimulator(
      prices: prices.map { [$0] }, positions: positions, rules: rules,
      fund: FundRules(balance: 1e6, backstop: BackstopVault(share: 2.0 / 3, capital: 1e6)))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(abs(conservationGap(o, initialFund: 1e6)) < 1e-9)
    return o
  }

  /// Step 1 at 91 050 crosses both.
  /// * B: equity 2·(91 050 − 91 000) = 100 < 2/3 · 0.0125 · 182 100 = 1 517.5: the vault
  ///   takes the whole position (not a 20% slice, although 182 100 > 100 000), P&L +100.
  /// * A: equity 2·1 050 = 2 100 ≥ 1 517.5: 20% to the book, 0.4 with margin 4 000,
  ///   R = 4 000 + 0.4·(91 050 − 100 000) = 420 to the fund.
  /// Step 2 at 90 900, the cooldown over: A's rest (1.6, margin 16 000) has equity
  /// 1.6·900 = 1 440 ≥ 2/3 · 0.0125 · 145 440 = 1 212, so the book closes it whole:
  /// R = 16 000 + 1.6·(90 900 − 100 000) = 1 440. Fund +1 860; three orders of notional
  /// 182 100 + 36 420 + 145 440 = 363 960.
  @Test func vaultTakesTheGappedPositionWholeAndTheBookSlicesTheOther() throws {
    let o = try run([100_000, 91_050, 90_900], positions: [Self.sliced, Self.gapped])
    // The mark is exp(log 91 050), a few ulps off, and the equity a difference of two numbers
    // near 91 000: exact to about 1e-10 of 100, not to 1e-12.
    #expect(o.backstopTakeovers == 1 && close(o.backstopPnL, 100, relative: 1e-9))
    #expect(o.liquidations == 3)
    #expect(close(o.fundInflow, 1_860))
    #expect(close(o.liquidatedNotional, 363_960))
    #expect(o.shortfall == 0 && o.adlEvents == 0)
  }

  /// A cooldown of 150 s is three steps; in step 2 the rest of A, still cooling down, gaps to
  /// 89 000: equity 1.6·(89 000 − 90 000) = −1 600, below 2/3 of its maintenance margin. The
  /// vault does not wait for the book's cooldown: it takes the rest whole, P&L −1 600 (the
  /// fund keeps the slice's 420 and pays nothing).
  @Test func vaultTakesTheRestDuringItsCooldown() throws {
    let o = try run([100_000, 91_050, 89_000, 89_000, 89_000], positions: [Self.sliced], cooldownSeconds: 150)
    #expect(o.liquidations == 2 && o.backstopTakeovers == 1)
    #expect(close(o.backstopPnL, -1_600))
    #expect(close(o.fundInflow, 420) && o.shortfall == 0)
  }

  /// The rest past its cooldown, gapped below 2/3 of its maintenance margin (89 000 in
  /// step 2), goes to the vault whole too, the same −1 600.
  @Test func vaultTakesTheRestAfterItsCooldown() throws {
    let o = try run([100_000, 91_050, 89_000], positions: [Self.sliced])
    #expect(o.liquidations == 2 && o.backstopTakeovers == 1)
    #expect(close(o.backstopPnL, -1_600) && close(o.fundInflow, 420))
  }
}
