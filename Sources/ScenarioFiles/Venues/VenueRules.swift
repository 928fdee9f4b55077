import FundSimulation

/// One venue's rules as scenario values (docs/VENUES.md): its fund and ADL keys, its fund
/// scope, its margin tiers by symbol and its partial liquidation, each with a source. Each
/// venue is one value of this type in a file of its own in `Venues/`, named by a case of
/// ``VenuePreset``; a new venue is a new file and a new case.
struct VenueRules: Sendable {
  /// Keys of the `fund` and `adl` blocks with their values as written in YAML
  /// (``apply(to:adl:written:)`` sets them).
  var keys: [VenuePreset.Parameter]
  var scope: VenueFundScope
  /// Tiers by symbol, for the markets that write no `margin_tiers`; `nil`: none published in
  /// a citable form.
  var marginTiers: VenueMarginTiers? = nil
  /// The rule for every market that writes no `partial_liquidation`.
  var partialLiquidation: (rule: VenuePartialRule, source: String)? = nil

  /// Every value the preset sets, in the order `fundstress venues` lists them; per-market
  /// values under `markets.KEY`.
  var parameters: [VenuePreset.Parameter] {
    var all = keys + scope.parameters
    if let marginTiers { all.append(marginTiers.parameter) }
    if let (rule, source) = partialLiquidation {
      all.append(.init("markets.partial_liquidation", rule.yaml, source))
    }
    return all
  }

  /// The per-market keys the preset sets (`margin_tiers`, `partial_liquidation`).
  var marketKeys: [String] {
    parameters.map(\.key).filter { $0.hasPrefix("markets.") }.map { String($0.dropFirst(8)) }
  }

  /// Sets the preset's `fund` and `adl` values where `written(key)` is false.
  func apply(to fund: inout FundRules, adl: inout ADLInput, written: (String) -> Bool) {
    for parameter in keys where !written(parameter.key) {
      switch parameter.key {
      case "fund.waterfall": fund.waterfall = WaterfallMechanic(rawValue: parameter.value) ?? fund.waterfall
      case "fund.fee_cap": fund.feeCap = Double(parameter.value)
      case "fund.step_outflow_cap": fund.stepOutflowCap = Double(parameter.value)
      case "fund.takeover_notional_cap": fund.takeoverNotionalCap = Double(parameter.value)
      case "fund.backstop": fund.backstop = BackstopVault(share: 2.0 / 3, capital: fund.balance)
      case "adl.ranking": adl.ranking = ADLRanking(rawValue: parameter.value) ?? adl.ranking
      case "adl.close_price": adl.closePrice = ADLClosePrice(rawValue: parameter.value) ?? adl.closePrice
      case "adl.drawdown_trigger": adl.drawdownTrigger = Double(parameter.value)
      case "adl.drawdown_window_hours": adl.drawdownWindowHours = Double(parameter.value) ?? adl.drawdownWindowHours
      default: preconditionFailure("preset key \(parameter.key) has no field")
      }
    }
  }

  /// Sets the preset's tiers and partial liquidation on market `k` (symbol `symbol`) where
  /// `written(key)` is false for the market's key.
  func apply(to rules: inout MarketRules, symbol: String, written: (String) -> Bool) {
    if !written("margin_tiers"), let tiers = marginTiers?.tiers(symbol: symbol, baseRate: rules.maintenanceMargin) {
      rules.marginTiers = tiers
    }
    if !written("partial_liquidation"), let (rule, _) = partialLiquidation {
      switch rule {
      case .slice(let slice): rules.partialLiquidation = slice
      case .reduce(let reduction): rules.marginReduction = reduction
      }
    }
  }
}

extension VenuePreset.Parameter {
  init(_ key: String, _ value: String, _ source: String) {
    self.init(key: key, value: value, source: source)
  }
}
