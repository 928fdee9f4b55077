import Foundation
import FundSimulation
import Testing

@testable import ScenarioFiles

/// `--set KEY=VALUE`: every kind of key, multipliers, wildcards, the record, and bad
/// overrides refused with one line naming the override.
@Suite struct ScenarioOverrideTests {
  let fixtures: Fixtures
  let url: URL

  init() throws {
    fixtures = try Fixtures()
    url = try fixtures.write("scenario.yaml", smallScenario)
  }

  func load(_ sets: String...) throws -> Scenario {
    try ScenarioLoader.load(contentsOf: url, overrides: sets.map { try ScenarioOverride(parsing: $0) })
  }

  /// The scenario the overrides must equal: the file edited by hand.
  func edited(_ old: String, _ new: String) throws -> Scenario {
    try fixtures.load(smallScenario.replacingFirst(old, with: new), name: "edited.yaml")
  }

  func error(_ sets: String..., sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
    #expect(throws: ScenarioError.self, sourceLocation: sourceLocation) {
      try ScenarioLoader.load(contentsOf: url, overrides: sets.map { try ScenarioOverride(parsing: $0) })
    }
  }

  /// Records compared without the overrides list (which only the override run has) and
  /// the file name (the edited copy has its own).
  func sameRecord(_ a: Scenario, _ b: Scenario) -> Bool {
    var left = a.record
    left.overrides = []
    left.source = b.record.source
    return left == b.record
  }

  @Test func aPlainKeyEqualsEditingTheFile() throws {
    let set = try load("fund.balance=3.5e7")
    #expect(set.exchange.fund.balance == 3.5e7)
    #expect(sameRecord(set, try edited("balance: 2.0e7", "balance: 3.5e7")))
    #expect(set.record.overrides.map(\.values.first?.path) == ["fund.balance"])
  }

  @Test func aMarketBySymbolOrPosition() throws {
    let bySymbol = try load("markets.BTC.depth=1e7")
    #expect(bySymbol.exchange.rules[0].depth == 1e7 && bySymbol.exchange.rules[1].depth.isInfinite)
    #expect(sameRecord(bySymbol, try edited("depth: 3.0e7", "depth: 1e7")))
    let byPosition = try load("markets.1.price=3100")
    #expect(byPosition.paths.markets[1].price == 3100)
  }

  @Test func aWildcardMultipliesEveryMarket() throws {
    let set = try load("markets.*.volatility=x1.5")
    // 0.55 × 1.5 and 0.7 × 1.5, as doubles.
    #expect(set.paths.markets.map(\.volatility) == [0.55 * 1.5, 0.7 * 1.5])
    #expect(set.record.overrides.first?.values.map(\.path) == ["markets[0].volatility", "markets[1].volatility"])
    #expect(set.record.overrides.first?.values.map(\.value) == ["\(0.55 * 1.5)", "\(0.7 * 1.5)"])
  }

  @Test func nestedBookKeysChoicesAndAddedKeys() throws {
    let book = try load("book.synthetic.open_interest.ETH=5e8")
    #expect(sameRecord(book, try edited("ETH: 2.5e8}", "ETH: 5e8}")))
    let choices = try load("adl.ranking=pro-rata", "fund.waterfall=takeover")
    #expect(choices.exchange.adl.ranking == .proRata && choices.exchange.fund.waterfall == .takeover)
    // Neither key is written in the file: both are added, and read like written ones.
    let added = try load("fund.fee_cap=0.015", "book.synthetic.leverage={min: 5, max: 20}")
    #expect(added.exchange.fund.feeCap == 0.015)
    let anchor = "open_interest: {BTC: 4.0e8, ETH: 2.5e8}"
    let byHand = smallScenario.replacingFirst(
      "waterfall: market-close", with: "waterfall: market-close\n  fee_cap: 0.015"
    )
    .replacingFirst(anchor, with: anchor + "\n    leverage: {min: 5, max: 20}")
    #expect(sameRecord(added, try fixtures.load(byHand, name: "edited.yaml")))
  }

  @Test func laterOverridesWinAndMultipliersCompose() throws {
    let set = try load("fund.balance=1e7", "fund.balance=x3")
    #expect(set.exchange.fund.balance == 3e7)
  }

  @Test func runJSONRecordListsTheOverrides() throws {
    let set = try load("markets.*.depth=x0.5")
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(set.record), as: UTF8.self)
    // ETH's depth is .inf, and half of it too.
    #expect(
      json.contains(
        #""overrides":[{"set":"markets.*.depth=x0.5","values":{"markets[0].depth":"15000000.0","markets[1].depth":"inf"}}]"#
      ))
    let plain = String(decoding: try encoder.encode(try load().record), as: UTF8.self)
    #expect(!plain.contains("overrides"))
  }

  @Test func unknownKeysAreRefusedWithASuggestion() {
    expectMessage(
      error("fund.balanse=2e7"), file: "--set fund.balanse=2e7", key: "fund.balanse",
      contains: ["unknown key 'balanse'", "did you mean 'balance'?"])
    expectMessage(
      error("markets.BTC.depht=2"), file: "--set markets.BTC.depht=2", key: "markets[0].depht",
      contains: ["did you mean 'depth'?"])
    expectMessage(
      error("markets.BTX.depth=2"), file: "--set markets.BTX.depth=2", key: "markets",
      contains: ["no item 'BTX'", "did you mean 'BTC'?"])
    expectMessage(
      error("fund.balance.x=1"), file: "--set fund.balance.x=1", key: "fund.balance", contains: ["not a block"])
  }

  @Test func wrongTypesAndRefusedValuesNameTheOverride() {
    expectMessage(
      error("fund.balance=abc"), file: "--set fund.balance=abc", key: "fund.balance",
      contains: ["expected a number, found 'abc'"])
    expectMessage(
      error("markets.*.volatility=x-1"), file: "--set markets.*.volatility=x-1", key: "markets[0].volatility",
      contains: ["is -0.55"])
    expectMessage(
      error("adl.ranking=pro-rat"), file: "--set adl.ranking=pro-rat", key: "adl.ranking",
      contains: ["did you mean 'pro-rata'?"])
    expectMessage(
      error("fund.fee_cap=x2"), file: "--set fund.fee_cap=x2", key: "fund.fee_cap",
      contains: ["no value to multiply"])
    expectMessage(
      error("correlation=[[1]]"), file: "--set correlation=[[1]]", key: "correlation", contains: ["1 rows"])
    #expect(throws: ScenarioError.self) { try ScenarioOverride(parsing: "fund.balance") }
    #expect(throws: ScenarioError.self) { try ScenarioOverride(parsing: "fund..balance=1") }
  }

  @Test func theFilesOwnErrorIsStillTheFiles() throws {
    let bad = try fixtures.write("bad.yaml", smallScenario.replacingFirst("volatility: 0.55", with: "volatility: -1"))
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.load(contentsOf: bad, overrides: [try ScenarioOverride(parsing: "fund.balance=1e7")])
    }
    expectMessage(error, file: "bad.yaml", key: "markets[0].volatility")
  }
}

/// `--set venue=NAME` applies the venue's rules over the keys the file writes (an override
/// is the newer choice), while a later `--set` still overrides the preset.
extension ScenarioOverrideTests {

  /// The file writes `waterfall: market-close`; Binance's preset is takeover with the fund
  /// taking at most 1 × its balance in notional (docs/VENUES.md). Written in the file, the
  /// key would win; set after the file, the preset does.
  @Test func thePresetReplacesTheFilesKeys() throws {
    let binance = try load("venue=binance")
    #expect(binance.exchange.fund.waterfall == .takeover)
    #expect(binance.exchange.fund.takeoverNotionalCap == 1)
    #expect(binance.exchange.adl.ranking == .binance)
    #expect(binance.record.overrides.first?.values.contains { $0.path == "fund.waterfall" } == true)
  }

  /// OKX: mark close price and a 30% trigger in 8 h; a later override of the trigger wins.
  @Test func aLaterOverrideStillWins() throws {
    let okx = try load("venue=okx", "adl.drawdown_trigger=0.2")
    #expect(okx.exchange.adl.closePrice == .mark)
    #expect(okx.exchange.adl.drawdownTrigger == 0.2)
    #expect(okx.exchange.fund.waterfall == .marketClose)
  }

  /// `--set venue=hyperliquid` takes the file's per-market `margin_tiers` and
  /// `partial_liquidation` out too, and `--set venue=binance` its `scope` and `groups`.
  @Test func thePresetReplacesTheFilesMarketAndScopeKeys() throws {
    let own = smallScenario.replacingFirst(
      "    max_leverage: 50\n",
      with: "    max_leverage: 50\n    margin_tiers: [{from: 1.0e9, rate: 0.02}]\n    partial_liquidation: null\n"
    ).replacingFirst(
      "  waterfall: market-close\n",
      with: "  waterfall: market-close\n  scope: groups\n  groups: [{markets: [BTC, ETH], share: 1}]\n")
    let file = try fixtures.write("own.yaml", own)
    let hyperliquid = try ScenarioLoader.load(
      contentsOf: file, overrides: [ScenarioOverride(parsing: "venue=hyperliquid")])
    #expect(hyperliquid.exchange.rules[0].marginTiers == [MarginTier(notionalFloor: 1.5e8, rate: 0.025)])
    #expect(hyperliquid.exchange.rules[0].partialLiquidation == .hyperliquid)
    #expect(hyperliquid.exchange.fund.scope == .shared)
    let paths = hyperliquid.record.overrides.first?.values.map(\.path) ?? []
    #expect(paths.contains("markets[*].margin_tiers") && paths.contains("fund.groups"))
    let binance = try ScenarioLoader.load(contentsOf: file, overrides: [ScenarioOverride(parsing: "venue=binance")])
    #expect(binance.exchange.fund.scope.funds(markets: 2)?.map(\.markets) == [[0], [1]])
  }
}
