import PricePaths
import Testing

@testable import FundSimulation

/// Hand-computed cases of partial liquidation (docs/MODEL.md, "Partial liquidation";
/// Hyperliquid: 20% of a position above 100 000 USDC, then a 30 s cooldown,
/// https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations, read 2026-12).
/// The test paths have 60 s steps, so the cooldown is one step.
@Suite struct PartialLiquidationTests {
  /// No impact, m = 1.25%, Hyperliquid's rule.
  static let rules = [
    MarketRules(
      maintenanceMargin: 0.0125, depth: .infinity, resilience: 1, permanentImpact: 0, maxLeverage: 100,
      partialLiquidation: .hyperliquid)
  ]
  /// Long 2 BTC at 100 000 with margin 20 000 (200 000 of notional, 10×): Pb = 90 000,
  /// Pl = 90 000/0.9875 = 91 139.24.
  static let large = long(2, at: 100_000, margin: 20_000)

  func run(_ prices: [Double], positions: [Position] = [large]) throws -> PathOutcome {
    let sim = try makeSimulator(
      prices: prices.map { [$0] }, positions: positions, rules: Self.rules, fund: FundRules(balance: 1_000_000))
    return sim.simulate(path: 0, workspace: sim.makeWorkspace())
  }

  /// Step 1 at 91 000 (notional 182 000 > 100 000): 20% closed, q = 0.4 with margin 4 000,
  /// R = 4 000 + 0.4·(91 000 − 100 000) = 400 to the fund (fund_share 1). Step 2 at 90 500
  /// is still below Pl: the rest, 1.6 with margin 16 000, R = 16 000 + 1.6·(90 500 − 100 000)
  /// = 800. Two orders: notional 0.4·91 000 + 1.6·90 500 = 181 200.
  @Test func restTakenAfterCooldownWhenStillCrossed() throws {
    let o = try run([100_000, 91_000, 90_500])
    #expect(o.liquidations == 2)
    #expect(close(o.fundInflow, 1_200, relative: 1e-12))
    #expect(close(o.liquidatedNotional, 181_200, relative: 1e-12))
    #expect(close(o.traderLoss, 1_200, relative: 1e-12))
    #expect(abs(conservationGap(o, initialFund: 1_000_000)) < 1e-9)
  }

  /// The price recovers to 95 000 in step 2 (above Pl): the rest stays open, only the first
  /// 20% is closed (fund +400, notional 36 400).
  @Test func restKeptWhenPriceRecovers() throws {
    let o = try run([100_000, 91_000, 95_000])
    #expect(o.liquidations == 1)
    #expect(close(o.fundInflow, 400, relative: 1e-12))
    #expect(close(o.liquidatedNotional, 36_400, relative: 1e-12))
  }

  /// Recovered in step 2, crossed again in step 3 at 91 000: the rest is closed whole (no
  /// second 20% slice): R = 16 000 + 1.6·(91 000 − 100 000) = 1 600; fund 400 + 1 600.
  @Test func restClosedWholeWhenCrossedAgain() throws {
    let o = try run([100_000, 91_000, 95_000, 91_000])
    #expect(o.liquidations == 2)
    #expect(close(o.fundInflow, 2_000, relative: 1e-12))
    #expect(close(o.liquidatedNotional, 36_400 + 145_600, relative: 1e-12))
  }

  /// A position of 91 000 notional at the mark (1 BTC, margin 10 000) is at most 100 000:
  /// closed whole at once, R = 10 000 − 9 000 = 1 000.
  @Test func smallPositionClosedWhole() throws {
    let o = try run([100_000, 91_000, 90_500], positions: [long(1, at: 100_000, margin: 10_000)])
    #expect(o.liquidations == 1)
    #expect(close(o.fundInflow, 1_000, relative: 1e-12))
  }

  /// The partially liquidated rung stays at the cursor; a small long behind it on the ladder
  /// (0.5 at 100 000, margin 5 500: Pb 89 000, Pl 90 126.58) crossed in the same step is
  /// closed whole once, not again in step 2. At 90 100: large slice R = 4 000 − 0.4·9 900 =
  /// 40, small R = 5 500 − 0.5·9 900 = 550; step 2 the rest R = 16 000 − 1.6·9 900 = 160.
  @Test func rungBehindPartialClosedOnce() throws {
    let positions = [Self.large, long(0.5, at: 100_000, margin: 5_500, account: "L2")]
    let o = try run([100_000, 90_100, 90_100, 90_100], positions: positions)
    #expect(o.liquidations == 3)
    #expect(close(o.fundInflow, 750, relative: 1e-12))
    #expect(close(o.liquidatedNotional, 2.5 * 90_100, relative: 1e-12))
  }

  /// A cooldown of 150 s over 60 s steps is 3 steps: the rest goes in step 1 + 3 = 4.
  /// Closing at 90 500 then gives the same 400 + 800 as above only if the rest waits: at
  /// 91 000 in steps 2 and 3 it would be 1 600.
  @Test func cooldownInWholeSteps() throws {
    #expect(PartialLiquidation.hyperliquid.cooldownSteps(stepSeconds: 60) == 1)
    #expect(PartialLiquidation.hyperliquid.cooldownSteps(stepSeconds: 10) == 3)
    #expect(PartialLiquidation(share: 0.2, above: 0, cooldownSeconds: 0).cooldownSteps(stepSeconds: 60) == 1)
    var rules = Self.rules
    rules[0].partialLiquidation?.cooldownSeconds = 150
    let sim = try makeSimulator(
      prices: [[100_000], [91_000], [91_000], [91_000], [90_500]], positions: [Self.large], rules: rules,
      fund: FundRules(balance: 1_000_000))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.liquidations == 2)
    #expect(close(o.fundInflow, 1_200, relative: 1e-12))
  }

  /// Refused with takeover; bad values named by market (the scenario's keys are
  /// ScenarioFiles' mapping: `EngineErrorKeysTests`). With a backstop vault it runs
  /// (`PartialLiquidationBackstopTests`).
  @Test func refusedWhereNotModelled() throws {
    #expect(throws: MarketRuleError.partialUnderTakeover(market: 0)) {
      try makeSimulator(
        prices: [[100_000], [90_000]], positions: [Self.large], rules: Self.rules,
        fund: FundRules(balance: 1, waterfall: .takeover))
    }
    var rules = Self.rules
    rules[0].partialLiquidation?.share = 1
    #expect(throws: MarketRuleError.partialShare(market: 0, share: 1)) {
      try makeSimulator(prices: [[100_000], [100_000]], positions: [], rules: rules, fund: FundRules(balance: 1))
    }
  }
}
