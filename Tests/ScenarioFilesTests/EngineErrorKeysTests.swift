import Foundation
import FundSimulation
import PricePaths
import Testing

@testable import ScenarioFiles

/// Every typed error of the exchange's rules maps to a scenario key, and the libraries'
/// own text names no key of the file format.
@Suite("EngineErrorKeys")
struct EngineErrorKeysTests {
  // One instance of every case. The exhaustive switches in `ordinal` stop the build when a
  // case is added; the ordinal checks in `listsEveryCase` then ask for it here.
  static let marketRuleErrors: [MarketRuleError] = [
    .maintenanceMargin(market: 2, rate: 1.5), .depth(market: 2, notional: -1), .resilience(market: 2, share: 2),
    .permanentImpact(market: 2, share: -0.5), .maxLeverage(market: 2, leverage: 0.5),
    .marginTier(market: 2, tier: 1, notionalFloor: 5e5, rate: 0.004), .partialShare(market: 2, share: 1),
    .partialAbove(market: 2, notional: -1), .partialCooldown(market: 2, seconds: -1),
    .partialUnderTakeover(market: 2), .reductionFee(market: 2, rate: 1),
    .reductionAbove(market: 2, notional: -1), .reductionWithBackstop(market: 2), .reductionWithSlice(market: 2),
  ]
  static let fundRuleErrors: [FundRuleError] =
    [
      .balance(-1), .balanceAboveLimit(1e19), .fundShare(1.5), .feeCap(-0.1), .takeoverSubsidy(2),
      .takeoverCapWithoutTakeover, .backstopWithTakeover, .depletionThreshold(2e7, balance: 1e7), .backstopShare(0),
      .groupShare(group: 1, share: 0), .groupWithoutMarkets(group: 1),
      .groupMarketUnknown(group: 1, market: 7, markets: 3), .groupMarketTwice(group: 1, market: 2, firstGroup: 0),
      .marketWithoutFund(market: 2), .groupSharesSum(0.9),
    ] + FundAmount.allCases.map { .amount($0, -1) }
  static let adlPolicyErrors: [ADLPolicyError] = [
    .drawdownTrigger(1.5), .drawdownWindowBelowOneStep, .randomWalkAccounts(0),
  ]
  static let exchangeModelErrors: [ExchangeModelError] =
    [
      .cascadeRoundCap(0), .positionMarket(position: 4, market: 9),
    ] + positionErrors.map { .position(3, $0) }
  static let positionErrors: [PositionError] = [
    .size(-1), .entryPrice(0), .margin(0), .aboveMoneyLimit(notional: 1e19, margin: 1e3),
    .pastLiquidation(side: .long, liquidationPrice: 99_000, initialPrice: 98_000),
  ]

  static func ordinal(_ error: MarketRuleError) -> Int {
    switch error {
    case .maintenanceMargin: 0
    case .depth: 1
    case .resilience: 2
    case .permanentImpact: 3
    case .maxLeverage: 4
    case .marginTier: 5
    case .partialShare: 6
    case .partialAbove: 7
    case .partialCooldown: 8
    case .partialUnderTakeover: 9
    case .reductionFee: 10
    case .reductionAbove: 11
    case .reductionWithBackstop: 12
    case .reductionWithSlice: 13
    }
  }

  static func ordinal(_ error: FundRuleError) -> Int {
    switch error {
    case .balance: 0
    case .balanceAboveLimit: 1
    case .fundShare: 2
    case .feeCap: 3
    case .takeoverSubsidy: 4
    case .amount: 5
    case .takeoverCapWithoutTakeover: 6
    case .backstopWithTakeover: 7
    case .depletionThreshold: 8
    case .backstopShare: 9
    case .groupShare: 10
    case .groupWithoutMarkets: 11
    case .groupMarketUnknown: 12
    case .groupMarketTwice: 13
    case .marketWithoutFund: 14
    case .groupSharesSum: 15
    }
  }

  static func ordinal(_ error: ADLPolicyError) -> Int {
    switch error {
    case .drawdownTrigger: 0
    case .drawdownWindowBelowOneStep: 1
    case .randomWalkAccounts: 2
    }
  }

  static func ordinal(_ error: ExchangeModelError) -> Int {
    switch error {
    case .cascadeRoundCap: 0
    case .positionMarket: 1
    case .position: 2
    }
  }

  static let syntheticBookErrors: [SyntheticBookError] = [
    .positionsPerMarket(0), .openInterestUnknownMarket(symbol: "XRP", markets: ["BTC", "ETH"]),
    .openInterestMissing(symbol: "ETH"), .openInterest(symbol: "BTC", notional: -1),
    .openInterestAboveLimit(symbol: "BTC", notional: 1e19), .tooManyPositions(perMarket: 1_000_000, markets: 11),
    .leverageRange(min: 5, max: 2), .longShare(1), .entryDispersion(2), .sizeDispersion(6),
    .noLeverageBelowLimit(symbol: "ETH", market: 1, bookMinimum: true, limit: 38.42, maintenanceMargin: 0.025),
    .noLeverageBelowLimit(symbol: "ETH", market: 1, bookMinimum: false, limit: 38.42, maintenanceMargin: 0.025),
    .fewFeasibleDraws(
      symbol: "BTC", share: 4.3e-7, lower: 90.8, upper: 1e300, limit: 90.83, maintenanceMargin: 0.01,
      bookMaximum: true, maxAtMost: 93.49, minAtMost: nil),
    .drawLimit(symbol: "BTC", kept: 0, wanted: 3, draws: 103_000, limit: 90.83),
    .pastTieredLiquidation(symbol: "BTC", market: 0, leverage: 48, notional: 1e9, rate: 0.025, limit: 38.42),
  ]

  static func ordinal(_ error: SyntheticBookError) -> Int {
    switch error {
    case .positionsPerMarket: 0
    case .openInterestUnknownMarket: 1
    case .openInterestMissing: 2
    case .openInterest: 3
    case .openInterestAboveLimit: 4
    case .tooManyPositions: 5
    case .leverageRange: 6
    case .longShare: 7
    case .entryDispersion: 8
    case .sizeDispersion: 9
    case .noLeverageBelowLimit: 10
    case .fewFeasibleDraws: 11
    case .drawLimit: 12
    case .pastTieredLiquidation: 13
    }
  }

  static func ordinal(_ error: PositionError) -> Int {
    switch error {
    case .size: 0
    case .entryPrice: 1
    case .margin: 2
    case .aboveMoneyLimit: 3
    case .pastLiquidation: 4
    }
  }

  /// Every error of the lists and of the price-path model's (EngineErrorKeysPricePathsTests),
  /// as `any Error`.
  static var allErrors: [any Error & CustomStringConvertible] {
    marketRuleErrors + fundRuleErrors + adlPolicyErrors + exchangeModelErrors + syntheticBookErrors
      + EngineErrorKeysPricePathsTests.allErrors.map(\.0)
  }

  @Test func listsEveryCase() {
    #expect(Set(Self.marketRuleErrors.map(Self.ordinal)) == Set(0..<14))
    #expect(Set(Self.fundRuleErrors.map(Self.ordinal)) == Set(0..<16))
    #expect(Set(Self.adlPolicyErrors.map(Self.ordinal)) == Set(0..<3))
    #expect(Set(Self.exchangeModelErrors.map(Self.ordinal)) == Set(0..<3))
    #expect(Set(Self.positionErrors.map(Self.ordinal)) == Set(0..<5))
    #expect(Set(Self.syntheticBookErrors.map(Self.ordinal)) == Set(0..<14))
  }

  @Test("every case maps to a key of a scenario section, a problem and a fix")
  func everyCaseHasAKey() throws {
    let sections = [
      "markets", "fund.", "adl.", "simulation.", "positions[", "book.synthetic", "correlation", "horizon.", "jumps",
      "historical", "replay",
    ]
    for error in Self.allErrors {
      let keyed = try #require(EngineErrorKeys.keyed(error), "\(error) has no key")
      #expect(sections.contains { keyed.key.hasPrefix($0) }, "\(error) maps to \(keyed.key)")
      #expect(!keyed.problem.isEmpty && !keyed.fix.isEmpty, "\(error)")
    }
    // Each amount has its own key.
    #expect(Set(FundAmount.allCases.map(EngineErrorKeys.key)).count == FundAmount.allCases.count)
  }

  @Test("the key names the market, group and position the case carries")
  func keysCarryTheIndex() {
    #expect(
      EngineErrorKeys.keyed(MarketRuleError.maintenanceMargin(market: 2, rate: 1.5)).key
        == "markets[2].maintenance_margin")
    #expect(
      EngineErrorKeys.keyed(MarketRuleError.marginTier(market: 3, tier: 1, notionalFloor: 1, rate: 0.1)).key
        == "markets[3].margin_tiers[1]")
    #expect(EngineErrorKeys.keyed(FundRuleError.groupShare(group: 1, share: 0)).key == "fund.groups[1].share")
    #expect(
      EngineErrorKeys.keyed(ExchangeModelError.positionMarket(position: 4, market: 9)).key
        == "positions[4].market")
  }

  @Test("the library's own text speaks the domain and names no key of the file format")
  func libraryTextHasNoKeys() throws {
    let keyLike = try Regex("[a-z]_[a-z]|[a-z]\\.[a-z]|[a-z]\\[")
    for error in Self.allErrors {
      let text = error.description
      let key = try #require(EngineErrorKeys.keyed(error)).key
      // A key of one word (`correlation`, `replay`) is also the domain's word for the thing.
      if key.contains(where: { ".[_ ".contains($0) }) { #expect(!text.contains(key), "\(text)") }
      #expect(text.firstMatch(of: keyLike) == nil, "\(text)")
    }
    #expect(
      MarketRuleError.maintenanceMargin(market: 2, rate: 1.5).description
        == "the maintenance-margin rate of market 2 is 1.5; give a fraction in (0, 1)")
  }

  @Test("a typed error is reported at its key's line, as the keyed error was")
  func locatedAtTheKeyLine() throws {
    let yaml = ScenarioLoader.defaultYAML.replacingOccurrences(
      of: "maintenance_margin: 0.025", with: "maintenance_margin: 1.5")
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0.contains("maintenance_margin: 1.5") }) + 1
    do {
      _ = try ScenarioLoader.load(yaml: yaml, source: "s.yaml", baseDirectory: URL(fileURLWithPath: "/"))
      Issue.record("a maintenance margin of 1.5 was accepted")
    } catch let error as ScenarioError {
      #expect(error.line == line)
      #expect(error.key.hasPrefix("markets[") && error.key.hasSuffix("].maintenance_margin"))
      #expect(
        error.description.hasSuffix(
          "maintenance_margin: is 1.5; give the maintenance-margin rate as a fraction in (0, 1), e.g. 0.005"))
    }
  }

  @Test("a synthetic book's refusal keeps the scenario reader's text: key, percentages and quoted bounds")
  func syntheticBookText() throws {
    let book = SyntheticBook(
      positionsPerMarket: 10, openInterest: ["BTC": 1e6], minLeverage: 90.8, maxLeverage: 1e300, entryDispersion: 0)
    let rules = [MarketRules(maintenanceMargin: 0.01, depth: 4e7, maxLeverage: 1e300)]
    let error = #expect(throws: SyntheticBookError.self) { try book.validate(symbols: ["BTC"], rules: rules) }
    let keyed = try #require(error.map(EngineErrorKeys.keyed))
    #expect(keyed.key == "book.synthetic.leverage")
    // m = 1%: the redrawn leverage is 1/(0.001 + 1.001 × 0.01) = 90.83.
    #expect(
      keyed.problem
        == "leaves BTC 4.3e-05% of its log-uniform range 90.8× to 1e+300× below 90.83×, above which a position "
        + "opened at the price starts within 0.1% of its liquidation price (maintenance_margin 0.01): nearly every "
        + "draw would be redrawn")
    #expect(keyed.fix == "give max at most 93.49×, so that at least 1% of the range lies below 90.83×")
  }

  @Test func otherErrorsAreNotKeyed() {
    struct Other: Error {}
    #expect(EngineErrorKeys.keyed(Other()) == nil)
  }
}
