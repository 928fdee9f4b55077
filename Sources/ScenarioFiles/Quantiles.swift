extension ScenarioCheck {
  /// A few quantiles of a sample, for describing a book (leverage, distance to liquidation).
  ///
  /// Quantiles are the linear interpolation between order statistics (Hyndman–Fan type 7,
  /// the default of R and NumPy): for probability `p` and sorted values `x₀ … xₙ₋₁`,
  /// `h = (n − 1)·p`, `Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋)`.
  public struct Quantiles: Sendable, Equatable, Encodable {
    /// Sample size.
    public var count: Int
    public var min: Double
    public var p10: Double
    public var p25: Double
    public var median: Double
    public var p75: Double
    public var p90: Double
    public var max: Double

    /// The quantiles of `values`, or `nil` when there are none (NaNs are ignored).
    ///
    /// - Complexity: O(n log n).
    public init?(_ values: [Double]) {
      let sorted = values.filter { !$0.isNaN }.sorted()
      guard !sorted.isEmpty else { return nil }
      count = sorted.count
      min = sorted[0]
      p10 = Self.quantile(sorted, 0.10)
      p25 = Self.quantile(sorted, 0.25)
      median = Self.quantile(sorted, 0.50)
      p75 = Self.quantile(sorted, 0.75)
      p90 = Self.quantile(sorted, 0.90)
      max = sorted[sorted.count - 1]
    }

    /// The type-7 quantile of already sorted, non-empty values, `p ∈ [0, 1]`.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
      precondition(!sorted.isEmpty && (0...1).contains(p))
      let h = Double(sorted.count - 1) * p
      let lower = Int(h.rounded(.down))
      let upper = Swift.min(lower + 1, sorted.count - 1)
      return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
  }
}
