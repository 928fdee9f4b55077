/// A distribution-free confidence interval for a quantile from order statistics.
///
/// The number of sample values below the true `p`-quantile `ξₚ` is Binomial(n, p), so
/// `[x₍ⱼ₎, x₍ₖ₎]` (1-based order statistics) covers `ξₚ` with probability
/// `P(j ≤ B < k)` for any continuous distribution. Approximating the binomial by a normal
/// (Conover, *Practical Nonparametric Statistics*, 3rd ed., §3.2; Hahn & Meeker,
/// *Statistical Intervals*, 1991, §5.2):
///
///     j = ⌊np − z√(np(1 − p))⌋,   k = ⌈np + z√(np(1 − p))⌉,   z = 1.959964
///
/// A rank outside `1…n` means the sample is too small to bound the quantile on that side
/// (e.g. the upper bound of a 99.9% quantile needs about `n ≥ 4,000`); that bound is then
/// reported as not available rather than replaced by the sample extreme, which would
/// overstate the confidence. For a sample with ties the interval is conservative.
public enum OrderStatisticInterval {
  /// The 1-based ranks `(j, k)` before clamping.
  ///
  /// - Complexity: O(1).
  public static func ranks(count n: Int, p: Double, z: Double = normalQuantile975) -> (low: Int, high: Int) {
    let mean = Double(n) * p
    let spread = z * (mean * (1 - p)).squareRoot()
    return (EmpiricalQuantile.floorSnapped(mean - spread), EmpiricalQuantile.ceilingSnapped(mean + spread))
  }

  /// `[x₍ⱼ₎, x₍ₖ₎]` from an accessor of 0-based ranks into the ascending sample; each bound is
  /// `nil` when its rank falls outside the sample.
  ///
  /// - Complexity: two calls of `value`.
  public static func interval(
    count n: Int, p: Double, z: Double = normalQuantile975, value: (Int) -> Double
  ) -> (low: Double?, high: Double?) {
    guard n > 0 else { return (nil, nil) }
    let (j, k) = ranks(count: n, p: p, z: z)
    let low = j >= 1 && j <= n ? value(j - 1) : nil
    let high = k >= 1 && k <= n ? value(k - 1) : nil
    return (low, high)
  }

  /// The type-7 quantile of an ascending sample with its order-statistic interval.
  ///
  /// - Complexity: O(1).
  public static func quantileEstimate<C: RandomAccessCollection<Double>>(
    sorted: C, p: Double, z: Double = normalQuantile975
  ) -> Estimate where C.Index == Int {
    guard let value = EmpiricalQuantile.type7(sorted, p) else { return .notApplicable }
    let (low, high) = interval(count: sorted.count, p: p, z: z) { sorted[sorted.startIndex + $0] }
    return Estimate(value: value, low: low, high: high)
  }
}
