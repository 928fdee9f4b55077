/// The finished numbers of a run, computed once from ``RunStatistics``: the headline
/// metrics of `summary.csv`, the per-market rows, the fan-chart quantiles and the fund P&L
/// histogram. Writers render it; `--fail-if` conditions evaluate against it.
///
/// Estimators (each documented on its type):
/// * probabilities: proportion with the Wilson score interval (``WilsonInterval``);
/// * `*_mean`: sample mean with the normal-approximation interval (``MeanAccumulator``);
/// * `fund_loss_var_*`, `fund_drawdown_var_99`, `time_to_depletion_p*`,
///   `fund_needed_p99*`, `cascade_rounds_p99`: type-7 sample quantiles with distribution-free order-statistic
///   intervals (``ValueAtRisk``, ``OrderStatisticInterval``);
/// * `fund_loss_es_*`: mean of the worst `⌈n(1 − α)⌉` losses with the Manistre–Hancock
///   interval (``ExpectedShortfall``);
/// * `cascade_rounds_max`, `paths`: exact, no interval.
///
/// When every path is the same path (a replay: no randomness is left), the figures are not
/// estimates but the one path's exact values, and every interval is that value: a Wilson
/// interval would otherwise report 0 depletions out of 10 000 identical paths as a
/// probability of up to 0.04%.
///
/// `time_to_depletion_p*` are in hours (`step × stepSeconds / 3600`) over the depleted
/// paths only; they are empty when no path was depleted.
public struct RunSummary: Sendable, Equatable {
  public let currency: String
  public let symbols: [String]
  public let pathCount: Int
  public let initialFund: Double
  public let depletionThreshold: Double
  public let stepSeconds: Double
  /// In ``MetricDefinition/all`` order.
  public let metrics: [SummaryMetric]
  public let markets: [MarketSummary]
  public let fundQuantiles: [FundQuantileRow]
  /// Histogram of the fund's P&L `final − initial` over paths (40 bars).
  public let fundPnLBars: [HistogramBar]
  /// Each fund's statistics under a fund scope other than shared (``FundTotals``); empty
  /// for the shared fund.
  public let funds: [FundTotals]

  /// Summarises a run.
  ///
  /// - Parameters:
  ///   - currency: the margin currency's name, used as the unit of money metrics.
  ///   - identicalPaths: every path is the same path (a replay), so every figure is exact.
  /// - Complexity: O(n log n) for the `n` paths (one sort of the losses and of the
  ///   drawdowns), plus O(checkpoints × bins).
  public init(statistics: RunStatistics, currency: String = "USDC", identicalPaths: Bool = false) {
    self.currency = currency
    symbols = statistics.symbols
    pathCount = statistics.pathCount
    initialFund = statistics.initialFund
    depletionThreshold = statistics.depletionThreshold
    stepSeconds = statistics.stepSeconds

    let n = statistics.pathCount
    let stepSeconds = statistics.stepSeconds
    var estimates: [String: Estimate] = [
      "depletion_probability": WilsonInterval.estimate(successes: statistics.depletedPaths, trials: n),
      "adl_probability": WilsonInterval.estimate(successes: statistics.adlPaths, trials: n),
      "adl_events_mean": statistics.mean(.adlEvents),
      "adl_notional_mean": statistics.mean(.adlNotional),
      "adl_positions_mean": statistics.mean(.adlPositions),
      "liquidations_mean": statistics.mean(.liquidations),
      "liquidated_notional_mean": statistics.mean(.liquidatedNotional),
      "shortfall_mean": statistics.mean(.shortfall),
      "bad_debt_mean": statistics.mean(.badDebt),
      "fund_inflow_mean": statistics.mean(.fundInflow),
      "vault_inflow_mean": statistics.mean(.vaultInflow),
      "final_fund_mean": statistics.mean(.finalFund),
      "min_fund_mean": statistics.mean(.minFund),
      "fund_loss_mean": statistics.mean(.fundLoss),
      "cascade_rounds_mean": statistics.cascadeRounds.meanEstimate(),
      "cascade_rounds_p99": statistics.cascadeRounds.quantileEstimate(0.99),
      "cascade_rounds_max": Estimate(value: statistics.cascadeRounds.maximum.map(Double.init)),
      "round_cap_hits_mean": statistics.mean(.roundCapHits),
      "paths": Estimate(value: Double(n)),
      "adl_overshoot_mean": statistics.mean(.adlOvershoot),
      "adl_haircut_mean": statistics.mean(.adlHaircut),
      "backstop_pnl_mean": statistics.mean(.backstopPnL),
      "backstop_takeovers_mean": statistics.mean(.backstopTakeovers),
    ]
    let tail =
      if let losses = statistics.lossSketch, let drawdowns = statistics.drawdownSketch {
        Self.tailFigures(losses: losses.sortedValues, drawdowns: drawdowns.sortedValues)
      } else {
        Self.tailFigures(
          losses: Self.ascending(statistics.fundLosses), drawdowns: Self.ascending(statistics.drawdowns))
      }
    estimates.merge(tail.estimates) { _, new in new }
    if statistics.fundNeededKnown {
      if let needed = statistics.fundNeededSketch {
        estimates.merge(Self.fundNeededFigures(needed.sortedValues)) { _, new in new }
      } else {
        estimates.merge(Self.fundNeededFigures(Self.ascending(statistics.fundNeeded))) { _, new in new }
      }
    }
    for (suffix, level) in [("05", 0.05), ("25", 0.25), ("50", 0.5), ("75", 0.75), ("95", 0.95)] {
      estimates["time_to_depletion_p\(suffix)"] = statistics.depletionSteps.quantileEstimate(level) {
        $0 * stepSeconds / 3600
      }
    }
    if identicalPaths {
      for (name, estimate) in estimates where !Self.exactMetrics.contains(name) {
        estimates[name] = Self.exact(estimate)
      }
    }
    metrics = MetricDefinition.all.map { definition in
      SummaryMetric(
        name: definition.name, estimate: estimates[definition.name] ?? .notApplicable,
        unit: definition.unit.label(currency: currency))
    }
    markets = MarketSummary.rows(statistics)
    fundQuantiles = FundQuantileRow.rows(statistics)
    fundPnLBars = tail.bars
    funds = statistics.funds ?? []
  }

  /// The figures read from the ascending per-path losses and drawdowns (kept, or sketched:
  /// ``QuantileMode``): VaR and ES of the loss, the drawdown quantile, the P&L histogram.
  static func tailFigures<C: RandomAccessCollection<Double>>(
    losses: C, drawdowns: C
  ) -> (
    estimates: [String: Estimate], bars: [HistogramBar]
  ) where C.Index == Int {
    var estimates = ["fund_drawdown_var_99": ValueAtRisk.estimate(sortedLosses: drawdowns, level: 0.99)]
    for (suffix, level) in [("95", 0.95), ("99", 0.99), ("99_9", 0.999)] {
      estimates["fund_loss_var_\(suffix)"] = ValueAtRisk.estimate(sortedLosses: losses, level: level)
      estimates["fund_loss_es_\(suffix)"] = ExpectedShortfall.estimate(sortedLosses: losses, level: level)
    }
    return (estimates, HistogramBar.bars(losses.lazy.map { -$0 + 0 }))
  }

  /// `fund_needed_p99` and `fund_needed_p99_9` from the ascending per-path funds needed.
  static func fundNeededFigures<C: RandomAccessCollection<Double>>(_ needed: C) -> [String: Estimate]
  where C.Index == Int {
    [
      "fund_needed_p99": ValueAtRisk.estimate(sortedLosses: needed, level: 0.99),
      "fund_needed_p99_9": ValueAtRisk.estimate(sortedLosses: needed, level: 0.999),
    ]
  }

  /// Metrics that are exact by definition and carry no interval.
  static let exactMetrics: Set<String> = ["cascade_rounds_max", "paths"]

  /// `estimate` as an exact value: its interval is the value itself (`nil` stays `nil`).
  static func exact(_ estimate: Estimate) -> Estimate {
    Estimate(value: estimate.value, low: estimate.value, high: estimate.value)
  }

  /// `values` sorted ascending; no copy when already sorted (``RunStatistics/sortPerPathValues()``).
  static func ascending(_ values: [Double]) -> [Double] {
    var previous = -Double.infinity
    for value in values {
      if value < previous { return values.sorted() }
      previous = value
    }
    return values
  }

  /// The metric called `name`, if any.
  public subscript(name: String) -> SummaryMetric? { metric(named: name) }

  /// The metric called `name`, if any.
  ///
  /// - Complexity: O(metrics).
  public func metric(named name: String) -> SummaryMetric? { metrics.first { $0.name == name } }
}
