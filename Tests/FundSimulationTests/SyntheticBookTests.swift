import Foundation
import PricePaths
import Testing

@testable import FundSimulation

@Suite struct SyntheticBookTests {
  static let markets = [
    MarketModel(symbol: "BTC", price: 90_000, volatility: 0.5),
    MarketModel(symbol: "ETH", price: 3_000, volatility: 0.7),
  ]
  static let rules = [
    MarketRules(maintenanceMargin: 0.01, depth: 4e7, maxLeverage: 50),
    MarketRules(maintenanceMargin: 0.025, depth: 2e7, maxLeverage: 20),
  ]

  /// Draws are kept against the base rate; scaled to the open interest, a position may fall
  /// in a margin tier that puts it at its liquidation price. Hand calculation: BTC at
  /// 90 000, 1% base, 2.5% from notional 10⁸ (deduction `d = 10⁸·0.015 = 1.5·10⁶`); one
  /// position per side at 40×, entry at the price, open interest 10¹⁰: margin 2.5·10⁸,
  /// `MM = 10¹⁰·0.025 − 1.5·10⁶ = 2.485·10⁸`, equity above `MM` by 0.015% of the notional,
  /// within the 0.1% a drawn position must keep (at 10⁹ it would be 0.15%, kept). The tier
  /// allows leverage below `1/(0.001 + 1.001·0.025) = 38.42`.
  @Test func aTierThatPutsAScaledPositionAtItsLiquidationPriceIsRefused() throws {
    var rules = [MarketRules(maintenanceMargin: 0.01, depth: 4e7, maxLeverage: 50)]
    rules[0].marginTiers = [MarginTier(notionalFloor: 1e8, rate: 0.025)]
    let markets = [Self.markets[0]]
    func draw(openInterest: Double) throws -> [Position] {
      let book = SyntheticBook(
        positionsPerMarket: 2, openInterest: ["BTC": openInterest], minLeverage: 40, maxLeverage: 40,
        entryDispersion: 0, sizeDispersion: 0)
      var rng = RandomStreams(seed: 5).generator(path: 0, purpose: .book)
      return try book.draw(markets: markets, rules: rules, using: &rng)
    }
    #expect(try draw(openInterest: 1e9).count == 2)
    let error = #expect(throws: SyntheticBookError.self) { try draw(openInterest: 1e10) }
    guard case .pastTieredLiquidation(let symbol, 0, let leverage, let notional, 0.025, let limit) = error else {
      Issue.record("\(String(describing: error))")
      return
    }
    #expect(symbol == "BTC" && abs(leverage - 40) < 1e-9 && limit > 38.42 && limit < 38.43)
    #expect(notional >= 1e8 && notional <= 1e10 * (1 + 1e-12))
  }

  /// Long and short open interest both equal the market's, leverage stays within
  /// [min, min(max, market max)], and no position starts within 0.1% of its liquidation
  /// price.
  @Test func drawnBookHonoursItsParameters() throws {
    let book = SyntheticBook(
      positionsPerMarket: 500, openInterest: ["BTC": 4e8, "ETH": 1e8], minLeverage: 2, maxLeverage: 30)
    try book.validate(symbols: ["BTC", "ETH"], rules: Self.rules)
    var rng = RandomStreams(seed: 3).generator(path: 0, purpose: .book)
    let positions = try book.draw(markets: Self.markets, rules: Self.rules, using: &rng)
    #expect(positions.count == 1_000)
    for (k, market) in Self.markets.enumerated() {
      for side in Side.allCases {
        let oi = positions.filter { $0.market == k && $0.side == side }.reduce(0.0) { $0 + $1.size * market.price }
        #expect(abs(oi - book.openInterest[market.symbol]!) <= 1e-6 * oi)
      }
      let cap = min(30, Self.rules[k].maxLeverage)
      for p in positions where p.market == k {
        let leverage = p.entryNotional / p.margin
        #expect(leverage >= 2 * (1 - 1e-9) && leverage <= cap * (1 + 1e-9))
        let pl = p.liquidationPrice(maintenanceMargin: Self.rules[k].maintenanceMargin)
        #expect(p.side == .long ? pl < market.price * 0.999 : pl > market.price * 1.001)
      }
    }
  }

  /// ETH at m = 2.5%: a short opened at the price with leverage L starts 0.1% from its
  /// liquidation price when 1/L = 0.001 + 1.001 × 0.025, L = 1/0.026025 = 38.42. A book whose
  /// lowest leverage is 40 would redraw every ETH position: refused at `leverage.min`. ETH's
  /// own cap of 20× keeps a floor of 30 at 20, which is fine; BTC (m = 1%: limit 90.0) too.
  @Test func refusesALeverageFloorThatStartsAtLiquidation() {
    #expect(abs(SyntheticBook.redrawnLeverage(maintenanceMargin: 0.025) - 1 / 0.026025) < 1e-9)
    let tooHigh = SyntheticBook(
      positionsPerMarket: 10, openInterest: ["BTC": 1e6, "ETH": 1e6], minLeverage: 40, maxLeverage: 50)
    let ethRules = [Self.rules[0], MarketRules(maintenanceMargin: 0.025, depth: 2e7, maxLeverage: 50)]
    let error = #expect(throws: SyntheticBookError.self) {
      try tooHigh.validate(symbols: ["BTC", "ETH"], rules: ethRules)
    }
    #expect(
      error
        == .noLeverageBelowLimit(
          symbol: "ETH", market: 1, bookMinimum: true, limit: SyntheticBook.redrawnLeverage(maintenanceMargin: 0.025),
          maintenanceMargin: 0.025))
    let capped = SyntheticBook(
      positionsPerMarket: 10, openInterest: ["BTC": 1e6, "ETH": 1e6], minLeverage: 30, maxLeverage: 50)
    #expect(throws: Never.self) { try capped.validate(symbols: ["BTC", "ETH"], rules: Self.rules) }
  }

  /// At most 10⁶ positions per market and 10⁷ in all over the markets with open interest:
  /// ten markets of a million are accepted, eleven are refused at `positions_per_market`
  /// with the total and the limit (300 markets of a million tried to allocate 16.8 GB).
  /// Markets without open interest draw nothing and do not count.
  @Test func boundsThePositionsInAll() {
    let symbols = (0..<20).map { "M\($0)" }
    let rules = Array(repeating: MarketRules(maintenanceMargin: 0.01, depth: 1e7, maxLeverage: 50), count: 20)
    func book(drawing count: Int, perMarket: Int) -> SyntheticBook {
      let openInterest = symbols.enumerated().map { ($1, $0 < count ? 1e6 : 0) }
      return SyntheticBook(positionsPerMarket: perMarket, openInterest: Dictionary(uniqueKeysWithValues: openInterest))
    }
    #expect(throws: Never.self) { try book(drawing: 10, perMarket: 1_000_000).validate(symbols: symbols, rules: rules) }
    #expect(throws: Never.self) { try book(drawing: 11, perMarket: 909_090).validate(symbols: symbols, rules: rules) }
    let error = #expect(throws: SyntheticBookError.self) {
      try book(drawing: 11, perMarket: 1_000_000).validate(symbols: symbols, rules: rules)
    }
    #expect(error == .tooManyPositions(perMarket: 1_000_000, markets: 11))
    let perMarket = #expect(throws: SyntheticBookError.self) {
      try book(drawing: 1, perMarket: 1_000_001).validate(symbols: symbols, rules: rules)
    }
    #expect(perMarket == .positionsPerMarket(1_000_001))
  }

  /// Room is reserved for the markets that draw only: of 50 markets one has open interest,
  /// so the book does not reserve 50 markets' worth of positions.
  @Test func reservesRoomForTheMarketsThatDraw() throws {
    let markets = (0..<50).map { MarketModel(symbol: "M\($0)", price: 100, volatility: 0.5) }
    let rules = Array(repeating: MarketRules(maintenanceMargin: 0.01, depth: 1e7, maxLeverage: 50), count: 50)
    let openInterest = Dictionary(uniqueKeysWithValues: markets.enumerated().map { ($1.symbol, $0 == 7 ? 1e6 : 0) })
    let book = SyntheticBook(positionsPerMarket: 20, openInterest: openInterest)
    var rng = RandomStreams(seed: 3).generator(path: 0, purpose: .book)
    let positions = try book.draw(markets: markets, rules: rules, using: &rng)
    #expect(positions.count == 20 && positions.allSatisfy { $0.market == 7 })
    #expect(positions.capacity < 50 * 20, "reserved \(positions.capacity)")
  }

  /// The feasible share in closed form: `log(min(upper, L*)/lower) / log(upper/lower)`, 0
  /// when the whole range is at or above `L*`, 1 when it is below. At the edge `L*` a short
  /// opened at the price starts 0.1% from its liquidation price (the rule the share counts),
  /// a long still further.
  @Test func feasibleShareInClosedForm() {
    let limit = SyntheticBook.redrawnLeverage(maintenanceMargin: 0.01)  // 90.83
    #expect(SyntheticBook.feasibleShare(lower: 2, upper: 50, maintenanceMargin: 0.01) == 1)
    #expect(SyntheticBook.feasibleShare(lower: 50, upper: 50, maintenanceMargin: 0.01) == 1)
    #expect(SyntheticBook.feasibleShare(lower: 91, upper: 100, maintenanceMargin: 0.01) == 0)
    let share = SyntheticBook.feasibleShare(lower: 2, upper: 1e6, maintenanceMargin: 0.01)
    #expect(abs(share - log(limit / 2) / log(5e5)) < 1e-15)
    #expect(abs(share - 0.2908) < 1e-4)
    for (side, inside) in [(Side.short, 0.999), (.short, 1.001), (.long, 1.001)] {
      let leverage = limit * inside
      let position = Position(
        account: "", market: 0, side: side, size: 1, entryPrice: 90_000, margin: 90_000 / leverage)
      let distance = abs(position.liquidationPrice(maintenanceMargin: 0.01) / 90_000 - 1)
      #expect((distance > 0.001) == (inside < 1 || side == .long), "\(side) at \(leverage)×: \(distance)")
    }
  }

  /// A range of which less than 1% lies below `L*` is refused at `book.synthetic.leverage`
  /// with the share and a fix that is itself accepted (the fuzzed BTC at 90.8× to 10³⁰⁰× drew
  /// for minutes; to 10⁶× the default scenario's BTC kept 1737 longs to 263 shorts): the top
  /// of the range, the book's `max` or the market's `max_leverage` when that is lower, or the
  /// floor when it can help.
  @Test func refusesARangeMostlyAboveTheRedrawnLeverage() throws {
    let symbols = ["BTC", "ETH"]
    let rules = [MarketRules(maintenanceMargin: 0.01, depth: 4e7, maxLeverage: 1e300), Self.rules[1]]
    let openInterest = ["BTC": 1e6, "ETH": 1e6]
    func book(_ min: Double, _ max: Double) -> SyntheticBook {
      SyntheticBook(
        positionsPerMarket: 10, openInterest: openInterest, minLeverage: min, maxLeverage: max, entryDispersion: 0)
    }
    // The bounds the refusal quotes (the fix of the scenario's message).
    func refusal(_ book: SyntheticBook, rules: [MarketRules]) -> (share: Double, top: Double, floor: Double?)? {
      let error = #expect(throws: SyntheticBookError.self) { try book.validate(symbols: symbols, rules: rules) }
      guard case .fewFeasibleDraws(_, let share, _, _, _, _, _, let top, let floor)? = error else { return nil }
      return (share, top, floor)
    }

    let fuzzed = try #require(refusal(book(90.8, 1e300), rules: rules))
    // 4.3e-05% of the range: the text the scenario reader prints, "%.2g" of the percentage.
    #expect(String(format: "%.2g", 100 * fuzzed.share) == "4.3e-05")
    #expect(fuzzed.top == 93.49)
    #expect(fuzzed.floor == nil, "no floor of 1× or more helps")
    #expect(throws: Never.self) { try book(90.8, fuzzed.top).validate(symbols: symbols, rules: rules) }
    #expect(refusal(book(90.8, fuzzed.top * 1.001), rules: rules) != nil)

    let narrow = try #require(refusal(book(89, 1e6), rules: rules))
    let floor = try #require(narrow.floor)
    #expect(throws: Never.self) { try book(floor, 1e6).validate(symbols: symbols, rules: rules) }
    #expect(refusal(book(floor * 1.001, 1e6), rules: rules) != nil)

    var capped = rules
    capped[0].maxLeverage = 1e6
    let error = #expect(throws: SyntheticBookError.self) { try book(89, 1e9).validate(symbols: symbols, rules: capped) }
    guard case .fewFeasibleDraws(_, _, _, _, _, _, let bookMaximum, let cap, _)? = error else {
      Issue.record("unexpected \(String(describing: error))")
      return
    }
    #expect(!bookMaximum, "the market's cap is the top of the range")
    capped[0].maxLeverage = cap
    #expect(throws: Never.self) { try book(89, 1e9).validate(symbols: symbols, rules: capped) }
  }

  /// A book drawn without ``SyntheticBook/validate(symbols:rules:)`` stops after
  /// ``SyntheticBook/drawLimit`` draws of a market with a keyed error instead of redrawing
  /// for ever: here every BTC draw starts within 0.1% of its liquidation price.
  @Test func drawStopsAtTheDrawLimit() {
    let book = SyntheticBook(
      positionsPerMarket: 3, openInterest: ["BTC": 1e6, "ETH": 0], minLeverage: 100, maxLeverage: 200,
      entryDispersion: 0)
    let rules = [MarketRules(maintenanceMargin: 0.01, depth: 4e7, maxLeverage: 500), Self.rules[1]]
    #expect(book.drawLimit == 103_000)
    var rng = RandomStreams(seed: 3).generator(path: 0, purpose: .book)
    let error = #expect(throws: SyntheticBookError.self) {
      try book.draw(markets: Self.markets, rules: rules, using: &rng)
    }
    #expect(
      error
        == .drawLimit(
          symbol: "BTC", kept: 0, wanted: 3, draws: 103_000,
          limit: SyntheticBook.redrawnLeverage(maintenanceMargin: 0.01)))
  }

  /// The markets' rules are checked before anything is drawn against them: a `max_leverage`
  /// of 0 or below would redraw forever, and a `maintenance_margin` outside (0, 1) is named
  /// at its own key, not blamed on the leverage range (`no leverage below -111×`).
  @Test func refusesMarketRulesBeforeTheLeverageRange() {
    let book = SyntheticBook(positionsPerMarket: 10, openInterest: ["BTC": 1e6, "ETH": 1e6])
    let cases: [(MarketRules, MarketRuleError)] = [
      (MarketRules(maintenanceMargin: 0.025, depth: 2e7, maxLeverage: 0), .maxLeverage(market: 1, leverage: 0)),
      (MarketRules(maintenanceMargin: 0.025, depth: 2e7, maxLeverage: -1), .maxLeverage(market: 1, leverage: -1)),
      (MarketRules(maintenanceMargin: 0.025, depth: 2e7, maxLeverage: 0.5), .maxLeverage(market: 1, leverage: 0.5)),
      (MarketRules(maintenanceMargin: -0.01, depth: 2e7, maxLeverage: 20), .maintenanceMargin(market: 1, rate: -0.01)),
      (MarketRules(maintenanceMargin: 1, depth: 2e7, maxLeverage: 20), .maintenanceMargin(market: 1, rate: 1)),
      (MarketRules(maintenanceMargin: 1.5, depth: 2e7, maxLeverage: 20), .maintenanceMargin(market: 1, rate: 1.5)),
      (MarketRules(maintenanceMargin: 1e300, depth: 2e7, maxLeverage: 20), .maintenanceMargin(market: 1, rate: 1e300)),
    ]
    for (rule, expected) in cases {
      let error = #expect(throws: MarketRuleError.self) {
        try book.validate(symbols: ["BTC", "ETH"], rules: [Self.rules[0], rule])
      }
      #expect(error == expected, "\(rule)")
    }
  }
}
