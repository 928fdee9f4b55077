/// Fund balance quantiles at one checkpoint (`fund_quantiles.csv`, the fan chart).
///
/// Quantiles come from the checkpoint's ``HistogramSketch`` (type-7 definition, within one
/// bin width of the exact sample quantile, exact for point masses); the mean is exact.
public struct FundQuantileRow: Sendable, Hashable, Codable {
  public var step: Int
  public var hours: Double
  /// Balances at ``levels``, in order.
  public var quantiles: [Double?]
  public var mean: Double?

  /// The probability levels of ``quantiles``: 1, 5, 25, 50, 75, 95, 99%.
  public static let levels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]
  /// Column names of `fund_quantiles.csv`, in order.
  public static let columns = ["step", "hours", "p01", "p05", "p25", "p50", "p75", "p95", "p99", "mean"]

  public init(step: Int, hours: Double, quantiles: [Double?], mean: Double?) {
    self.step = step
    self.hours = hours
    self.quantiles = quantiles
    self.mean = mean
  }

  /// The balance at `level` (one of ``levels``).
  public func quantile(_ level: Double) -> Double? {
    guard let index = Self.levels.firstIndex(of: level) else { return nil }
    return quantiles[index]
  }

  /// One row per checkpoint.
  ///
  /// - Complexity: O(checkpoints × bins).
  public static func rows(_ statistics: RunStatistics) -> [FundQuantileRow] {
    zip(statistics.checkpointSteps, statistics.checkpointSketches).map { step, sketch in
      FundQuantileRow(
        step: step, hours: statistics.hours(atStep: step), quantiles: sketch.quantiles(levels), mean: sketch.mean)
    }
  }
}

/// One bar of a histogram: values in `[lower, upper)` (the last bar includes `upper`).
public struct HistogramBar: Sendable, Hashable, Codable {
  public var lower: Double
  public var upper: Double
  public var count: Int

  public init(lower: Double, upper: Double, count: Int) {
    self.lower = lower
    self.upper = upper
    self.count = count
  }

  /// `bins` equal-width bars spanning `values` (one bar when all values are equal).
  ///
  /// - Complexity: O(values).
  public static func bars<C: Collection<Double>>(_ values: C, bins: Int = 40) -> [HistogramBar] {
    guard let low = values.min(), let high = values.max() else { return [] }
    guard high > low, bins > 1 else { return [HistogramBar(lower: low, upper: high, count: values.count)] }
    let width = (high - low) / Double(bins)
    var counts = Array(repeating: 0, count: bins)
    for value in values {
      counts[min(bins - 1, Int((value - low) / width))] += 1
    }
    return counts.indices.map { index in
      HistogramBar(
        lower: low + Double(index) * width, upper: index == bins - 1 ? high : low + Double(index + 1) * width,
        count: counts[index])
    }
  }
}
