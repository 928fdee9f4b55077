import PricePaths
import Testing

@testable import FundSimulation

/// Fund scopes by hand (docs/MODEL.md, "Fund scopes"): which fund pays a market's shortfall.
@Suite struct FundScopeTests {
  /// Two markets without impact, fund 8 000 in all, threshold 0. A (1 BTC long at 100 000,
  /// margin 10 000, bankruptcy 90 000) gaps to 85 000 at step 1: shortfall 5 000. E (10 ETH
  /// long at 3 000, margin 3 000, bankruptcy 2 700) gaps to 2 500 at step 2: shortfall
  /// 10 × 200 = 2 000. Each market has a short that takes any ADL at the bankruptcy price.
  func run(_ scope: FundScope, trigger: Double? = nil) throws -> PathOutcome {
    let positions = [
      long(1, at: 100_000, margin: 10_000, account: "A"), short(10, at: 100_000, margin: 500_000),
      long(10, at: 3_000, margin: 3_000, account: "E", market: 1),
      short(100, at: 3_000, margin: 100_000, account: "T", market: 1),
    ]
    var fund = FundRules(balance: 8_000)
    fund.scope = scope
    let sim = try makeSimulator(
      symbols: ["BTC", "ETH"], prices: [[100_000, 3_000], [85_000, 3_000], [85_000, 2_500]], positions: positions,
      rules: [noImpact(), noImpact()], fund: fund, adl: ADLPolicy(drawdownTrigger: trigger, drawdownWindowSteps: 10))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(abs(conservationGap(o, initialFund: 8_000)) < 1e-9)
    return o
  }

  /// Shared: one fund of 8 000 pays 5 000 then 2 000, ends at 1 000, never depleted, no ADL.
  @Test func sharedPaysBoth() throws {
    let o = try run(.shared)
    #expect(close(o.shortfall, 7_000) && o.badDebt == 0 && o.adlEvents == 0)
    #expect(close(o.finalFund, 1_000) && o.depletionStep == nil && o.funds.isEmpty)
  }

  /// Per market: 4 000 each. BTC's fund pays 4 000 of A's 5 000 (0.8 BTC), is depleted at
  /// step 1, and the other 0.2 BTC go to ADL (bad debt 0.2 × 5 000 = 1 000); ETH's fund pays
  /// E's 2 000 and ends at 2 000, not depleted. Any fund: depleted at step 1; total final
  /// 0 + 2 000; lowest, the sum of each fund's lowest, 0 + 2 000; checkpoints the totals
  /// 8 000, 4 000, 2 000.
  @Test func perMarketLossDepletesOnlyItsFund() throws {
    let o = try run(.perMarket)
    #expect(o.funds.count == 2)
    let btc = o.funds[0]
    let eth = o.funds[1]
    #expect(btc.markets == [0] && btc.initial == 4_000 && btc.final == 0 && btc.minimum == 0)
    #expect(btc.depletionStep == 1 && close(btc.shortfall, 4_000))
    #expect(eth.markets == [1] && eth.initial == 4_000 && close(eth.final, 2_000) && close(eth.minimum, 2_000))
    #expect(eth.depletionStep == nil && close(eth.shortfall, 2_000))
    #expect(o.depletionStep == 1 && close(o.finalFund, 2_000) && close(o.minFund, 2_000))
    #expect(close(o.badDebt, 1_000) && o.adlEvents == 1 && o.markets[1].adlEvents == 0)
    #expect(o.checkpoints.count == 3 && o.checkpoints[0] == 8_000)
    #expect(close(o.checkpoints[1], 4_000) && close(o.checkpoints[2], 2_000))
  }

  /// Groups: ETH's fund of 0.2 × 8 000 = 1 600 against BTC's 6 400. BTC's pays 5 000 (1 400
  /// left); ETH's pays 1 600 of E's 2 000, is depleted at step 2, and the rest (2 ETH, 400)
  /// goes to ADL. (The replay's 2 500 is `exp(log 2 500)`, a hair off, so amounts are
  /// compared to 10⁻⁹.)
  @Test func groupsSplitTheBalance() throws {
    let o = try run(.groups([FundGroup(markets: [0], share: 0.8), FundGroup(markets: [1], share: 0.2)]))
    #expect(close(o.funds[0].final, 1_400) && o.funds[0].depletionStep == nil)
    #expect(close(o.funds[1].final, 0) && o.funds[1].depletionStep == 2)
    #expect(o.depletionStep == 2 && close(o.badDebt, 400, relative: 1e-9) && close(o.shortfall, 6_600))
    #expect(o.markets[0].adlEvents == 0 && o.markets[1].adlEvents == 1)
  }

  /// One group holding every market is the shared fund: the same outcome, plus its record.
  @Test func oneGroupIsShared() throws {
    var grouped = try run(.groups([FundGroup(markets: [1, 0], share: 1)]))
    #expect(grouped.funds.count == 1 && close(grouped.funds[0].shortfall, 7_000))
    grouped.funds = []
    #expect(grouped == (try run(.shared)))
  }

  /// `per-market` is groups of one market each with equal shares, whatever the funds'
  /// order: the same outcome, fund records in group order.
  @Test func perMarketIsGroupsOfOne() throws {
    let perMarket = try run(.perMarket, trigger: 0.6)
    var grouped = try run(
      .groups([FundGroup(markets: [1], share: 0.5), FundGroup(markets: [0], share: 0.5)]), trigger: 0.6)
    #expect(grouped.funds == [perMarket.funds[1], perMarket.funds[0]])
    grouped.funds = perMarket.funds
    #expect(grouped == perMarket)
  }

  /// Each fund has its own drawdown trigger (60%). Shared: floor 3 200, BTC's 5 000 gets
  /// 4 800 (200 to ADL), then ETH's 2 000 finds nothing above the floor (all to ADL): bad
  /// debt 2 200, 2 000 of it in ETH. Per market: BTC's fund of 4 000 pays 2 400 down to its
  /// floor 1 600 (2 600 to ADL); ETH's own fund of 4 000, floor 1 600, pays E's 2 000: bad
  /// debt 2 600, none in ETH.
  @Test func eachFundHasItsOwnTrigger() throws {
    let shared = try run(.shared, trigger: 0.6)
    #expect(close(shared.badDebt, 2_200, relative: 1e-9) && close(shared.markets[1].badDebt, 2_000, relative: 1e-9))
    let perMarket = try run(.perMarket, trigger: 0.6)
    #expect(close(perMarket.badDebt, 2_600, relative: 1e-9) && perMarket.markets[1].badDebt == 0)
    #expect(close(perMarket.funds[0].final, 1_600) && close(perMarket.funds[1].final, 2_000, relative: 1e-9))
    #expect(perMarket.depletionStep == nil)
  }

  /// Scopes are checked against the markets: every market in exactly one fund, shares
  /// positive and summing to 1.
  @Test func validation() {
    let bad: [FundScope] = [
      .groups([FundGroup(markets: [0], share: 1)]),
      .groups([FundGroup(markets: [0, 1], share: 0.5), FundGroup(markets: [1], share: 0.5)]),
      .groups([FundGroup(markets: [0], share: 0.5), FundGroup(markets: [1], share: 0.4)]),
      .groups([FundGroup(markets: [0], share: 0), FundGroup(markets: [1], share: 1)]),
      .groups([FundGroup(markets: [0, 1, 2], share: 1)]),
    ]
    for scope in bad { #expect(throws: FundRuleError.self) { try scope.validate(markets: 2) } }
    #expect(throws: Never.self) { try FundScope.perMarket.validate(markets: 2) }
  }

  /// The fund needed comes from one run only for the shared fund: other scopes bisect.
  @Test func fundNeededFromOneRunOnlyShared() throws {
    var fund = FundRules(balance: 1)
    for (scope, oneRun) in [(FundScope.shared, true), (.perMarket, false)] {
      fund.scope = scope
      let sim = try makeSimulator(prices: [[100], [100]], positions: [], rules: [noImpact()], fund: fund)
      #expect(sim.fundNeededFromOneRun == oneRun)
    }
  }
}
