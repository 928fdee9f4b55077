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

@Suite struct AutoDeleveragingTests {
  /// When the book has no counterparty left, the fund takes the remainder at the same
  /// transfer: long 10 ETH (Pb 2 700) at 2 650 with a 200 fund needs 6 ETH of ADL but the
  /// book holds 5 ETH of shorts; the last ETH costs the fund 1 × (2 700 − 2 650) = 50, so
  /// the fund ends at −50 and money is still conserved.
  @Test func unmatchedRemainderFallsOnTheFund() throws {
    let positions = [long(10, at: 3_000, margin: 3_000), short(5, at: 3_000, margin: 5_000)]
    let sim = try makeSimulator(
      symbols: ["ETH"], prices: [[3_000], [2_650]], positions: positions, rules: [noImpact(0.01)],
      fund: FundRules(balance: 200))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(close(o.finalFund, -50))
    #expect(close(o.shortfall, 250))
    #expect(close(o.adlNotional, 5 * 2_700))
    #expect(abs(conservationGap(o, initialFund: 200)) < 1e-9)
  }

  /// OKX/Bybit-style trigger: with a 30% drawdown trigger the fund stops paying once it is
  /// 30% below its peak in the window. Fund 10 000; step 1: a 4 000 shortfall is paid
  /// (balance 6 000, drawdown 40%); step 2: the next shortfall goes to ADL though the fund
  /// could pay it.
  @Test func drawdownTriggerSwitchesToADL() throws {
    let positions = [
      long(1, at: 100_000, margin: 10_000, account: "A"),  // Pb 90 000, closes at 86 000: −4 000
      long(1, at: 100_000, margin: 16_000, account: "B"),  // Pb 84 000, Pl 85 063, closes at 83 000: −1 000
      short(5, at: 100_000, margin: 100_000),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [86_000], [83_000]], positions: positions, rules: [noImpact()],
      fund: FundRules(balance: 10_000), adl: ADLPolicy(drawdownTrigger: 0.3, drawdownWindowSteps: 10))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(close(o.shortfall, 4_000))
    #expect(o.adlEvents == 1)
    #expect(close(o.finalFund, 6_000))
    #expect(o.depletionStep == nil)
  }
}

@Suite struct ADLRankingReuseTests {
  /// Two longs (1 BTC each, Pb 90 000) gap to 85 000 in one batch with an empty fund: both
  /// go to ADL against the same ranking. Shorts at mark 85 000:
  /// S1 1 BTC @ 95 000, margin 50 000: score 10 000/95 000 × 85 000/60 000 = 0.149;
  /// S2 1.5 BTC @ 100 000, margin 30 000 (Pb 120 000): 0.15 × 85 000/35 000 = 0.364 (top).
  /// Event 1 takes 1 of S2's 1.5 (S2 keeps 1/3 of its size and its rank); event 2 takes
  /// S2's last 0.5 and 0.5 of S1. Three hits, two events, S1 keeps half.
  @Test func partialCounterpartyKeepsItsRankAcrossEvents() throws {
    let positions = [
      long(1, at: 100_000, margin: 10_000, account: "L1"), long(1, at: 100_000, margin: 10_000, account: "L2"),
      short(1, at: 95_000, margin: 50_000, account: "S1"), short(1.5, at: 100_000, margin: 30_000, account: "S2"),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: positions, rules: [noImpact()], fund: FundRules(balance: 0))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: 0, workspace: ws)
    #expect(o.adlEvents == 2)
    #expect(o.adlPositionsHit == 3)
    #expect(close(o.adlNotional, 2 * 90_000))
    let shorts = sim.ladders.shorts[0]
    let left = Dictionary(
      uniqueKeysWithValues: (0..<shorts.count).map {
        (sim.exchange.positions[shorts.positionIndex[$0]].account, ws.remaining[shorts.stateOffset + $0])
      })
    #expect(left["S2"] == 0)
    #expect(close(left["S1"] ?? -1, 0.5))
    #expect(abs(conservationGap(o, initialFund: 0)) < 1e-9)
  }
}
