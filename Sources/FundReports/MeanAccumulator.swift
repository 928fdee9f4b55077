/// The running count, sum and sum of squares of a sample, from which its mean and a
/// normal-approximation confidence interval for the mean follow.
///
/// Values are accumulated as deviations `d = x − K` from a fixed reference `K` chosen when
/// the accumulator is created (the "shifted data" algorithm; Chan, Golub & LeVeque, *The
/// American Statistician* 37(3), 1983). Choosing `K` near the data — the initial fund for
/// fund balances, zero for counts and losses — keeps `Σd²` free of cancellation; a sample
/// that never leaves `K` has variance exactly 0. Sums are ``ExactSum``s, so merging
/// partial accumulators in any grouping gives bit-identical results.
///
/// With `n` values, `S₁ = Σd` and `S₂ = Σd²`:
///
///     mean      x̄ = K + S₁/n
///     variance  s² = (S₂ − S₁²/n) / (n − 1)         (clamped at 0)
///     95% CI    x̄ ± z·s/√n,  z = 1.959964
///
/// The interval is the large-sample (central limit theorem) interval; it needs `n ≥ 2`, and
/// for heavily skewed quantities (bad debt, ADL notional: mostly zeros and a few large
/// values) it is only trustworthy when the number of non-zero values is itself large.
///
/// - Complexity: ``add(_:)`` and ``merge(_:)`` O(1); the state is 72 bytes.
public struct MeanAccumulator: Sendable, Hashable, Codable {
  public let reference: Double
  public private(set) var count: Int = 0
  @usableFromInline var sum = ExactSum()
  @usableFromInline var sumOfSquares = ExactSum()

  /// - Parameter reference: the shift `K`; any fixed value works, one near the data is best.
  public init(reference: Double = 0) {
    self.reference = reference
  }

  /// - Complexity: O(1).
  public mutating func add(_ value: Double) {
    let deviation = value - reference
    count += 1
    sum.add(deviation)
    sumOfSquares.add(deviation * deviation)
  }

  /// Adds `copies` observations equal to `value`, as the terms `copies·d` and `copies·d²`
  /// (so the result is a function of the multiset, not of the order of additions).
  ///
  /// - Complexity: O(1).
  public mutating func add(_ value: Double, count copies: Int) {
    guard copies > 0 else { return }
    let deviation = value - reference
    let n = Double(copies)
    count += copies
    sum.add(deviation * n)
    sumOfSquares.add(deviation * deviation * n)
  }

  /// Appends another accumulator's sample. Both must share the same reference.
  ///
  /// - Complexity: O(1).
  public mutating func merge(_ other: MeanAccumulator) {
    precondition(reference == other.reference, "merging means with different references")
    count += other.count
    sum.merge(other.sum)
    sumOfSquares.merge(other.sumOfSquares)
  }

  /// The sample mean, `nil` for an empty sample.
  public var mean: Double? {
    guard count > 0 else { return nil }
    return reference + sum.value / Double(count)
  }

  /// The unbiased sample variance `s²`, `nil` with fewer than two values.
  public var variance: Double? {
    guard count > 1 else { return nil }
    let n = Double(count)
    let s1 = sum.value
    return max(0, (sumOfSquares.value - s1 * s1 / n) / (n - 1))
  }

  /// The mean with its normal-approximation interval `x̄ ± z·s/√n` (no interval for n < 2).
  public func estimate(z: Double = normalQuantile975) -> Estimate {
    guard let mean else { return .notApplicable }
    guard let variance else { return Estimate(value: mean) }
    let half = z * (variance / Double(count)).squareRoot()
    if half == 0 { return Estimate(value: mean, low: mean, high: mean) }
    return Estimate(value: mean, low: mean - half, high: mean + half)
  }
}
