import PricePaths
import Testing

@testable import FundSimulation

/// Hand-computed cases of margin reduction (docs/MODEL.md, "Partial liquidation"; Binance:
/// "attempt to reduce the user's margin with one large Immediate or Cancel order without
/// fully liquidating the user … If the user is still margin deficient, the user's position
/// will be closed at the bankruptcy price and the Insurance Fund will take over",
/// https://www.binance.com/en/support/faq/360033525271, read 2026-12). Books without impact,
/// so fills are at the mark. With a flat rate `m` the share sold is
/// `f = (m·N − e)/((m − fee)·N)`, `e` the equity and `N = q·P` the notional at the mark.
@Suite struct MarginReductionRoundTests {
  /// No impact, m = 1%, reduction with `fee`.
  static func rules(fee: Double = 0, tiers: [MarginTier] = []) -> [MarketRules] {
    [
      MarketRules(
        maintenanceMargin: 0.01, depth: .infinity, resilience: 1, permanentImpact: 0, maxLeverage: 100,
        marginTiers: tiers, marginReduction: MarginReduction(fee: fee))
    ]
  }
  /// Long 10 at 100 with margin 50 (10×): Pb = 95, Pl = 95/0.99 = 95.9596.
  static let position = long(10, at: 100, margin: 50)

  func run(
    _ prices: [Double], positions: [Position] = [position], rules: [MarketRules] = rules(),
    fund: FundRules = FundRules(balance: 1_000_000)
  ) throws -> PathOutcome {
    let sim = try makeSimulator(prices: prices.map { [$0] }, positions: positions, rules: rules, fund: fund)
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(abs(conservationGap(o, initialFund: fund.balance)) < 1e-9)
    return o
  }

  /// Step 1 at 95.5: e = 50 + 10·(95.5 − 100) = 5, N = 955, MM = 9.55, so
  /// f = (9.55 − 5)/9.55 = 0.476440 and the order sells f·N = 455 of notional. The rest,
  /// 10 − 4.76440 = 5.23560 (notional 500), keeps 50 − 4.76440·4.5 = 28.5602 of margin:
  /// equity 5 = 1% of 500, so its Pb = 95.5·0.99 = 94.545 and its Pl = 95.5, the mark.
  /// Step 2 at 95: e = 5 − 5.23560·0.5 = 2.38220, N = 500·95/95.5 = 497.382, sold
  /// N − e/0.01 = 259.162; the rest has notional 238.220 at 95, size 2.50758, Pb = 95·0.99
  /// = 94.05. Step 3 at 94 (below its Pb): e = 2.50758·(94 − 94.05) = −0.125379, closed
  /// whole, the fund pays 0.125379. Three orders: 455 + 259.162 + 2.50758·94 = 949.875.
  @Test func reducedTwiceThenClosed() throws {
    let o = try run([100, 95.5, 95, 94])
    #expect(o.liquidations == 3)
    #expect(close(o.liquidatedNotional, 949.874_621, relative: 1e-8))
    #expect(close(o.shortfall, 0.125_378_892, relative: 1e-7))
    #expect(o.fundInflow == 0 && o.adlEvents == 0)
    #expect(close(o.finalFund, 1_000_000 - 0.125_378_892, relative: 1e-15))
  }

  /// At 95.5 the rest is at its own Pl: a recovery to 97 keeps it open, and a mark at 95.5
  /// again crosses nothing (compliant to rounding): one order of 455, no loss.
  @Test func restKeptOpenAboveItsOwnPrice() throws {
    let o = try run([100, 95.5, 97, 95.5])
    #expect(o.liquidations == 1)
    #expect(close(o.liquidatedNotional, 455, relative: 1e-12))
    #expect(o.shortfall == 0 && o.fundInflow == 0 && o.finalFund == 1_000_000)
  }

  /// A short 10 at 100 with margin 50 (Pb 105, Pl 105/1.01 = 103.96) at 104.5: e = 50 − 45 = 5,
  /// N = 1 045, f = (10.45 − 5)/10.45, sold N − e/0.01 = 545; the rest (notional 500, size
  /// 4.78469) keeps 50 − 5.21531·4.5 = 26.5311, so Pb′ = 100 + 26.5311/4.78469 = 105.545 =
  /// 104.5·1.01: a rise to 106 closes it with a shortfall of 4.78469·(106 − 105.545) = 2.1770.
  @Test func shortReducedThenClosed() throws {
    let o = try run([100, 104.5, 106], positions: [short(10, at: 100, margin: 50)])
    #expect(o.liquidations == 2)
    #expect(close(o.liquidatedNotional, 545 + 500 / 104.5 * 106, relative: 1e-12))
    #expect(close(o.shortfall, 500 / 104.5 * (106 - 104.5 * 1.01), relative: 1e-9))
  }

  /// Fee 0.5%: f = 4.55/((0.01 − 0.005)·955) = 0.952880, sold notional 910, fee
  /// 0.005·910 = 4.55 to the fund; the rest, notional 45, has equity 5 − 4.55 = 0.45 = 1%
  /// of 45. Fee 0.6%: f = 4.55/(0.004·955) = 1.19 > 1, so no reduction helps: the position
  /// is closed whole at 95.5 and market close takes its residual 5 as the penalty.
  @Test func feeChangesTheShare() throws {
    let o = try run([100, 95.5], rules: Self.rules(fee: 0.005))
    #expect(o.liquidations == 1)
    #expect(close(o.liquidatedNotional, 910, relative: 1e-12))
    #expect(close(o.fundInflow, 4.55, relative: 1e-12) && close(o.traderLoss, 4.55, relative: 1e-12))
    let whole = try run([100, 95.5], rules: Self.rules(fee: 0.006))
    #expect(whole.liquidations == 1)
    #expect(close(whole.liquidatedNotional, 955, relative: 1e-12))
    #expect(close(whole.fundInflow, 5, relative: 1e-12))
  }

  /// A gap to 94.5, below Pb = 95: e = 50 − 55 = −5 ≤ 0, closed whole, the fund pays 5.
  @Test func bankruptPositionClosedWhole() throws {
    let o = try run([100, 94.5])
    #expect(o.liquidations == 1)
    #expect(close(o.liquidatedNotional, 945, relative: 1e-12))
    #expect(close(o.shortfall, 5, relative: 1e-12))
  }

  /// Tiers: 1% from 0, 2% from notional 1 000 (deduction 1 000·0.01 = 10). Long 20 at 100
  /// with margin 150 (Pb 92.5; Pl in the upper tier (92.5 − 10/20)/0.98 = 93.878). A gap to
  /// 92.9: e = 150 − 20·7.1 = 8, N = 1 858, MM = 37.16 − 10 = 27.16. In the upper tier the
  /// rest would need 8 + 10 ≥ 0.02·x, x ≤ 900, below the tier's floor: none there; in the
  /// lower tier 8 ≥ 0.01·x, x ≤ 800. So the rest has notional 800 (the upper tier's 2%
  /// alone would have left 400) and the order sells 1 858 − 800 = 1 058.
  @Test func reducedOutOfTheUpperTier() throws {
    let tiers = [MarginTier(notionalFloor: 1_000, rate: 0.02)]
    let o = try run([100, 92.9], positions: [long(20, at: 100, margin: 150)], rules: Self.rules(tiers: tiers))
    #expect(o.liquidations == 1)
    #expect(close(o.liquidatedNotional, 1_058, relative: 1e-12))
    #expect(o.shortfall == 0 && o.fundInflow == 0)
  }

  /// Takeover: the position above (reduced at 95.5 as in the first case) and a long 10 at
  /// 100 with margin 40 (Pb 96, e = 40 − 45 = −5 at 95.5: deficient, no share helps) taken
  /// over at its Pb, the fund paying 10·(96 − 95.5) = 5. Orders 455 + 955. At 95.5 again
  /// nothing; at 90 the rest (5.23560, Pb 94.545) is taken over at its own Pb: the fund pays
  /// 5.23560·(94.545 − 90) = 23.7958. Fund: −5 − 23.7958 = −28.7958.
  @Test func takeoverTakesTheDeficientAndKeepsTheRest() throws {
    let fund = FundRules(balance: 1_000_000, waterfall: .takeover)
    let positions = [Self.position, long(10, at: 100, margin: 40, account: "L2")]
    let o = try run([100, 95.5, 95.5], positions: positions, fund: fund)
    #expect(o.liquidations == 2)
    #expect(close(o.liquidatedNotional, 455 + 955, relative: 1e-12))
    #expect(close(o.shortfall, 5, relative: 1e-12))
    let crash = try run([100, 95.5, 95.5, 90], positions: positions, fund: fund)
    #expect(crash.liquidations == 3)
    #expect(close(crash.shortfall, 5 + 500 / 95.5 * (95.5 * 0.99 - 90), relative: 1e-12))
    #expect(close(crash.finalFund, 1_000_000 - 28.795_811, relative: 1e-12))
  }

  /// A position at or below `above` is closed whole: 955 ≤ 1 000 at 95.5, residual 5.
  @Test func belowThresholdClosedWhole() throws {
    var rules = Self.rules()
    rules[0].marginReduction?.above = 1_000
    let o = try run([100, 95.5], rules: rules)
    #expect(o.liquidations == 1 && close(o.liquidatedNotional, 955, relative: 1e-12))
    #expect(close(o.fundInflow, 5, relative: 1e-12))
  }
}
