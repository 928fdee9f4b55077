import PricePaths
import Testing

@testable import FundSimulation

@Suite struct WholeRunCloseTests {
  /// Three longs, m = 1.25%, closed together at 91 000 with no impact:
  /// * B 2 @ 100 000, margin 16 000: Pb 92 000, Pl 93 164.56, R = 2·(91 000 − 92 000) = −2 000;
  /// * C 1 @ 95 000, margin 4 000: Pb 91 000, Pl 92 151.90, R = 0;
  /// * A 1 @ 100 000, margin 10 000: Pb 90 000, Pl 91 139.24, R = +1 000.
  /// Ladder order B, C, A, so the run splits after B. The fund (10⁶) pays 2 000, then
  /// receives 0.6 × 1 000 = 600; the vault 400; the traders lose 1 000 − 2 000 = −1 000;
  /// notional 4 × 91 000.
  static let positions = [
    long(1, at: 100_000, margin: 10_000, account: "A"), long(2, at: 100_000, margin: 16_000, account: "B"),
    long(1, at: 95_000, margin: 4_000, account: "C"),
  ]

  func simulator(
    fund: FundRules, rules: MarketRules = noImpact(), adl: ADLPolicy = ADLPolicy()
  ) throws
    -> FundSimulator
  {
    try makeSimulator(prices: [[100_000], [91_000]], positions: Self.positions, rules: [rules], fund: fund, adl: adl)
  }

  @Test func handComputedRound() throws {
    let sim = try simulator(fund: FundRules(balance: 1_000_000, fundShare: 0.6))
    let ladder = sim.ladders.ladder(market: 0, side: .long)
    #expect(ladder.positionIndex == [1, 2, 0])
    #expect(ladder.firstSolvent(in: 0..<3, fill: 91_000) == 1)
    var ledger = PathLedger(
      fund: InsuranceFund(balance: 1_000_000, threshold: 0),
      outcome: PathOutcome(path: 0, initialFund: 1_000_000, markets: 1, checkpoints: 2))
    let round = LiquidationRound(market: 0, mark: 91_000, step: 1, wholeRungs: 0..<3)
    let walk = MarketClose.closeWholeRun(round, ladder: ladder, simulator: sim, ledger: &ledger)
    let (fund, o) = (ledger.fund, ledger.outcome)
    #expect(walk == 0)
    #expect(o.liquidations == 3 && o.markets[0].liquidations == 3)
    #expect(close(o.liquidatedNotional, 364_000) && close(o.markets[0].liquidatedNotional, 364_000))
    #expect(close(o.shortfall, 2_000) && close(o.markets[0].shortfall, 2_000))
    #expect(close(o.fundInflow, 600) && close(o.markets[0].fundInflow, 600))
    #expect(close(o.vaultInflow, 400) && close(o.markets[0].vaultInflow, 400))
    #expect(close(o.traderLoss, -1_000))
    #expect(close(fund.balance, 998_600))
    #expect(close(fund.minimum, 998_000))
    #expect(fund.depletionStep == nil)
  }

  /// Margin tiers can break the order of bankruptcy prices along the ladder, which the
  /// whole-run split needs. Tiers 1% from 0, 2% from notional 1 000 (deduction 10):
  /// * Big 20 @ 100, margin 150: Pb 92.5, Pl (92.5 − 10/20)/0.98 = 93.878 (upper tier);
  /// * Small 1 @ 100, margin 7.3: Pb 92.7, Pl 92.7/0.99 = 93.636.
  /// Ladder Big, Small: Pb rises. At 92.6 (no impact) Big's residual is 20·0.1 = +2, Small's
  /// 1·(−0.1): the fund pays 0.1 and receives 0.6 × 2 = 1.2, ending at 10⁶ + 1.1 (a split
  /// at the first rung would have netted the two: no shortfall, inflow 0.6 × 1.9).
  @Test func tiersCloseThePositionsOneByOne() throws {
    let tiered = MarketRules(
      maintenanceMargin: 0.01, depth: .infinity, resilience: 1, permanentImpact: 0, maxLeverage: 100,
      marginTiers: [MarginTier(notionalFloor: 1_000, rate: 0.02)])
    let sim = try makeSimulator(
      prices: [[100], [92.6]], positions: [long(20, at: 100, margin: 150), long(1, at: 100, margin: 7.3)],
      rules: [tiered], fund: FundRules(balance: 1_000_000, fundShare: 0.6))
    #expect(!sim.ladders.ladder(market: 0, side: .long).bankruptcyPricesMonotone)
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.liquidations == 2)
    #expect(close(o.shortfall, 0.1) && close(o.fundInflow, 1.2))
    #expect(close(o.finalFund, 1_000_001.1))
    #expect(try simulator(fund: FundRules(balance: 1)).ladders.longs[0].bankruptcyPricesMonotone)
  }

  /// The whole path gives the same as position by position, to rounding.
  @Test func sameAsPositionByPosition() throws {
    var sim = try simulator(fund: FundRules(balance: 1_000_000, fundShare: 0.6))
    let aggregated = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    sim.aggregatesRounds = false
    let reference = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(aggregated.liquidations == 3 && reference.liquidations == 3)
    #expect(close(aggregated.finalFund, reference.finalFund) && close(aggregated.finalFund, 998_600))
    #expect(close(aggregated.minFund, reference.minFund) && close(aggregated.minFund, 998_000))
  }

  /// Declines, changing nothing, whenever the round needs position-by-position work.
  @Test(arguments: ["fund too small", "fee cap", "drawdown trigger", "book exhausted"])
  func declines(reason: String) throws {
    var fundRules = FundRules(balance: 1_000_000, fundShare: 0.6)
    var rules = noImpact()
    var adl = ADLPolicy()
    switch reason {
    case "fund too small": fundRules = FundRules(balance: 1_999, fundShare: 0.6)
    case "fee cap": fundRules = FundRules(balance: 1_000_000, fundShare: 0.6, feeCap: 0.01)
    case "drawdown trigger": adl = ADLPolicy(drawdownTrigger: 0.3)
    default:
      // 4 BTC at 91 000 walk 0.01·364 000/depth: a depth of 3 000 gives w = 1.21 > 1.
      rules = MarketRules(maintenanceMargin: 0.0125, depth: 3_000, resilience: 1, permanentImpact: 0, maxLeverage: 100)
    }
    let sim = try simulator(fund: fundRules, rules: rules, adl: adl)
    let ladder = sim.ladders.ladder(market: 0, side: .long)
    var ledger = PathLedger(
      fund: InsuranceFund(balance: fundRules.balance, threshold: 0),
      outcome: PathOutcome(path: 0, initialFund: fundRules.balance, markets: 1, checkpoints: 2))
    let round = LiquidationRound(market: 0, mark: 91_000, step: 1, wholeRungs: 0..<3)
    let walk = MarketClose.closeWholeRun(round, ladder: ladder, simulator: sim, ledger: &ledger)
    let (fund, o) = (ledger.fund, ledger.outcome)
    #expect(walk == nil)
    #expect(o.liquidations == 0 && o.liquidatedNotional == 0 && o.shortfall == 0 && o.fundInflow == 0)
    #expect(fund.balance == fundRules.balance && fund.minimum == fundRules.balance)
  }

  /// Random books and violent paths (impact, Student-t and jumps, a fund that depletes on
  /// some paths so ADL takes over mid-path): closing whole runs from prefix sums gives every
  /// count exactly and every amount to rounding (1e-9 of the path's liquidated notional)
  /// of closing position by position.
  @Test(arguments: [Double.infinity, 2e6])
  func agreesWithPositionByPosition(depth: Double) throws {
    let day = try ViolentDay(depth: depth)
    let fund = FundRules(balance: 3e5, fundShare: 0.7)
    let exchange = try ExchangeModel(
      rules: day.rules, positions: day.book(seed: 11), fund: fund, initialPrices: day.initialPrices)
    let sim = FundSimulator(
      generator: PathGenerator(model: day.model, seed: 5), exchange: exchange,
      checkpoints: CheckpointSchedule(horizonSteps: 120, every: 30))
    var reference = sim
    reference.aggregatesRounds = false
    let ws = sim.makeWorkspace()
    var depleted = 0
    var liquidations = 0
    for path in 0..<40 {
      let a = sim.simulate(path: path, workspace: ws)
      let b = reference.simulate(path: path, workspace: ws)
      let scale = max(1, b.liquidatedNotional)
      #expect(a.liquidations == b.liquidations && a.depletionStep == b.depletionStep, "path \(path)")
      #expect(a.adlEvents == b.adlEvents && a.adlPositionsHit == b.adlPositionsHit, "path \(path)")
      #expect(a.maxCascadeRounds == b.maxCascadeRounds && a.roundCapHits == b.roundCapHits, "path \(path)")
      for (x, y) in [
        (a.finalFund, b.finalFund), (a.minFund, b.minFund), (a.shortfall, b.shortfall), (a.fundInflow, b.fundInflow),
        (a.vaultInflow, b.vaultInflow), (a.traderLoss, b.traderLoss), (a.liquidatedNotional, b.liquidatedNotional),
        (a.adlNotional, b.adlNotional), (a.badDebt, b.badDebt),
      ] {
        #expect(abs(x - y) <= 1e-9 * scale, "path \(path): \(x) vs \(y)")
      }
      for (x, y) in zip(a.checkpoints, b.checkpoints) { #expect(abs(x - y) <= 1e-9 * scale, "path \(path)") }
      #expect(abs(conservationGap(a, initialFund: fund.balance)) <= 1e-9 * scale, "path \(path)")
      depleted += a.depleted ? 1 : 0
      liquidations += a.liquidations
    }
    // Both regimes occur: rounds the fund pays (aggregated) and depletion with ADL.
    #expect(liquidations > 100)
    #expect(depleted > 0 && depleted < 40)
  }
}
