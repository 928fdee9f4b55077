/// How a run keeps the per-path fund losses and drawdowns behind its VaR, expected
/// shortfall and drawdown quantiles.
///
/// * ``exact``: every value, 16 bytes a path (two `Double`s); quantiles are the exact
///   type-7 sample quantiles.
/// * ``sketch(relativeAccuracy:)``: a ``RelativeErrorSketch`` per quantity, memory
///   independent of the number of paths (tens of kilobytes); every order statistic is
///   within `α` of the exact one in relative terms, so a VaR is within `α` of the exact
///   sample VaR (relative to the larger of the two order statistics it interpolates), and
///   an expected shortfall within `α` of the mean tail magnitude. The confidence intervals
///   are computed the same way from the sketched order statistics.
///
/// ``automatic(paths:)`` picks exact up to ``exactLimit`` paths (320 MB of per-path
/// values) and the sketch above.
public enum QuantileMode: Sendable, Hashable, Codable, CustomStringConvertible {
  case exact
  case sketch(relativeAccuracy: Double)

  /// Runs of more paths than this use the sketch by default: 20 000 000 paths (320 MB).
  public static let exactLimit = 20_000_000

  /// The sketch of runs and merges, `α = 0.001` (``RelativeErrorSketch/runAccuracy``).
  public static let sketch = QuantileMode.sketch(relativeAccuracy: RelativeErrorSketch.runAccuracy)

  /// Exact up to ``exactLimit`` paths, the sketch above.
  public static func automatic(paths: Int) -> QuantileMode { paths <= exactLimit ? .exact : .sketch }

  /// How a report states it, e.g. `exact` or `sketch, relative error ≤ 0.1%`.
  public var description: String {
    switch self {
    case .exact: "exact"
    case .sketch(let accuracy):
      "sketch, relative error ≤ \(CSVField.format(accuracy * 100))% (DDSketch log buckets)"
    }
  }
}
