import Foundation
import FundSimulation
import PricePaths
import Testing

@testable import ScenarioFiles

@Suite("VenuePreset")
struct VenuePresetTests {
  /// A preset sets the keys the scenario leaves out; a written key overrides it.
  @Test("a preset fills the keys left out, written keys win")
  func presetAndOverride() throws {
    let okx = smallScenario.replacingFirst("  waterfall: market-close\n", with: "") + "venue: okx\n"
    let input = try parseScenario(okx)
    #expect(input.fund.waterfall == .marketClose)
    #expect(input.adl.ranking == .pnlLeverage && input.adl.closePrice == .mark && input.adl.drawdownTrigger == 0.3)
    let overridden = okx + "adl: {close_price: bankruptcy, ranking: pro-rata}\n"
    let adl = try parseScenario(overridden).adl
    #expect(adl.closePrice == .bankruptcy && adl.ranking == .proRata && adl.drawdownTrigger == 0.3)
    let binance = try parseScenario(
      smallScenario.replacingFirst("  waterfall: market-close\n", with: "") + "venue: binance\n")
    #expect(binance.fund.waterfall == .takeover && binance.fund.takeoverNotionalCap == 1)
    #expect(binance.adl.ranking == .binance)
  }

  @Test("an unknown venue is refused with the list")
  func unknownVenue() {
    expectMessage(
      parseError(smallScenario + "venue: ftx\n"), file: "s.yaml", key: "venue",
      contains: ["expected one of defx, nomoex, dydx, hyperliquid, binance, bybit, okx, drift, bitmex"])
  }

  /// Every preset of the embedded default loads, and its fund and ADL take the preset's
  /// values (the default's own lines for those keys are commented out).
  @Test("every preset of the default scenario loads with its values", arguments: VenuePreset.allCases)
  func defaultUnderEveryPreset(venue: VenuePreset) throws {
    let yaml = ScenarioLoader.defaultYAML(venue: venue)
    let scenario = try ScenarioLoader.load(
      yaml: yaml, source: "default --venue \(venue.rawValue)", baseDirectory: URL(fileURLWithPath: "/"))
    let fund = scenario.exchange.fund
    let adl = scenario.exchange.adl
    let rules = scenario.exchange.rules
    let symbols = scenario.paths.markets.map(\.symbol)
    // Open interest per market (long + short at the initial prices), for the split.
    let interest = scenario.record.book.markets.map { $0.longOpenInterest + $0.shortOpenInterest }
    for parameter in venue.parameters {
      switch parameter.key {
      case "fund.waterfall": #expect(fund.waterfall.rawValue == parameter.value)
      case "fund.fee_cap": #expect(fund.feeCap == Double(parameter.value))
      case "fund.step_outflow_cap": #expect(fund.stepOutflowCap == Double(parameter.value))
      case "fund.takeover_notional_cap": #expect(fund.takeoverNotionalCap == Double(parameter.value))
      case "fund.backstop": #expect(fund.backstop?.capital == fund.balance)
      case "adl.ranking": #expect(adl.ranking.rawValue == parameter.value)
      case "adl.close_price": #expect(adl.closePrice.rawValue == parameter.value)
      case "adl.drawdown_trigger": #expect(adl.drawdownTrigger == Double(parameter.value))
      case "adl.drawdown_window_hours": #expect(adl.drawdownWindowSteps == 480)
      case "fund.scope" where parameter.value == "shared": #expect(fund.scope == .shared)
      case "fund.scope":
        // Resolved by open interest into groups: per market, or Binance's BTC, ETH and the rest.
        let expected = parameter.value == "per-market" ? symbols.indices.map { [$0] } : [[0], [1], Array(2..<8)]
        #expect(fund.scope.funds(markets: 8)?.map(\.markets) == expected)
      case "fund.groups": #expect(parameter.value == "BTC | ETH | every other market")
      case "fund.split":
        let total = interest.reduce(0, +)
        for group in fund.scope.funds(markets: 8) ?? [] {
          let share = group.markets.reduce(0) { $0 + interest[$1] } / total
          #expect(abs(group.share - share) < 1e-12, "\(group)")
        }
      case "markets.margin_tiers":
        // Hyperliquid's mainnet tiers above the default's base rates (BTC and ETH 1%, SOL to
        // LINK and AVAX 2.5%, SUI 5%): MM = 1/(2 × max leverage) from each floor.
        let expected: [[MarginTier]] =
          [
            [.init(notionalFloor: 1.5e8, rate: 0.025)], [.init(notionalFloor: 1e8, rate: 1.0 / 30)],
            [.init(notionalFloor: 7e7, rate: 0.05)], [.init(notionalFloor: 4e7, rate: 0.05)],
          ] + Array(repeating: [.init(notionalFloor: 2e7, rate: 0.1)], count: 4)
        #expect(rules.map(\.marginTiers) == expected)
      case "markets.partial_liquidation":
        // Hyperliquid slices (20% above 100 000, 30 s); Binance reduces first, with no fee.
        if venue == .binance {
          #expect(rules.allSatisfy { $0.marginReduction == MarginReduction(fee: 0, above: 0) })
        } else {
          #expect(rules.allSatisfy { $0.partialLiquidation == .hyperliquid && $0.marginReduction == nil })
        }
      default: Issue.record("untested preset key \(parameter.key)")
      }
    }
    // And it runs: a few paths (the default's seed 7) through the default's book under the
    // preset, money conserved on each (docs/MODEL.md, "Money").
    let simulator = FundSimulator(
      generator: PathGenerator(model: scenario.paths, seed: scenario.seed), exchange: scenario.exchange,
      checkpoints: scenario.checkpoints)
    let ws = simulator.makeWorkspace()
    var liquidations = 0
    for path in 0..<3 {
      let o = simulator.simulate(path: path, workspace: ws)
      liquidations += o.liquidations
      let gap =
        o.traderLoss - ((o.finalFund - fund.balance) + o.vaultInflow + o.adlCounterpartyGain + o.backstopPnL)
      #expect(abs(gap) <= 1e-9 * max(1, o.liquidatedNotional), "path \(path)")
    }
    // A median day liquidates about 2% of open interest: the check is not vacuous.
    #expect(liquidations > 0)
  }

  /// The printed scenario under each venue is the preset applied: it loads to the same
  /// exchange rules as the embedded default with `--set venue=NAME` (which takes the
  /// default's own keys out, ``OverrideTree``).
  @Test("the printed scenario equals the preset applied", arguments: VenuePreset.allCases)
  func printedEqualsApplied(venue: VenuePreset) throws {
    let printed = try ScenarioLoader.load(
      yaml: ScenarioLoader.defaultYAML(venue: venue), source: "printed", baseDirectory: URL(fileURLWithPath: "/"))
    let applied = try ScenarioLoader.loadDefault(overrides: [ScenarioOverride(parsing: "venue=\(venue.rawValue)")])
    #expect(printed.exchange.fund == applied.exchange.fund)
    #expect(printed.exchange.adl == applied.exchange.adl)
    #expect(printed.exchange.rules == applied.exchange.rules)
    #expect(printed.exchange.positions.count == applied.exchange.positions.count)
  }

  /// Written keys win over the new preset values: a market's own `margin_tiers` and
  /// `partial_liquidation: null`, and the fund's `scope` and `split`.
  @Test("written scope, split, tiers and partial liquidation override the preset")
  func newKeysOverridden() throws {
    let base = smallScenario.replacingFirst("  waterfall: market-close\n", with: "")
    let hyperliquid = try parseScenario(base + "venue: hyperliquid\n")
    #expect(hyperliquid.rules[0].marginTiers == [MarginTier(notionalFloor: 1.5e8, rate: 0.025)])
    #expect(hyperliquid.rules.allSatisfy { $0.partialLiquidation == .hyperliquid })
    let own = try parseScenario(
      base.replacingFirst(
        "    max_leverage: 50\n",
        with: "    max_leverage: 50\n    margin_tiers: [{from: 1.0e6, rate: 0.02}]\n    partial_liquidation: null\n")
        + "venue: hyperliquid\n")
    #expect(own.rules[0].marginTiers == [MarginTier(notionalFloor: 1e6, rate: 0.02)])
    #expect(own.rules[0].partialLiquidation == nil && own.rules[1].partialLiquidation == .hyperliquid)
    // ETH's own base rate of 4% is above Hyperliquid's 3.33% from 100M: no tier, a valid schedule.
    let high = try parseScenario(
      base.replacingFirst(
        "    maintenance_margin: 0.01\n    depth: .inf", with: "    maintenance_margin: 0.04\n    depth: .inf")
        + "venue: hyperliquid\n")
    #expect(high.rules[1].marginTiers.isEmpty)
    // OKX is per market by open interest; a written scope or split wins.
    let okx = try parseScenario(base + "venue: okx\n")
    #expect(okx.fund.scope == .perMarket && okx.openInterestSplit == OpenInterestSplit(written: [nil, nil]))
    let equal = try parseScenario(
      base.replacingFirst("  balance: 2.0e7\n", with: "  balance: 2.0e7\n  split: equal\n") + "venue: okx\n")
    #expect(equal.fund.scope == .perMarket && equal.openInterestSplit == nil)
    let shared = try parseScenario(
      base.replacingFirst("  balance: 2.0e7\n", with: "  balance: 2.0e7\n  scope: shared\n") + "venue: okx\n")
    #expect(shared.fund.scope == .shared && shared.openInterestSplit == nil)
    // Binance over BTC and ETH: two funds of their own, split by open interest once loaded.
    let binance = try parseScenario(base + "venue: binance\n")
    #expect(binance.fund.scope.funds(markets: 2)?.map(\.markets) == [[0], [1]])
    #expect(binance.openInterestSplit != nil)
  }

  /// A scenario laid out as the default whose markets write the preset's per-market keys and
  /// whose fund writes its scope: under hyperliquid those lines are commented out, and the
  /// preset's tiers, partial liquidation and shared fund apply.
  @Test("per-market and scope lines are commented out under a preset")
  func marketLinesCommentedOut() throws {
    let own = smallScenario.replacingFirst(
      "    max_leverage: 50\n",
      with: "    max_leverage: 50\n    margin_tiers: [{from: 1.0e9, rate: 0.02}]\n    partial_liquidation: null\n"
    ).replacingFirst("  waterfall: market-close\n", with: "  waterfall: market-close\n  scope: per-market\n")
    let printed = ScenarioLoader.yaml(own, under: .hyperliquid)
    for line in [
      "    # margin_tiers: [{from: 1.0e9, rate: 0.02}]  (set by venue)",
      "    # partial_liquidation: null  (set by venue)",
      "  # scope: per-market  (set by venue)", "  # waterfall: market-close  (set by venue)",
    ] {
      #expect(printed.contains(line), "\(line)")
    }
    let input = try parseScenario(printed)
    #expect(input.rules[0].marginTiers == [MarginTier(notionalFloor: 1.5e8, rate: 0.025)])
    #expect(input.rules[0].partialLiquidation == .hyperliquid && input.fund.scope == .shared)
  }
}
