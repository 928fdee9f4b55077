import Testing

@testable import FundSimulation

/// The backstop vault by hand, from Hyperliquid's rule: below 2/3 of the maintenance margin
/// the liquidator vault takes the position and the trader's remaining margin
/// (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations); a loss cap past
/// which ADL takes over (Hyperliquid after JELLY).
@Suite struct BackstopVaultTests {
  /// Long 1 BTC at 100 000, margin 10 000 (Pb 90 000, Pl 91 139.24 at m = 1.25%) gaps to
  /// `price`, a short of 5 BTC opposite, fund 10⁶, no impact.
  func run(price: Double, vault: BackstopVault, longs: Int = 1) throws -> PathOutcome {
    let positions =
      (0..<longs).map { long(1, at: 100_000, margin: 10_000, account: "L\($0)") }
      + [short(5, at: 100_000, margin: 100_000)]
    let sim = try makeSimulator(
      prices: [[100_000], [price]], positions: positions, rules: [noImpact()],
      fund: FundRules(balance: 1e6, backstop: vault))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(abs(conservationGap(o, initialFund: 1e6)) < 1e-9)
    #expect(o.liquidations == longs)
    return o
  }

  /// At 90 500 equity is 500, below 2/3 × 1.25% × 90 500 = 754.17: the vault takes it and
  /// gains 500; the fund sees nothing.
  @Test func takesOverBelowTwoThirdsOfMaintenance() throws {
    let o = try run(price: 90_500, vault: BackstopVault(capital: 1e6))
    #expect(close(o.backstopPnL, 500) && o.backstopTakeovers == 1)
    #expect(o.fundInflow == 0 && o.shortfall == 0 && o.finalFund == 1e6)
  }

  /// At 91 000 equity is 1 000, above 2/3 × 1 137.5 = 758.33: the book closes it and the
  /// fund receives the 1 000.
  @Test func leavesTheRestToTheBook() throws {
    let o = try run(price: 91_000, vault: BackstopVault(capital: 1e6))
    #expect(o.backstopTakeovers == 0 && o.backstopPnL == 0)
    #expect(close(o.fundInflow, 1_000))
  }

  /// At 85 000 equity is −5 000: the vault loses 5 000 instead of the fund.
  @Test func absorbsLossesPastBankruptcy() throws {
    let o = try run(price: 85_000, vault: BackstopVault(capital: 1e4))
    #expect(close(o.backstopPnL, -5_000))
    #expect(o.shortfall == 0 && o.adlEvents == 0)
  }

  /// Loss cap 2 000: the vault absorbs 2 000/5 000 = 0.4 of the position; the other 0.6 BTC
  /// goes to ADL at 90 000 (bad debt 0.6 × 5 000 = 3 000), not to the fund.
  @Test func lossCapTriggersADL() throws {
    let o = try run(price: 85_000, vault: BackstopVault(capital: 1e4, lossCap: 2_000))
    #expect(close(o.backstopPnL, -2_000))
    #expect(close(o.badDebt, 3_000) && o.adlEvents == 1)
    #expect(o.shortfall == 0 && o.finalFund == 1e6)
  }

  /// Two such longs, loss cap 5 000: the first uses it all; the second finds no room and
  /// goes to ADL whole (bad debt 5 000); one takeover.
  @Test func capReachedByAnEarlierPosition() throws {
    let o = try run(price: 85_000, vault: BackstopVault(capital: 1e5, lossCap: 5_000), longs: 2)
    #expect(close(o.backstopPnL, -5_000) && o.backstopTakeovers == 1)
    #expect(close(o.badDebt, 5_000))
  }
}
