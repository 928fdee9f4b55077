import PricePaths
import Testing

@testable import FundSimulation

/// Margin tiers by hand from Hyperliquid's published rule
/// (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers, read 2026-12):
/// `MM = N·rₙ − dₙ`, `dₙ = dₙ₋₁ + Lₙ·(rₙ − rₙ₋₁)`, with its BTC table — 40x (maintenance
/// 1.25%, half the initial margin at 40x) up to 150M, 20x (2.5%) above: `d₁ = 150M × 1.25% =
/// 1.875M`.
@Suite struct MarginTiersTests {
  static let btc = MarketRules.withoutImpact(maintenanceMargin: 0.0125).withTiers([
    MarginTier(notionalFloor: 1.5e8, rate: 0.025)
  ])

  @Test func maintenanceMarginIsContinuous() {
    let schedule = MarginSchedule(baseRate: 0.0125, tiers: Self.btc.marginTiers)
    #expect(schedule.deductions == [0, 1.875e6])
    #expect(close(schedule.maintenanceMargin(notional: 1e8), 1.25e6))
    #expect(close(schedule.maintenanceMargin(notional: 2e8), 2e8 * 0.025 - 1.875e6))  // 3.125M
    // At the floor both tiers give 1.875M.
    #expect(close(schedule.maintenanceMargin(notional: 1.5e8), 1.875e6))
    #expect(close(schedule.maintenanceMargin(notional: 1.5e8.nextDown), 1.875e6))
  }

  /// A 200M long (2 000 BTC at 100 000, margin 20M, Pb 90 000): in the 2.5% tier
  /// `Pl = (90 000 − 1.875M/2 000)/(1 − 0.025) = 89 062.5/0.975 = 91 346.15`, notional
  /// 182.7M ≥ 150M; there equity 20M − 2 000 × 8 653.85 = 2.692M = MM 182.69M × 2.5% − 1.875M.
  /// Flat 1.25% would give 90 000/0.9875 = 91 139.24: the large position liquidates earlier.
  /// The short mirror (Pb 110 000): `(110 000 + 937.5)/1.025 = 108 231.71`.
  @Test func largePositionsLiquidateEarlier() {
    let bigLong = long(2_000, at: 100_000, margin: 2e7)
    let pl = Self.btc.liquidationPrice(of: bigLong)
    #expect(close(pl, 89_062.5 / 0.975))
    let equity = 2e7 + 2_000 * (pl - 100_000)
    #expect(close(equity, 2_000 * pl * 0.025 - 1.875e6, relative: 1e-9))
    #expect(close(Self.btc.liquidationPrice(of: long(1, at: 100_000, margin: 10_000)), 90_000 / 0.9875))
    #expect(close(Self.btc.liquidationPrice(of: short(2_000, at: 100_000, margin: 2e7)), 110_937.5 / 1.025))
  }

  /// The tier is that of the notional at the liquidation price, not at entry: 1 600 BTC at
  /// 100 000 (160M), margin 32M (Pb 80 000). The 2.5% tier's candidate
  /// (80 000 − 1 171.875)/0.975 = 80 849.36 has notional 129.4M < 150M, so the root is in
  /// the base tier: 80 000/0.9875 = 81 012.66.
  @Test func tierAtTheLiquidationPrice() {
    #expect(close(Self.btc.liquidationPrice(of: long(1_600, at: 100_000, margin: 3.2e7)), 80_000 / 0.9875))
  }

  /// Through the whole machinery: the 200M long is liquidated at 91 200 (between its tiered
  /// 91 346.15 and its flat 91 139.24) only with the tiers.
  @Test func tiersMoveTheLadder() throws {
    for (rules, liquidations) in [(Self.btc, 1), (MarketRules.withoutImpact(maintenanceMargin: 0.0125), 0)] {
      let sim = try makeSimulator(
        prices: [[100_000], [91_200]],
        positions: [long(2_000, at: 100_000, margin: 2e7), short(2_000, at: 100_000, margin: 1e8)], rules: [rules],
        fund: FundRules(balance: 1e6))
      #expect(sim.simulate(path: 0, workspace: sim.makeWorkspace()).liquidations == liquidations)
    }
  }

  @Test func tiersAreValidated() {
    let falling = MarketRules.withoutImpact(maintenanceMargin: 0.0125).withTiers([
      MarginTier(notionalFloor: 1e6, rate: 0.01)
    ])
    #expect(throws: MarketRuleError.self) { try falling.validate(index: 0) }
    #expect(throws: Never.self) { try Self.btc.validate(index: 0) }
  }
}

extension MarketRules {
  func withTiers(_ tiers: [MarginTier]) -> MarketRules {
    var rules = self
    rules.marginTiers = tiers
    return rules
  }
}
