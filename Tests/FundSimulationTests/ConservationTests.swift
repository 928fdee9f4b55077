import PricePaths
import RealModule
import Testing

@testable import FundSimulation

/// Money is conserved on every path: what liquidated traders give up equals what the fund,
/// the vault and the ADL counterparties receive (docs/MODEL.md, "Money").
@Suite struct ConservationTests {
  /// Mechanic, ranking, fee cap, drawdown trigger, depth (2e6 is deep; 2e4 leaves the book
  /// short often, so takeovers fill partially) and close price: every ranking and close
  /// price under both mechanics.
  static let cases: [(WaterfallMechanic, ADLRanking, Double?, Double?, Double, ADLClosePrice)] = [
    (.marketClose, .pnlLeverage, nil, nil, 2e6, .bankruptcy), (.marketClose, .proRata, 0.01, nil, 2e6, .bankruptcy),
    (.takeover, .pnlLeverage, nil, nil, 2e6, .bankruptcy), (.takeover, .proRata, nil, nil, 2e6, .bankruptcy),
    (.takeover, .pnlLeverage, nil, nil, 2e4, .bankruptcy), (.takeover, .proRata, nil, 0.3, 2e4, .bankruptcy),
    (.marketClose, .pnlLeverage, nil, 0.3, 2e6, .bankruptcy), (.marketClose, .proRata, nil, 0.1, 2e4, .bankruptcy),
    (.takeover, .pnlLeverage, nil, 0.1, 2e6, .bankruptcy),
    (.marketClose, .binance, nil, nil, 2e6, .bankruptcy), (.takeover, .binance, nil, 0.3, 2e4, .mark),
    (.marketClose, .hyperliquid, nil, 0.3, 2e4, .mark), (.takeover, .hyperliquid, nil, nil, 2e6, .bankruptcy),
    (.marketClose, .randomWalk, 0.01, nil, 2e6, .bankruptcy), (.takeover, .randomWalk, nil, nil, 2e4, .mark),
    (.marketClose, .pnlLeverage, nil, nil, 2e4, .mark), (.marketClose, .proRata, nil, nil, 2e4, .mark),
    (.marketClose, .pnlLeverage, nil, nil, 2e6, .bankruptcy), (.marketClose, .randomWalk, nil, 0.3, 2e4, .mark),
    (.takeover, .binance, nil, nil, 2e6, .bankruptcy), (.takeover, .proRata, nil, nil, 2e4, .bankruptcy),
    (.marketClose, .pnlLeverage, nil, nil, 2e6, .bankruptcy), (.marketClose, .hyperliquid, nil, 0.3, 2e4, .mark),
    (.marketClose, .proRataCapped, nil, nil, 2e6, .bankruptcy), (.takeover, .proRataCapped, nil, 0.3, 2e4, .mark),
  ]

  /// Backstop vaults of the last two cases (share, capital, loss cap): one that hits its cap.
  static let backstops: [Int: BackstopVault] = [
    21: BackstopVault(share: 2.0 / 3, capital: 5e4, lossCap: 2e4), 22: BackstopVault(share: 0.9, capital: 1e6),
  ]

  /// Fund rules of the last four cases: step outflow cap, market outflow cap, takeover
  /// notional cap (k).
  static let caps: [Int: (Double?, Double?, Double?)] = [
    17: (2e4, nil, nil), 18: (nil, 5e4, nil), 19: (nil, nil, 1), 20: (1e4, 5e4, nil),
  ]

  /// The violent day's simulator over the random book `book`, seed 99, checkpoints every 30
  /// steps.
  static func simulator(_ day: ViolentDay, book: Int, fund: FundRules, adl: ADLPolicy) throws -> FundSimulator {
    try simulator(day, rules: day.rules, positions: day.book(seed: UInt64(book)), fund: fund, adl: adl)
  }

  /// The violent day's simulator over `positions` under `rules`, seed 99, checkpoints every
  /// 30 steps.
  static func simulator(
    _ day: ViolentDay, rules: [MarketRules], positions: [Position], fund: FundRules, adl: ADLPolicy
  ) throws -> FundSimulator {
    let exchange = try ExchangeModel(
      rules: rules, positions: positions, fund: fund, adl: adl, initialPrices: day.initialPrices)
    return FundSimulator(
      generator: PathGenerator(model: day.model, seed: 99), exchange: exchange,
      checkpoints: CheckpointSchedule(horizonSteps: 120, every: 30))
  }

  /// Money is conserved on path `path` to 1e-9 of its liquidated notional (at least 1), the
  /// markets' liquidations add up to the path's, and a backstop vault lost no more than its
  /// loss cap (to 1e-6 of that notional).
  static func expectConserved(
    _ o: PathOutcome, initialFund: Double, vault: BackstopVault?, path: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let scale = max(1, o.liquidatedNotional)
    #expect(
      abs(conservationGap(o, initialFund: initialFund)) <= 1e-9 * scale, "path \(path)", sourceLocation: sourceLocation)
    #expect(o.markets.reduce(0) { $0 + $1.liquidations } == o.liquidations, sourceLocation: sourceLocation)
    if let vault {
      #expect(-o.backstopPnL <= vault.lossCap + 1e-6 * scale, "path \(path)", sourceLocation: sourceLocation)
    }
  }

  /// A partial rule that never applies changes nothing: the outcome `never` of a rule whose
  /// threshold no position reaches equals the outcome `reference` without the rule.
  static func expectSameOutcome(_ never: PathOutcome, _ reference: PathOutcome, path: Int) {
    #expect(never.liquidations == reference.liquidations && never.adlEvents == reference.adlEvents, "path \(path)")
    #expect(
      close(never.finalFund, reference.finalFund, relative: 1e-9)
        && close(never.badDebt, reference.badDebt, relative: 1e-9), "path \(path)")
  }

  @Test(arguments: 0..<25)
  func randomBooksAndPaths(caseIndex: Int) throws {
    let (mechanic, ranking, feeCap, trigger, depth, closePrice) = Self.cases[caseIndex]
    let day = try ViolentDay(depth: depth)
    let (stepCap, marketCap, notionalCap) = Self.caps[caseIndex] ?? (nil, nil, nil)
    let fund = FundRules(
      balance: 2e5, waterfall: mechanic, fundShare: 0.7, feeCap: feeCap, takeoverSubsidy: 0.2,
      stepOutflowCap: stepCap, marketOutflowCap: marketCap, takeoverNotionalCap: notionalCap,
      backstop: Self.backstops[caseIndex])
    let sim = try Self.simulator(
      day, book: caseIndex, fund: fund,
      adl: ADLPolicy(
        ranking: ranking, drawdownTrigger: trigger, drawdownWindowSteps: 480, closePrice: closePrice,
        randomWalkAccounts: 40))
    let ws = sim.makeWorkspace()
    var liquidations = 0
    var adl = 0
    var adlAboveThreshold = 0
    var backstopTakeovers = 0
    for path in 0..<40 {
      let o = sim.simulate(path: path, workspace: ws)
      Self.expectConserved(o, initialFund: fund.balance, vault: fund.backstop, path: path)
      // Per-market parts add up to the totals.
      #expect(close(o.markets.reduce(0) { $0 + $1.shortfall }, o.shortfall, relative: 1e-9))
      #expect(o.minFund <= o.finalFund && o.minFund <= fund.balance)
      // The haircut is the profit part of the equity counterparties gave up (bad debt).
      #expect(o.adlHaircut >= 0 && o.adlHaircut <= o.badDebt * (1 + 1e-12) + 1e-9, "path \(path)")
      #expect(o.adlOvershoot >= 0 && (o.adlEvents > 0 || o.adlOvershoot == 0), "path \(path)")
      if let trigger, depth > 1e5, closePrice == .bankruptcy {
        // The floor holds: with a window longer than the path the initial balance is always
        // in it, so no payment takes the fund more than `trigger` below it. (Shallow books
        // liquidate whole sides, and a position left with no counterparty falls on the fund
        // below its floor: docs/MODEL.md, "ADL".)
        #expect(o.minFund >= fund.balance * (1 - trigger) - 1e-6, "path \(path)")
      }
      liquidations += o.liquidations
      backstopTakeovers += o.backstopTakeovers
      adl += o.adlEvents
      if o.adlEvents > 0 && o.depletionStep == nil { adlAboveThreshold += 1 }
    }
    // The configuration is violent enough that the check is not vacuous.
    #expect(liquidations > 100)
    #expect(adl > 0)
    if fund.backstop != nil { #expect(backstopTakeovers > 0) }
    // A trigger, or a takeover whose book runs short, sends positions to ADL while the fund
    // is above its threshold (at `mark` without a trigger the fund pays down to its
    // threshold first).
    if trigger != nil || Self.caps[caseIndex] != nil
      || (mechanic == .takeover && depth < 1e5 && closePrice == .bankruptcy)
    {
      #expect(adlAboveThreshold > 0)
    }
  }

  /// Fund scopes (docs/MODEL.md, "Fund scopes"): mechanic, drawdown trigger, step outflow
  /// cap, depth, and the scope over BTC (0) and ETH (1).
  static let scopeCases: [(WaterfallMechanic, Double?, Double?, Double, FundScope)] = [
    (.marketClose, nil, nil, 2e6, .perMarket), (.takeover, nil, nil, 2e4, .perMarket),
    (.marketClose, 0.3, nil, 2e4, .groups([FundGroup(markets: [1], share: 0.3), FundGroup(markets: [0], share: 0.7)])),
    (.takeover, 0.3, nil, 2e6, .perMarket), (.marketClose, nil, 2e4, 2e6, .perMarket),
    (.marketClose, nil, nil, 2e6, .groups([FundGroup(markets: [0, 1], share: 1)])),
  ]

  /// Under every scope money is conserved on the whole path and fund by fund: each fund's
  /// change is its markets' inflow minus their shortfall, so no market's loss reaches
  /// another market's fund; the path's totals are the funds' (final: the sum; depleted:
  /// any).
  @Test(arguments: 0..<6)
  func scopesConserveMoney(caseIndex: Int) throws {
    let (mechanic, trigger, stepCap, depth, scope) = Self.scopeCases[caseIndex]
    let day = try ViolentDay(depth: depth)
    var fund = FundRules(
      balance: 2e5, waterfall: mechanic, fundShare: 0.7, takeoverSubsidy: 0.2, stepOutflowCap: stepCap)
    fund.scope = scope
    let sim = try Self.simulator(
      day, book: caseIndex, fund: fund, adl: ADLPolicy(drawdownTrigger: trigger, drawdownWindowSteps: 480))
    let ws = sim.makeWorkspace()
    var depletedFunds = 0
    var adl = 0
    for path in 0..<40 {
      let o = sim.simulate(path: path, workspace: ws)
      Self.expectConserved(o, initialFund: fund.balance, vault: nil, path: path)
      let scale = max(1, o.liquidatedNotional)
      #expect(o.funds.count == scope.funds(markets: 2)!.count)
      var final = 0.0
      for f in o.funds {
        let inflow = f.markets.reduce(0) { $0 + o.markets[$1].fundInflow }
        let shortfall = f.markets.reduce(0) { $0 + o.markets[$1].shortfall }
        #expect(abs((f.final - f.initial) - (inflow - shortfall)) <= 1e-9 * scale, "path \(path)")
        #expect(close(f.shortfall, shortfall) && f.minimum <= min(f.initial, f.final))
        final += f.final
        if f.depleted { depletedFunds += 1 }
      }
      #expect(close(o.finalFund, final, relative: 1e-12))
      #expect(o.depleted == o.funds.contains(where: \.depleted), "path \(path)")
      #expect(o.depletionStep == o.funds.compactMap(\.depletionStep).min(), "path \(path)")
      adl += o.adlEvents
    }
    // Violent enough that funds deplete or ADL fires: the per-fund checks are not vacuous.
    #expect(depletedFunds + adl > 0)
  }

  /// Partial liquidation (docs/MODEL.md, "Partial liquidation") on both markets of the
  /// violent day, under market close with rankings, a fee cap, a drawdown trigger, a
  /// shallow book, a per-market scope and the backstop vault (one that hits its loss cap):
  /// money is conserved, and a threshold no position reaches (`above` 10³⁰) gives what the
  /// whole-position engine gives, up to rounding.
  static let partialCases: [(ADLRanking, Double?, Double?, Double, FundScope, BackstopVault?)] = [
    (.pnlLeverage, nil, nil, 2e6, .shared, nil), (.proRata, 0.01, nil, 2e4, .shared, nil),
    (.hyperliquid, nil, 0.3, 2e4, .shared, nil), (.randomWalk, nil, nil, 2e6, .perMarket, nil),
    (.hyperliquid, 0, nil, 2e4, .shared, BackstopVault(share: 2.0 / 3, capital: 5e4, lossCap: 2e4)),
    (.pnlLeverage, nil, 0.3, 2e6, .perMarket, BackstopVault(share: 0.9, capital: 1e6)),
  ]

  @Test(arguments: 0..<6)
  func partialLiquidationConservesMoney(caseIndex: Int) throws {
    let (ranking, feeCap, trigger, depth, scope, vault) = Self.partialCases[caseIndex]
    let day = try ViolentDay(depth: depth)
    var rules = day.rules
    for k in rules.indices { rules[k].partialLiquidation = .hyperliquid }
    var fund = FundRules(balance: 2e5, fundShare: 0.7, feeCap: feeCap, backstop: vault)
    fund.scope = scope
    let adl = ADLPolicy(ranking: ranking, drawdownTrigger: trigger, drawdownWindowSteps: 480, randomWalkAccounts: 40)
    let book = try day.book(seed: UInt64(caseIndex))
    func simulator(_ rules: [MarketRules]) throws -> FundSimulator {
      try Self.simulator(day, rules: rules, positions: book, fund: fund, adl: adl)
    }
    let partial = try simulator(rules)
    var unreachable = rules
    for k in unreachable.indices { unreachable[k].partialLiquidation?.above = 1e30 }
    let never = try simulator(unreachable)
    let reference = try simulator(day.rules)
    let (ws, wsNever, wsReference) = (partial.makeWorkspace(), never.makeWorkspace(), reference.makeWorkspace())
    var liquidations = 0
    var sliced = 0
    var takeovers = 0
    for path in 0..<40 {
      let o = partial.simulate(path: path, workspace: ws)
      Self.expectConserved(o, initialFund: fund.balance, vault: vault, path: path)
      takeovers += o.backstopTakeovers
      let n = never.simulate(path: path, workspace: wsNever)
      let r = reference.simulate(path: path, workspace: wsReference)
      Self.expectSameOutcome(n, r, path: path)
      liquidations += o.liquidations
      if o.liquidations != r.liquidations { sliced += 1 }
    }
    // Violent enough, and positions large enough, that slices happen (and the vault takes
    // some positions over).
    #expect(liquidations > 100)
    #expect(sliced > 0)
    if vault != nil { #expect(takeovers > 0) }
  }

  /// Margin reduction (docs/MODEL.md, "Partial liquidation"; Binance) on both markets of
  /// the violent day: mechanic, ranking, liquidation fee, depth and whether the markets have
  /// margin tiers (BTC 1% to 2% from 2·10⁵ and 3% from 10⁶, ETH 2% to 3% from 10⁵). Money is conserved, reductions happen, and a threshold no position
  /// reaches (`above` 10³⁰) gives what the whole-position engine gives, up to rounding.
  static let reductionCases: [(WaterfallMechanic, ADLRanking, Double, Double, Bool)] = [
    (.marketClose, .pnlLeverage, 0, 2e6, false), (.marketClose, .proRata, 0.002, 2e4, true),
    (.takeover, .pnlLeverage, 0, 2e6, true), (.takeover, .binance, 0.002, 2e4, false),
    (.marketClose, .hyperliquid, 0.005, 2e6, true), (.takeover, .randomWalk, 0.001, 2e4, true),
  ]

  @Test(arguments: 0..<6)
  func marginReductionConservesMoney(caseIndex: Int) throws {
    let (mechanic, ranking, fee, depth, tiered) = Self.reductionCases[caseIndex]
    let day = try ViolentDay(depth: depth)
    var rules = day.rules
    if tiered {
      rules[0].marginTiers = [MarginTier(notionalFloor: 2e5, rate: 0.02), MarginTier(notionalFloor: 1e6, rate: 0.03)]
      rules[1].marginTiers = [MarginTier(notionalFloor: 1e5, rate: 0.03)]
    }
    var rng = RandomStreams(seed: UInt64(caseIndex)).generator(path: 0, purpose: .book)
    // Drawn without the tiers (a synthetic book whose tiers put a position past its
    // liquidation price is refused), then the positions the tiers put past it are left out.
    let book = try SyntheticBook(positionsPerMarket: 150, openInterest: ["BTC": 2e7, "ETH": 1e7])
      .draw(markets: day.markets, rules: day.rules, using: &rng).filter { p in
        let pl = rules[p.market].liquidationPrice(of: p)
        return p.side == .long ? pl < day.initialPrices[p.market] : pl > day.initialPrices[p.market]
      }
    let fund = FundRules(balance: 2e5, waterfall: mechanic, fundShare: 0.7, takeoverSubsidy: 0.2)
    let adl = ADLPolicy(ranking: ranking, randomWalkAccounts: 40)
    func simulator(_ rules: [MarketRules]) throws -> FundSimulator {
      try Self.simulator(day, rules: rules, positions: book, fund: fund, adl: adl)
    }
    var reducing = rules
    for k in reducing.indices { reducing[k].marginReduction = MarginReduction(fee: fee) }
    var unreachable = reducing
    for k in unreachable.indices { unreachable[k].marginReduction?.above = 1e30 }
    let (reduced, never, reference) = (try simulator(reducing), try simulator(unreachable), try simulator(rules))
    let (ws, wsNever, wsReference) = (reduced.makeWorkspace(), never.makeWorkspace(), reference.makeWorkspace())
    var liquidations = 0
    var differing = 0
    for path in 0..<40 {
      let o = reduced.simulate(path: path, workspace: ws)
      Self.expectConserved(o, initialFund: fund.balance, vault: nil, path: path)
      #expect(o.minFund <= o.finalFund && o.minFund <= fund.balance)
      let n = never.simulate(path: path, workspace: wsNever)
      let r = reference.simulate(path: path, workspace: wsReference)
      Self.expectSameOutcome(n, r, path: path)
      liquidations += o.liquidations
      if o.liquidations != r.liquidations || !close(o.finalFund, r.finalFund, relative: 1e-9) { differing += 1 }
    }
    // Violent enough that positions are liquidated and reductions change the outcome.
    #expect(liquidations > 100)
    #expect(differing > 0)
  }

  /// No mark crosses both sides of a market: every accepted long has `Pl` below the initial
  /// price and every short above it, and liquidation prices do not move, so the long
  /// ladder's highest threshold is below the short ladder's lowest (docs/MODEL.md, "A step":
  /// the cascade settles longs first, an order that never matters).
  @Test(arguments: 0..<4)
  func noMarkCrossesBothSides(seed: Int) throws {
    let day = try ViolentDay()
    let exchange = try ExchangeModel(
      rules: day.rules, positions: day.book(seed: UInt64(seed)), fund: FundRules(balance: 1),
      initialPrices: day.initialPrices)
    let ladders = BookLadders(exchange: exchange)
    for k in 0..<2 {
      #expect(ladders.longs[k].threshold(at: 0) < Double.log(day.initialPrices[k]))
      #expect(ladders.shorts[k].threshold(at: 0) > Double.log(day.initialPrices[k]))
    }
  }
}

/// A path's amounts are checked against ``PathAmountLimit`` (10³⁰): finite values at the
/// limit pass; beyond it, or infinite or NaN, the first offending amount is named.
@Suite struct PathAmountLimitTests {
  @Test func limitAndOrder() {
    var o = PathOutcome(path: 7, initialFund: 1e7, markets: 1, checkpoints: 2)
    #expect(o.amountBeyondLimit() == nil)
    o.liquidatedNotional = 1e30
    #expect(o.amountBeyondLimit() == nil)
    o.shortfall = 2e30
    o.badDebt = .infinity
    #expect(o.amountBeyondLimit() == PathAmountError(path: 7, amount: .shortfall, value: 2e30))
    o.shortfall = 0
    #expect(o.amountBeyondLimit()?.amount == .badDebt)
    o.badDebt = 0
    o.finalFund = -.nan
    #expect(o.amountBeyondLimit()?.amount == .fundBalance)
  }
}
