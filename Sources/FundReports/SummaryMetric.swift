/// One row of `summary.csv`: a named estimate with its 95% interval and unit.
///
/// `nil` fields are written empty: no interval applies (counts, maxima) or the sample
/// cannot provide it (see ``Estimate``).
public struct SummaryMetric: Sendable, Hashable, Codable {
  public var name: String
  public var value: Double?
  public var ciLow: Double?
  public var ciHigh: Double?
  public var unit: String

  public init(name: String, value: Double?, ciLow: Double? = nil, ciHigh: Double? = nil, unit: String) {
    self.name = name
    self.value = value
    self.ciLow = ciLow
    self.ciHigh = ciHigh
    self.unit = unit
  }

  public init(name: String, estimate: Estimate, unit: String) {
    self.init(name: name, value: estimate.value, ciLow: estimate.low, ciHigh: estimate.high, unit: unit)
  }

  private enum CodingKeys: String, CodingKey {
    case name, value, unit
    case ciLow = "ci_low"
    case ciHigh = "ci_high"
  }

  /// Encodes absent values as `null` (not omitted), so every metric has the same keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(value, forKey: .value)
    try container.encode(ciLow, forKey: .ciLow)
    try container.encode(ciHigh, forKey: .ciHigh)
    try container.encode(unit, forKey: .unit)
  }
}

/// The kind of quantity a metric measures; rendered as the `unit` column.
public enum MetricUnit: String, Sendable, CaseIterable {
  case probability, currency, events, positions, hours, rounds, paths

  /// The unit's label, the currency's name for ``currency``.
  public func label(currency: String) -> String { self == .currency ? currency : rawValue }
}

/// The catalogue of summary metrics, in `summary.csv` order: names, units and meanings.
///
/// Names are fixed before a run (so `--fail-if` can be checked up front) and stable across
/// versions; new metrics are only ever added.
public struct MetricDefinition: Sendable, Hashable {
  public let name: String
  public let unit: MetricUnit
  /// One line for humans (the report's headline table).
  public let meaning: String

  public static let all: [MetricDefinition] = [
    .init(
      name: "depletion_probability", unit: .probability,
      meaning: "share of paths on which the fund reached the depletion threshold (Wilson CI)"),
    .init(
      name: "adl_probability", unit: .probability, meaning: "share of paths with at least one ADL event (Wilson CI)"),
    .init(name: "adl_events_mean", unit: .events, meaning: "liquidations that needed ADL, per path"),
    .init(name: "adl_notional_mean", unit: .currency, meaning: "notional closed by ADL, per path"),
    .init(name: "adl_positions_mean", unit: .positions, meaning: "counterparty positions hit by ADL, per path"),
    .init(name: "liquidations_mean", unit: .positions, meaning: "positions liquidated, per path"),
    .init(name: "liquidated_notional_mean", unit: .currency, meaning: "notional liquidated, per path"),
    .init(name: "shortfall_mean", unit: .currency, meaning: "losses beyond bankruptcy paid by the fund, per path"),
    .init(
      name: "bad_debt_mean", unit: .currency, meaning: "losses beyond bankruptcy left to ADL counterparties, per path"),
    .init(
      name: "fund_inflow_mean", unit: .currency, meaning: "penalties and takeover profits paid into the fund, per path"),
    .init(name: "vault_inflow_mean", unit: .currency, meaning: "penalties paid to the market-making vault, per path"),
    .init(name: "final_fund_mean", unit: .currency, meaning: "fund balance at the horizon"),
    .init(name: "min_fund_mean", unit: .currency, meaning: "lowest fund balance over the path"),
    .init(name: "fund_loss_mean", unit: .currency, meaning: "initial minus final fund balance"),
    .init(name: "fund_loss_var_95", unit: .currency, meaning: "95% quantile of the fund loss (order-statistic CI)"),
    .init(name: "fund_loss_var_99", unit: .currency, meaning: "99% quantile of the fund loss (order-statistic CI)"),
    .init(name: "fund_loss_var_99_9", unit: .currency, meaning: "99.9% quantile of the fund loss (order-statistic CI)"),
    .init(name: "fund_loss_es_95", unit: .currency, meaning: "mean fund loss over the worst 5% of paths"),
    .init(name: "fund_loss_es_99", unit: .currency, meaning: "mean fund loss over the worst 1% of paths"),
    .init(name: "fund_loss_es_99_9", unit: .currency, meaning: "mean fund loss over the worst 0.1% of paths"),
    .init(
      name: "fund_drawdown_var_99", unit: .currency,
      meaning:
        "99% quantile of initial minus lowest balance: the fund needed for 99% survival, ignoring feedback (equal to initial minus threshold: at least that)"
    ),
    .init(
      name: "fund_needed_p99", unit: .currency,
      meaning:
        "99% quantile of the fund each path needed not to deplete (order-statistic CI; market close without drawdown trigger only)"
    ),
    .init(
      name: "fund_needed_p99_9", unit: .currency,
      meaning:
        "99.9% quantile of the fund each path needed not to deplete (order-statistic CI; market close without drawdown trigger only)"
    ),
    .init(
      name: "time_to_depletion_p05", unit: .hours, meaning: "5% quantile of the time to depletion, over depleted paths"),
    .init(
      name: "time_to_depletion_p25", unit: .hours, meaning: "25% quantile of the time to depletion, over depleted paths"
    ),
    .init(name: "time_to_depletion_p50", unit: .hours, meaning: "median time to depletion, over depleted paths"),
    .init(
      name: "time_to_depletion_p75", unit: .hours, meaning: "75% quantile of the time to depletion, over depleted paths"
    ),
    .init(
      name: "time_to_depletion_p95", unit: .hours, meaning: "95% quantile of the time to depletion, over depleted paths"
    ),
    .init(name: "cascade_rounds_mean", unit: .rounds, meaning: "deepest liquidation cascade of the path"),
    .init(name: "cascade_rounds_p99", unit: .rounds, meaning: "99% quantile of the deepest cascade"),
    .init(name: "cascade_rounds_max", unit: .rounds, meaning: "deepest cascade on any path"),
    .init(
      name: "round_cap_hits_mean", unit: .events, meaning: "market-steps whose cascade hit the round cap, per path"),
    .init(name: "paths", unit: .paths, meaning: "simulated paths"),
    .init(
      name: "adl_overshoot_mean", unit: .currency,
      meaning: "notional ADL closed beyond the equity its events had to take, per path"),
    .init(
      name: "adl_haircut_mean", unit: .currency,
      meaning: "unrealised profit ADL took from its counterparties, per path"),
    .init(
      name: "backstop_pnl_mean", unit: .currency,
      meaning: "the backstop vault's P&L on the positions it took over, per path"),
    .init(
      name: "backstop_takeovers_mean", unit: .positions, meaning: "positions the backstop vault took over, per path"),
  ]

  /// All metric names, in order.
  public static let names: [String] = all.map(\.name)

  /// The definition of `name`, if it is a summary metric.
  public static func named(_ name: String) -> MetricDefinition? { all.first { $0.name == name } }
}
