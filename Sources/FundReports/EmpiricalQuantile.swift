/// Sample quantiles of a sorted sample.
///
/// Every quantile in fundstress's outputs uses **Hyndman–Fan type 7** (*The American
/// Statistician* 50(4), 1996), the default of R, NumPy and pandas, so a figure in
/// `summary.csv` can be reproduced from `paths.csv` with `Series.quantile(p)`. For a sorted
/// sample `x₀ ≤ x₁ ≤ … ≤ xₙ₋₁` (0-based) and `0 ≤ p ≤ 1`:
///
///     h = (n − 1)·p,   Q₇(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋)
///
/// (with the second term dropped when `h` is an integer). It interpolates linearly
/// between the order statistics, so `Q₇(0)` is the minimum, `Q₇(1)` the maximum and
/// `Q₇(½)` the usual median.
///
/// The **inverse empirical distribution function** (type 1) is provided for comparison:
/// the smallest sample value `x` with `Fₙ(x) ≥ p`, i.e. the 1-based order statistic
/// `x₍⌈np⌉₎` (`x₍₁₎` for `p = 0`).
///
/// Ranks such as `(n − 1)·0.95` are computed in floating point; a rank within `10⁻⁹` of an
/// integer is snapped to it, so `Q₇(0.95)` of 101 values is exactly `x₉₅` rather than an
/// interpolation a hair short of it.
public enum EmpiricalQuantile {
  /// Hyndman–Fan type 7 quantile of an ascending sample; `nil` for an empty sample.
  ///
  /// - Precondition: `sorted` is ascending and `0 ≤ p ≤ 1`.
  /// - Complexity: O(1).
  public static func type7<C: RandomAccessCollection>(_ sorted: C, _ p: Double) -> Double?
  where C.Element == Double, C.Index == Int {
    let n = sorted.count
    guard n > 0 else { return nil }
    return interpolatedRank(count: n, p: p) { sorted[sorted.startIndex + $0] }
  }

  /// Type 1 (inverse empirical CDF) quantile of an ascending sample; `nil` when empty.
  ///
  /// - Complexity: O(1).
  public static func inverseCDF<C: RandomAccessCollection>(_ sorted: C, _ p: Double) -> Double?
  where C.Element == Double, C.Index == Int {
    let n = sorted.count
    guard n > 0 else { return nil }
    precondition(p >= 0 && p <= 1, "probability must lie in [0, 1]")
    let rank = min(n, max(1, ceilingSnapped(Double(n) * p)))
    return sorted[sorted.startIndex + rank - 1]
  }

  /// Type 7 from an accessor `value(rank)` for 0-based ranks, for samples that are not
  /// stored as arrays (histogram sketches, integer tallies).
  ///
  /// - Complexity: two calls of `value`.
  public static func interpolatedRank(count n: Int, p: Double, value: (Int) -> Double) -> Double {
    precondition(n > 0, "empty sample")
    precondition(p >= 0 && p <= 1, "probability must lie in [0, 1]")
    let h = snapped(Double(n - 1) * p)
    let lower = min(n - 1, Int(h.rounded(.down)))
    let fraction = h - Double(lower)
    let a = value(lower)
    guard fraction > 0, lower + 1 < n else { return a }
    let b = value(lower + 1)
    return a + fraction * (b - a)
  }

  /// `x` rounded to the nearest integer when within `10⁻⁹·max(1, |x|)` of it.
  @inlinable
  public static func snapped(_ x: Double) -> Double {
    let nearest = x.rounded()
    return (x - nearest).magnitude <= 1e-9 * max(1, x.magnitude) ? nearest : x
  }

  /// `⌈x⌉`, treating values within rounding noise of an integer as that integer
  /// (so `⌈1000 × (1 − 0.99)⌉` is 10, not 11).
  @inlinable
  public static func ceilingSnapped(_ x: Double) -> Int { Int(snapped(x).rounded(.up)) }

  /// `⌊x⌋`, with the same snapping.
  @inlinable
  public static func floorSnapped(_ x: Double) -> Int { Int(snapped(x).rounded(.down)) }
}
