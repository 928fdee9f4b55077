import PricePaths
import Testing

@testable import FundSimulation

/// Money is conserved on every path: what liquidated traders give up equals what the fund,
/// the vault and the ADL counterparties receive (docs/MODEL.md, "Money").
@Suite struct ConservationTests {
  static let cases: [(WaterfallMechanic, ADLRanking, Double?)] = [
    (.marketClose, .pnlLeverage, nil), (.marketClose, .proRata, 0.01), (.takeover, .pnlLeverage, nil),
    (.takeover, .proRata, nil),
  ]

  @Test(arguments: 0..<4)
  func randomBooksAndPaths(caseIndex: Int) throws {
    let (mechanic, ranking, feeCap) = Self.cases[caseIndex]
    let day = try ViolentDay()
    let fund = FundRules(balance: 2e5, waterfall: mechanic, fundShare: 0.7, feeCap: feeCap, takeoverSubsidy: 0.2)
    let exchange = try ExchangeModel(
      rules: day.rules, positions: day.book(seed: UInt64(caseIndex)), fund: fund, adl: ADLPolicy(ranking: ranking),
      initialPrices: day.initialPrices)
    let sim = FundSimulator(
      generator: PathGenerator(model: day.model, seed: 99), exchange: exchange,
      checkpoints: CheckpointSchedule(horizonSteps: 120, every: 30))
    let ws = sim.makeWorkspace()
    var liquidations = 0
    var adl = 0
    for path in 0..<40 {
      let o = sim.simulate(path: path, workspace: ws)
      let scale = max(1, o.liquidatedNotional)
      #expect(abs(conservationGap(o, initialFund: fund.balance)) <= 1e-9 * scale, "path \(path)")
      // Per-market parts add up to the totals.
      #expect(close(o.markets.reduce(0) { $0 + $1.shortfall }, o.shortfall, relative: 1e-9))
      #expect(o.markets.reduce(0) { $0 + $1.liquidations } == o.liquidations)
      #expect(o.minFund <= o.finalFund && o.minFund <= fund.balance)
      liquidations += o.liquidations
      adl += o.adlEvents
    }
    // The configuration is violent enough that the check is not vacuous.
    #expect(liquidations > 100)
    #expect(adl > 0)
  }
}
