/// A point estimate with an optional two-sided confidence interval.
///
/// `nil` means "not applicable" or "not identifiable from this sample" (for instance the
/// upper confidence bound of a 99.9% quantile from 1,000 paths, or the median time to
/// depletion when no path was depleted). Writers render `nil` as an empty field.
public struct Estimate: Sendable, Hashable, Codable {
  public var value: Double?
  public var low: Double?
  public var high: Double?

  public init(value: Double?, low: Double? = nil, high: Double? = nil) {
    self.value = value
    self.low = low
    self.high = high
  }

  /// No value and no interval.
  public static let notApplicable = Estimate(value: nil)
}

/// The two-sided standard-normal quantile used for every 95% interval in the reports:
/// `z = Φ⁻¹(0.975) = 1.959964…` (rounded to the seven digits usually tabulated).
public let normalQuantile975 = 1.959964
