import Foundation
import FundSimulation
import PricePaths

/// The one place that maps the engine's typed errors to the scenario's keys, units and fixes.
///
/// The simulation libraries speak the domain (``FundSimulation/MarketRuleError``: "the
/// maintenance-margin rate of market 2 is 1.5"); a scenario file names the same value
/// `markets[2].maintenance_margin`. ``keyed(_:)`` turns each case into the key, the problem
/// and the fix a user of the file format reads, and ``ScenarioError`` adds the file, line
/// and column of that key. The price-path model's errors are mapped in
/// `EngineErrorKeys+PricePaths.swift`.
enum EngineErrorKeys {
  /// `error` as a keyed ``ModelInputError``, or nil when it is not an input error of the
  /// engine.
  static func keyed(_ error: Error) -> ModelInputError? {
    switch error {
    case let error as MarketModelError: return keyed(error)
    case let error as PathModelError: return keyed(error)
    case let error as CorrelationError: return keyed(error)
    case let error as HorizonError: return keyed(error)
    case let error as JumpFactorError: return keyed(error)
    case let error as HistoricalShocksError: return keyed(error)
    case let error as ReplayError: return keyed(error)
    case let error as MarketRuleError: return keyed(error)
    case let error as FundRuleError: return keyed(error)
    case let error as ADLPolicyError: return keyed(error)
    case let error as ExchangeModelError: return keyed(error)
    case let error as SyntheticBookError: return keyed(error)
    default: return nil
    }
  }

  static func keyed(_ error: MarketRuleError) -> ModelInputError {
    let market = "markets[\(error.market)]"
    switch error {
    case .maintenanceMargin(_, let rate):
      return ModelInputError(
        key: "\(market).maintenance_margin", problem: "is \(rate)",
        fix: "give the maintenance-margin rate as a fraction in (0, 1), e.g. 0.005")
    case .depth(_, let notional):
      return ModelInputError(
        key: "\(market).depth", problem: "is \(notional)",
        fix: "give the notional that moves the price by 1%, a positive number such as 3.0e7")
    case .resilience(_, let share):
      return ModelInputError(
        key: "\(market).resilience", problem: "is \(share)",
        fix: "give the share of impact that decays per step, between 0 and 1")
    case .permanentImpact(_, let share):
      return ModelInputError(
        key: "\(market).permanent_impact", problem: "is \(share)",
        fix: "give the share of a liquidation's walk that stays in the mark, between 0 and 1")
    case .maxLeverage(_, let leverage):
      return ModelInputError(
        key: "\(market).max_leverage", problem: "is \(leverage)", fix: "give the largest leverage allowed, 1 or more")
    case .marginTier(_, let n, let floor, let rate):
      return ModelInputError(
        key: "\(market).margin_tiers[\(n)]", problem: "is from \(floor) at \(rate)",
        fix: "give tiers by rising notional floor (above 0) with rates rising from maintenance_margin, below 1")
    case .partialShare(_, let share):
      return ModelInputError(
        key: "\(market).partial_liquidation.share", problem: "is \(share)",
        fix: "give the share closed first, between 0 and 1, e.g. 0.2")
    case .partialAbove(_, let notional):
      return ModelInputError(
        key: "\(market).partial_liquidation.above", problem: "is \(notional)",
        fix: "give the notional above which a position is liquidated partially, e.g. 1.0e5")
    case .partialCooldown(_, let seconds):
      return ModelInputError(
        key: "\(market).partial_liquidation.cooldown_seconds", problem: "is \(seconds)",
        fix: "give the cooldown in seconds, e.g. 30")
    case .partialUnderTakeover:
      return ModelInputError(
        key: "\(market).partial_liquidation", problem: "is set under fund.waterfall takeover",
        fix: "use fund.waterfall: market-close, or remove partial_liquidation")
    case .reductionFee(_, let rate):
      return ModelInputError(
        key: "\(market).partial_liquidation.fee", problem: "is \(rate)",
        fix: "give the liquidation fee as a rate of the reduced notional in [0, 1), e.g. 0.0")
    case .reductionAbove(_, let notional):
      return ModelInputError(
        key: "\(market).partial_liquidation.above", problem: "is \(notional)",
        fix: "give the notional above which a position is reduced first, 0 or more, e.g. 0")
    case .reductionWithBackstop:
      return ModelInputError(
        key: "\(market).partial_liquidation", problem: "is rule reduce with fund.backstop",
        fix: "remove fund.backstop or partial_liquidation (the two are not modelled together)")
    case .reductionWithSlice:
      return ModelInputError(
        key: "\(market).partial_liquidation", problem: "sets both the slice and the reduce rule",
        fix: "give one rule: slice or reduce")
    }
  }

  /// The scenario key of each amount of the fund's rules.
  static func key(_ amount: FundAmount) -> String {
    switch amount {
    case .stepOutflowCap: return "fund.step_outflow_cap"
    case .marketOutflowCap: return "fund.market_outflow_cap"
    case .takeoverNotionalCap: return "fund.takeover_notional_cap"
    case .backstopCapital: return "fund.backstop.capital"
    case .backstopLossCap: return "fund.backstop.loss_cap"
    }
  }

  static func keyed(_ error: FundRuleError) -> ModelInputError {
    switch error {
    case .balance(let x):
      return ModelInputError(key: "fund.balance", problem: "is \(x)", fix: "give a non-negative fund balance")
    case .balanceAboveLimit(let x):
      return ModelInputError(key: "fund.balance", problem: "is \(x)", fix: MoneyLimit.fix)
    case .fundShare(let x):
      return ModelInputError(
        key: "fund.fund_share", problem: "is \(x)",
        fix: "give the fund's share of the penalty between 0 and 1 (the vault gets the rest)")
    case .feeCap(let x):
      return ModelInputError(
        key: "fund.fee_cap", problem: "is \(x)",
        fix: "give a non-negative rate of fill notional (e.g. 0.015) or null for no cap")
    case .takeoverSubsidy(let x):
      return ModelInputError(
        key: "fund.takeover_subsidy", problem: "is \(x)",
        fix: "give the largest share of the fund one round of takeovers may use, between 0 and 1")
    case .amount(let amount, let x):
      let fix =
        switch amount {
        case .backstopCapital, .backstopLossCap: "give a non-negative amount, at most 1.0e18"
        case .stepOutflowCap, .marketOutflowCap, .takeoverNotionalCap:
          "give a non-negative cap (at most 1.0e18) or null for no cap"
        }
      return ModelInputError(key: key(amount), problem: "is \(x)", fix: fix)
    case .takeoverCapWithoutTakeover:
      return ModelInputError(
        key: "fund.takeover_notional_cap", problem: "is set with waterfall market-close",
        fix: "use it with waterfall takeover, or remove it")
    case .backstopWithTakeover:
      return ModelInputError(
        key: "fund.backstop", problem: "is set with waterfall takeover",
        fix: "use the backstop vault with waterfall market-close, or remove it")
    case .depletionThreshold(let x, let balance):
      return ModelInputError(
        key: "fund.depletion_threshold", problem: "is \(x) (balance \(balance))",
        fix: "give a threshold no higher than the initial balance and no lower than -1.0e18")
    case .backstopShare(let x):
      return ModelInputError(
        key: "fund.backstop.share", problem: "is \(x)",
        fix: "give the share of the maintenance margin below which the vault takes over, in (0, 1], e.g. 0.6667")
    case .groupShare(let g, let share):
      return ModelInputError(
        key: "fund.groups[\(g)].share", problem: "is \(share)",
        fix: "give each group a positive share of fund.balance; the shares sum to 1")
    case .groupWithoutMarkets(let g):
      return ModelInputError(
        key: "fund.groups[\(g)].markets", problem: "is empty", fix: "list the markets this fund covers")
    case .groupMarketUnknown(let g, let k, let markets):
      return ModelInputError(
        key: "fund.groups[\(g)].markets", problem: "names market \(k) of \(markets)",
        fix: "use a market of the scenario")
    case .groupMarketTwice(let g, let k, let first):
      return ModelInputError(
        key: "fund.groups[\(g)].markets", problem: "puts market \(k) in a second fund (also groups[\(first)])",
        fix: "put each market in exactly one group")
    case .marketWithoutFund(let k):
      return ModelInputError(
        key: "fund.groups", problem: "leave market \(k) without a fund", fix: "put each market in exactly one group")
    case .groupSharesSum(let total):
      return ModelInputError(
        key: "fund.groups", problem: "have shares summing to \(total)",
        fix: "make the groups' shares of fund.balance sum to 1")
    }
  }

  static func keyed(_ error: ADLPolicyError) -> ModelInputError {
    switch error {
    case .drawdownTrigger(let x):
      return ModelInputError(
        key: "adl.drawdown_trigger", problem: "is \(x)",
        fix: "give the fund drawdown that triggers ADL as a fraction in (0, 1], e.g. 0.3")
    case .drawdownWindowBelowOneStep:
      return ModelInputError(
        key: "adl.drawdown_window_hours", problem: "is shorter than one step",
        fix: "give a window of at least one step")
    case .randomWalkAccounts(let n):
      return ModelInputError(
        key: "adl.random_walk_accounts", problem: "is \(n)",
        fix: "give the most opposite accounts one ADL event visits, 1 or more (dYdX: 500)")
    }
  }

  static func keyed(_ error: ExchangeModelError) -> ModelInputError {
    switch error {
    case .cascadeRoundCap(let n):
      return ModelInputError(
        key: "simulation.cascade_round_cap", problem: "is \(n)", fix: "give a cap between 1 and 100000 rounds")
    case .positionMarket(let i, let k):
      return ModelInputError(key: "positions[\(i)].market", problem: "is \(k)", fix: "use a market of the scenario")
    case .position(let i, let error):
      let (problem, fix) = problemAndFix(error)
      return ModelInputError(key: "positions[\(i)]", problem: problem, fix: fix)
    }
  }

  /// The problem, naming the positions file's columns, and the fix for a position.
  static func problemAndFix(_ error: PositionError) -> (problem: String, fix: String) {
    switch error {
    case .size(let x): return ("size is \(x)", "give a positive size in base units")
    case .entryPrice(let x): return ("entry_price is \(x)", "give a positive entry price")
    case .margin(let x): return ("margin is \(x)", "give a positive margin in the margin currency")
    case .aboveMoneyLimit(let notional, let margin):
      return ("has notional \(notional) and margin \(margin)", MoneyLimit.fix)
    case .pastLiquidation(let side, let pl, let price):
      return (
        "\(side.name) is already past its liquidation price \(pl) at the initial price \(price)",
        "raise its margin or remove it: the exchange would have liquidated it before the run"
      )
    }
  }

  static func keyed(_ error: SyntheticBookError) -> ModelInputError {
    let book = "book.synthetic"
    let percent = { (x: Double) in String(format: "%g", 100 * x) }
    let leverage = { (x: Double) in String(format: "%.4g", x) }
    switch error {
    case .positionsPerMarket(let n):
      return ModelInputError(
        key: "\(book).positions_per_market", problem: "is \(n)",
        fix: "give between 1 and \(SyntheticBook.maximumPositionsPerMarket) positions per market")
    case .openInterestUnknownMarket(let symbol, let markets):
      return ModelInputError(
        key: "\(book).open_interest.\(symbol)", problem: "is not a market of the scenario",
        fix: "use one of \(markets.joined(separator: ", "))")
    case .openInterestMissing(let symbol):
      return ModelInputError(
        key: "\(book).open_interest", problem: "has no entry for \(symbol)",
        fix: "give the open interest (notional of one side) of every market")
    case .openInterest(let symbol, let x):
      return ModelInputError(
        key: "\(book).open_interest.\(symbol)", problem: "is \(x)", fix: "give a non-negative notional")
    case .openInterestAboveLimit(let symbol, let x):
      return ModelInputError(key: "\(book).open_interest.\(symbol)", problem: "is \(x)", fix: MoneyLimit.fix)
    case .tooManyPositions(let n, let markets):
      let most = SyntheticBook.maximumPositions
      return ModelInputError(
        key: "\(book).positions_per_market",
        problem: "is \(n) in each of \(markets) markets with open interest: \(n * markets) positions",
        fix: "give at most \(most) positions in all, \(most / markets) per market here")
    case .leverageRange(let lo, let hi):
      return ModelInputError(
        key: "\(book).leverage", problem: "is [\(lo), \(hi)]", fix: "give 1 ≤ min ≤ max, e.g. {min: 2, max: 50}")
    case .longShare(let x):
      return ModelInputError(
        key: "\(book).long_share", problem: "is \(x)",
        fix: "give the share of positions that are long, strictly between 0 and 1")
    case .entryDispersion(let x):
      return ModelInputError(
        key: "\(book).entry_dispersion", problem: "is \(x)",
        fix: "give the standard deviation of log(entry/price), e.g. 0.03")
    case .sizeDispersion(let x):
      return ModelInputError(
        key: "\(book).size_dispersion", problem: "is \(x)",
        fix: "give the standard deviation of log position size, e.g. 1.5")
    case .noLeverageBelowLimit(let symbol, let k, let bookMinimum, let limit, let m):
      return ModelInputError(
        key: bookMinimum ? "\(book).leverage.min" : "markets[\(k)].max_leverage",
        problem: "leaves \(symbol) no leverage below \(leverage(limit))× (1/maintenance_margin with maintenance_margin "
          + "\(m)): every position would start at its liquidation price",
        fix: "lower the leverage below \(leverage(limit))× or lower \(symbol)'s maintenance_margin")
    case .fewFeasibleDraws(
      let symbol, let share, let lower, let upper, let limit, let m, let bookMaximum, let top, let floor):
      var fix =
        bookMaximum ? "give max at most \(leverage(top))×" : "give \(symbol)'s max_leverage at most \(leverage(top))×"
      if let floor { fix += " or min at most \(leverage(floor))×" }
      fix +=
        ", so that at least \(percent(SyntheticBook.minimumFeasibleShare))% of the range lies below \(leverage(limit))×"
      return ModelInputError(
        key: "\(book).leverage",
        problem: "leaves \(symbol) \(String(format: "%.2g", 100 * share))% of its log-uniform range "
          + "\(leverage(lower))× to \(leverage(upper))× below \(leverage(limit))×, "
          + "above which a position opened at the price starts within "
          + "\(percent(SyntheticBook.minimumStartingDistance))% "
          + "of its liquidation price (maintenance_margin \(m)): nearly every draw would be redrawn",
        fix: fix)
    case .drawLimit(let symbol, let kept, let wanted, let draws, let limit):
      return ModelInputError(
        key: "\(book).leverage",
        problem: "kept \(kept) of \(wanted) \(symbol) positions in \(draws) draws: nearly "
          + "every draw starts within \(percent(SyntheticBook.minimumStartingDistance))% of its liquidation price",
        fix: "lower the leverage below \(leverage(limit))× or lower \(symbol)'s maintenance_margin")
    case .pastTieredLiquidation(let symbol, let k, let drawn, let notional, let rate, let limit):
      return ModelInputError(
        key: "\(book).leverage",
        problem: "draws a \(symbol) position of \(leverage(drawn))× whose notional \(String(format: "%.4g", notional)) "
          + "falls in markets[\(k)].margin_tiers' rate \(rate): it would start at its liquidation price",
        fix: "lower the leverage (that tier allows below \(leverage(limit))× at an entry at the price) or the "
          + "entry_dispersion, or raise that tier's floor")
    }
  }
}
