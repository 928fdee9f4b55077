import Foundation

/// The change of every summary metric from run A to run B, with a 95% interval and whether
/// it is significant (the interval excludes 0).
///
/// * **Paired** (common random numbers): when both runs simulated the same book, the same
///   seed and the same number of paths, path *i* of A and of B saw the same random draws,
///   so the difference is estimated path by path from `paths.csv`:
///   `d_i = x_B,i − x_A,i`, change `= mean(d)`, interval `mean(d) ± z · sd(d) / √n`
///   (z = 1.959964; normal approximation, Student 1908 / any statistics text). Used for the
///   probabilities (the per-path indicators `depleted` and `adl_events > 0`) and every
///   per-path mean; the shared randomness cancels, so the interval is far tighter. A
///   half-width below 10⁻¹² of the values is floating-point rounding and is taken as 0.
/// * **Unpaired** otherwise, and for quantiles and expected shortfalls (a paired quantile
///   difference needs a bootstrap): from the two intervals of `summary.csv`. Probabilities
///   use Newcombe's hybrid score interval for a difference of independent proportions
///   (Newcombe 1998, *Statistics in Medicine* 17:873, method 10), built from the two Wilson
///   intervals `[l, u]`: `δ − √((p_B − l_B)² + (u_A − p_A)²)` to
///   `δ + √((u_B − p_B)² + (p_A − l_A)²)`. Other metrics take each run's standard error as
///   its interval's width / (2z) and add them in quadrature: `δ ± z √(se_A² + se_B²)`.
/// * Exact metrics (`paths`, `cascade_rounds_max`) have a change and no interval.
///
/// The change is always `value_B − value_A` of `summary.csv` (for paired metrics equal to
/// `mean(d)` to rounding).
public struct MetricChange: Sendable, Equatable {
  public enum Method: String, Sendable {
    case paired, unpaired, exact
  }

  public var name: String
  public var unit: String
  public var before: SummaryMetric
  public var after: SummaryMetric
  public var change: Double?
  public var low: Double?
  public var high: Double?
  public var method: Method

  /// Whether the interval excludes 0; `nil` without an interval.
  public var isSignificant: Bool? {
    guard let low, let high else { return nil }
    return low > 0 || high < 0
  }

  static let z = 1.959963984540054
}

/// The comparison of two runs: one ``MetricChange`` per summary metric of run A.
public struct RunComparison: Sendable {
  public let changes: [MetricChange]
  /// Whether the runs share book, seed and path count (common random numbers).
  public let isPaired: Bool
  /// Why the comparison is unpaired (`nil` when paired).
  public let unpairedReason: String?

  /// The `paths.csv` column (or derived column) behind each pairable metric.
  public static let pairedColumns: [String: String] = [
    "depletion_probability": "depleted", "adl_probability": "adl_events", "adl_events_mean": "adl_events",
    "adl_notional_mean": "adl_notional", "adl_positions_mean": "adl_positions", "liquidations_mean": "liquidations",
    "liquidated_notional_mean": "liquidated_notional", "shortfall_mean": "shortfall", "bad_debt_mean": "bad_debt",
    "fund_inflow_mean": "fund_inflow", "vault_inflow_mean": "vault_inflow", "final_fund_mean": "final_fund",
    "min_fund_mean": "min_fund", "fund_loss_mean": "final_fund", "cascade_rounds_mean": "max_cascade_rounds",
    "round_cap_hits_mean": "round_cap_hits",
  ]

  /// Compares run `a` with run `b`, paired when they share book, seed and paths and both
  /// have `paths.csv`.
  ///
  /// - Throws: ``RunFolderError`` when a `paths.csv` needed for pairing cannot be read.
  /// - Complexity: O(paths × paired metrics) when paired, O(metrics) otherwise.
  public init(_ a: RunFolder, _ b: RunFolder) throws {
    let reason = Self.unpairedReason(a, b)
    unpairedReason = reason
    isPaired = reason == nil
    var perPath: [String: ([Double], [Double])] = [:]
    if reason == nil {
      let columns = Array(Set(Self.pairedColumns.values)).sorted()
      let (columnsA, columnsB) = (try a.pathColumns(columns), try b.pathColumns(columns))
      for (metric, column) in Self.pairedColumns {
        guard var x = columnsA[column], var y = columnsB[column] else { continue }
        if metric == "adl_probability" {
          (x, y) = (x.map { $0 > 0 ? 1 : 0 }, y.map { $0 > 0 ? 1 : 0 })
        } else if metric == "fund_loss_mean" {
          (x, y) = (x.map { a.initialFund - $0 }, y.map { b.initialFund - $0 })
        }
        perPath[metric] = (x, y)
      }
    }
    changes = a.metrics.compactMap { before in
      guard let after = b[before.name] else { return nil }
      if let (x, y) = perPath[before.name] { return Self.paired(before, after, x, y) }
      return Self.unpaired(before, after)
    }
  }

  /// `nil` when the runs share book, seed and path count and both have `paths.csv`.
  static func unpairedReason(_ a: RunFolder, _ b: RunFolder) -> String? {
    if a.seed != b.seed { return "the seeds differ (\(a.seed) and \(b.seed))" }
    if a.paths != b.paths { return "the path counts differ (\(a.paths) and \(b.paths))" }
    if a.symbols != b.symbols || a.book != b.book { return "the books differ" }
    if a.pathsFile == nil || b.pathsFile == nil { return "a run has no paths.csv" }
    return nil
  }

  /// The paired change of a metric from per-path values `x` (run A) and `y` (run B).
  ///
  /// - Complexity: O(n).
  static func paired(_ before: SummaryMetric, _ after: SummaryMetric, _ x: [Double], _ y: [Double]) -> MetricChange {
    let n = Double(min(x.count, y.count))
    var change = MetricChange(
      name: before.name, unit: before.unit, before: before, after: after, change: difference(before, after),
      method: .paired)
    guard n >= 2, let centre = change.change else { return change }
    var sum = 0.0
    for i in 0..<Int(n) { sum += y[i] - x[i] }
    let mean = sum / n
    var squares = 0.0
    for i in 0..<Int(n) {
      let deviation = y[i] - x[i] - mean
      squares += deviation * deviation
    }
    var half = MetricChange.z * (squares / (n - 1)).squareRoot() / n.squareRoot()
    // Differences below 10⁻¹² of the values are floating-point rounding, not a change.
    let scale = max(before.value?.magnitude ?? 0, after.value?.magnitude ?? 0)
    if half <= 1e-12 * scale { half = 0 }
    change.low = centre - half
    change.high = centre + half
    return change
  }

  /// The unpaired change of a metric from the two rows of `summary.csv`.
  static func unpaired(_ before: SummaryMetric, _ after: SummaryMetric) -> MetricChange {
    var change = MetricChange(
      name: before.name, unit: before.unit, before: before, after: after, change: difference(before, after),
      method: RunSummary.exactMetrics.contains(before.name) ? .exact : .unpaired)
    guard change.method == .unpaired, let delta = change.change, let pA = before.value, let pB = after.value,
      let lA = before.ciLow, let uA = before.ciHigh, let lB = after.ciLow, let uB = after.ciHigh
    else { return change }
    if before.unit == MetricUnit.probability.rawValue {
      change.low = delta - ((pB - lB) * (pB - lB) + (uA - pA) * (uA - pA)).squareRoot()
      change.high = delta + ((uB - pB) * (uB - pB) + (pA - lA) * (pA - lA)).squareRoot()
    } else {
      let seA = (uA - lA) / (2 * MetricChange.z)
      let seB = (uB - lB) / (2 * MetricChange.z)
      let half = MetricChange.z * (seA * seA + seB * seB).squareRoot()
      change.low = delta - half
      change.high = delta + half
    }
    return change
  }

  static func difference(_ before: SummaryMetric, _ after: SummaryMetric) -> Double? {
    guard let a = before.value, let b = after.value else { return nil }
    return b - a
  }
}
