import FundSimulation

/// The `fund:` and `adl:` blocks: the insurance fund, its waterfall, and auto-deleveraging.
///
/// ```yaml
/// fund:
///   balance: 1.0e7              # margin currency
///   waterfall: market-close     # or takeover (docs/MODEL.md, "Waterfall")
///   fund_share: 1.0             # share of the liquidation penalty to the fund (rest: vault)
///   fee_cap: null               # optional cap on the penalty, rate of fill notional (dYdX 0.015)
///   takeover_subsidy: 0.25      # takeover: max share of the fund one round of takeovers may spend
///   depletion_threshold: 0      # depleted at or below this balance
///   step_outflow_cap: null      # optional: most the fund pays in one step (dYdX per block)
///   market_outflow_cap: null    # optional: most it pays for one market over the horizon (Drift)
///   takeover_notional_cap: null # optional, takeover: k, notional taken per round ≤ k × balance (Binance 1)
///   scope: shared               # or per-market, groups (FundScopeSection.swift)
///   split: equal                # or open-interest: the funds' shares of the balance (FundSplit.swift)
/// adl:
///   ranking: pnl-leverage       # or pro-rata, binance, hyperliquid, random-walk
///   drawdown_trigger: 0.3       # optional: pay no further than 30% below the window's peak
///   drawdown_window_hours: 8
///   close_price: bankruptcy     # or mark (OKX, Hyperliquid)
///   random_walk_accounts: 500   # random-walk: most accounts one event visits (dYdX)
/// ```
extension ScenarioParser {
  static let fundKeys = [
    "balance", "waterfall", "fund_share", "fee_cap", "takeover_subsidy", "depletion_threshold",
    "step_outflow_cap", "market_outflow_cap", "takeover_notional_cap", "backstop", "scope", "groups", "split",
  ]
  static let adlKeys = [
    "ranking", "drawdown_trigger", "drawdown_window_hours", "close_price", "random_walk_accounts",
  ]

  /// - Parameter waterfallRequired: `false` under a `venue:` preset, which sets it.
  func parseFund(_ value: YAMLValue, waterfallRequired: Bool = true) throws -> FundRules {
    let block = try value.mapping(allowedKeys: Self.fundKeys)
    let mechanics = WaterfallMechanic.allCases.map(\.rawValue)
    let waterfall =
      waterfallRequired
      ? try block.choice("waterfall", mechanics)
      : try block.choice("waterfall", mechanics, default: WaterfallMechanic.marketClose.rawValue)
    return FundRules(
      balance: try block.number("balance", fix: "the initial fund balance in the margin currency, e.g. 1.0e7"),
      waterfall: WaterfallMechanic(rawValue: waterfall) ?? .marketClose,
      fundShare: try block.number("fund_share", default: ScenarioDefaults.fundShare),
      feeCap: try block.optionalNumber("fee_cap"),
      takeoverSubsidy: try block.number("takeover_subsidy", default: ScenarioDefaults.takeoverSubsidy),
      depletionThreshold: try block.number("depletion_threshold", default: ScenarioDefaults.depletionThreshold),
      stepOutflowCap: try block.optionalNumber("step_outflow_cap"),
      marketOutflowCap: try block.optionalNumber("market_outflow_cap"),
      takeoverNotionalCap: try block.optionalNumber("takeover_notional_cap"),
      backstop: try parseBackstop(block))
  }

  /// The `adl` block; absent means PnL × leverage ranking and no drawdown trigger.
  func parseADL(_ value: YAMLValue?) throws -> ADLInput {
    let block = try value?.mapping(allowedKeys: Self.adlKeys)
    let rankings = ADLRanking.allCases.map(\.rawValue)
    let ranking = try block?.choice("ranking", rankings, default: ADLRanking.pnlLeverage.rawValue)
    let hours = try block?.number("drawdown_window_hours", default: ScenarioDefaults.drawdownWindowHours)
    if let hours, !(hours.isFinite && hours > 0) {
      throw document.error(
        "adl.drawdown_window_hours", at: nil, "is \(hours)",
        fix: "give the drawdown window in hours, a positive number such as 8")
    }
    let closePrice = try block?.choice(
      "close_price", ADLClosePrice.allCases.map(\.rawValue), default: ADLClosePrice.bankruptcy.rawValue)
    return ADLInput(
      ranking: ranking.flatMap(ADLRanking.init(rawValue:)) ?? .pnlLeverage,
      drawdownTrigger: try block?.optionalNumber("drawdown_trigger"),
      drawdownWindowHours: hours ?? ScenarioDefaults.drawdownWindowHours,
      closePrice: closePrice.flatMap(ADLClosePrice.init(rawValue:)) ?? .bankruptcy,
      randomWalkAccounts: try block?.wholeNumber("random_walk_accounts", default: ADLPolicy().randomWalkAccounts)
        ?? ADLPolicy().randomWalkAccounts)
  }
}
