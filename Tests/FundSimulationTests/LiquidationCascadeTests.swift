import RealModule
import Testing

@testable import FundSimulation

@Suite struct LiquidationCascadeTests {
  /// Two rounds in one step. L1: long 1 @ 100 000, margin 10 000 → Pl 91 139.24.
  /// L2: long 1 @ 100 000, margin 11 000 → Pb 89 000, Pl 89 000/0.9875 = 90 126.58.
  /// The price falls to 91 000: only L1 crosses. Depth 50 000 per 1%, all impact permanent:
  /// round 1 walk w₁ = 0.01 × 91 000/50 000 = 0.0182, fill 91 000 × (1 − 0.0091) = 90 171.9,
  /// R₁ = 10 000 − 9 828.1 = 171.9 to the fund; the mark falls to 91 000 × (1 − 0.0182)
  /// = 89 343.8 < 90 126.58, so round 2 liquidates L2: w₂ = 0.01 × 89 343.8/50 000
  /// = 0.01786876, fill 89 343.8 × (1 − w₂/2) = 88 545.57, R₂ = 11 000 − 11 454.43
  /// = −454.43 paid by the fund.
  @Test func impactOfFirstLiquidationTriggersSecond() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 50_000, resilience: 0.2, permanentImpact: 1)
    let sim = try makeSimulator(
      prices: [[100_000], [91_000]],
      positions: [
        long(1, at: 100_000, margin: 10_000, account: "L1"), long(1, at: 100_000, margin: 11_000, account: "L2"),
      ],
      rules: [rules], fund: FundRules(balance: 1_000_000))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.liquidations == 2)
    #expect(o.maxCascadeRounds == 2)
    let w1 = 0.0182
    let r1 = 10_000 + (91_000 * (1 - w1 / 2) - 100_000)
    let mark2 = 91_000 * (1 - w1)
    let w2 = 0.01 * mark2 / 50_000
    let r2 = 11_000 + (mark2 * (1 - w2 / 2) - 100_000)
    #expect(abs(r1 - 171.9) < 1e-6 && abs(r2 - -454.43) < 0.01)
    #expect(close(o.fundInflow, r1, relative: 1e-9))
    #expect(close(o.shortfall, -r2, relative: 1e-9))
    #expect(close(o.finalFund, 1_000_000 + r1 + r2, relative: 1e-12))
  }

  /// With a round cap of 1 the second liquidation waits for the next step, and the cap hit
  /// is counted. Resilience 1 removes the impact before step 2, but the price path itself
  /// (89 000) is below L2's Pl.
  @Test func roundCapDefersAndIsReported() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 50_000, resilience: 1, permanentImpact: 1)
    let sim = try makeSimulator(
      prices: [[100_000], [91_000], [89_000]],
      positions: [long(1, at: 100_000, margin: 10_000), long(1, at: 100_000, margin: 11_000)],
      rules: [rules], fund: FundRules(balance: 1_000_000), cascadeRoundCap: 1)
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.roundCapHits == 1)
    #expect(o.liquidations == 2)
    #expect(o.maxCascadeRounds == 1)
  }

  /// Impact decays by the resilience each step: with permanent impact only (no second
  /// position), the mark is the path's price times exp(offset·(1 − r)^k). Observable: a
  /// long whose Pl sits between the impacted and the unimpacted price is liquidated while
  /// the impact lasts. Here L2 (Pl 90 126.58) is not crossed by the path (91 000 flat) but
  /// the mark after L1 is 89 343.8, and it stays crossed: L2 goes in round 2 of step 1.
  /// Conversely with permanent_impact 0 L2 survives the whole path.
  @Test func noPermanentImpactNoCascade() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 50_000, resilience: 0.2, permanentImpact: 0)
    let sim = try makeSimulator(
      prices: [[100_000], [91_000], [91_000]],
      positions: [long(1, at: 100_000, margin: 10_000), long(1, at: 100_000, margin: 11_000)],
      rules: [rules], fund: FundRules(balance: 1_000_000))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.liquidations == 1)
    #expect(o.maxCascadeRounds == 1)
  }

  /// Flows of two markets in the same step hit one fund: BTC's shortfall of 5 000 and
  /// ETH's of 500 (long 10 @ 3 000, margin 3 000, Pb 2 700, price 2 650:
  /// R = 3 000 + 10 × (2 650 − 3 000) = −500) both come out of the 5 200 fund; the second
  /// (ETH, processed after BTC) finds only 200 and goes to ADL for the rest.
  @Test func oneFundForAllMarkets() throws {
    let positions = [
      long(1, at: 100_000, margin: 10_000, market: 0), long(10, at: 3_000, margin: 3_000, market: 1),
      short(10, at: 3_000, margin: 10_000, market: 1),
    ]
    let sim = try makeSimulator(
      symbols: ["BTC", "ETH"], prices: [[100_000, 3_000], [85_000, 2_650]], positions: positions,
      rules: [noImpact(), noImpact(0.01)], fund: FundRules(balance: 5_200))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(close(o.markets[0].shortfall, 5_000))
    #expect(close(o.markets[1].shortfall, 200))
    #expect(o.markets[1].adlEvents == 1)
    #expect(o.finalFund == 0 && o.depletionStep == 1)
    #expect(abs(conservationGap(o, initialFund: 5_200)) < 1e-9)
  }
}
