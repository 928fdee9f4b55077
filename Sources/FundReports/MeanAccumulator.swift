/// The running count, sum and sum of squares of a sample, from which its mean and a
/// normal-approximation confidence interval for the mean follow.
///
/// Values are accumulated as deviations `d = x − K` from a fixed reference `K` chosen when
/// the accumulator is created (the "shifted data" algorithm; Chan, Golub & LeVeque, *The
/// American Statistician* 37(3), 1983): the initial fund for fund balances, zero for counts
/// and losses. Every term is kept exactly — `x − K` as a rounded difference and its error
/// (``ErrorFreeArithmetic/twoSum(_:_:)``), `d²` as a rounded product and its error — in
/// ``ExactSum``s, so merging partial accumulators in any grouping gives bit-identical
/// results, and the mean and variance below are evaluated from the exact sums without
/// cancellation: a sample of identical values has variance exactly 0 wherever it lies
/// (a replayed scenario, every path the same, reports a zero-width interval).
///
/// With `n` values, `S₁ = Σd` and `S₂ = Σd²` (exact):
///
///     mean      x̄ = (S₁ + n·K) / n
///     variance  s² = (n·S₂ − S₁²) / (n·(n − 1))
///     95% CI    x̄ ± z·s/√n,  z = 1.959964
///
/// where `n·K`, `n·S₂` and `S₁²` are expanded into exact products before one accurate sum
/// (``ErrorFreeArithmetic/accurateSum(_:)``), so each result is within an ulp or two.
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
    count += 1
    let (d, e) = ErrorFreeArithmetic.twoSum(value, -reference)
    sum.add(d)
    Self.addProduct(d, d, to: &sumOfSquares)
    if e != 0 {
      // (d + e)² = d² + 2de + e²
      sum.add(e)
      Self.addProduct(2 * d, e, to: &sumOfSquares)
      Self.addProduct(e, e, to: &sumOfSquares)
    }
  }

  /// Adds `copies` observations equal to `value`, as the exact terms of `copies·d` and
  /// `copies·d²` (so the result is the same as `copies` calls of ``add(_:)``).
  ///
  /// - Complexity: O(1).
  public mutating func add(_ value: Double, count copies: Int) {
    guard copies > 0 else { return }
    let n = Double(copies)
    count += copies
    let (d, e) = ErrorFreeArithmetic.twoSum(value, -reference)
    Self.addProduct(n, d, to: &sum)
    Self.addProduct(d, d, times: n, to: &sumOfSquares)
    if e != 0 {
      Self.addProduct(n, e, to: &sum)
      Self.addProduct(2 * d, e, times: n, to: &sumOfSquares)
      Self.addProduct(e, e, times: n, to: &sumOfSquares)
    }
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
    let n = Double(count)
    let nK = ErrorFreeArithmetic.twoProduct(n, reference)
    return ErrorFreeArithmetic.accurateSum(sum.exactParts + [nK.product, nK.error]) / n
  }

  /// The unbiased sample variance `s²`, `nil` with fewer than two values.
  public var variance: Double? {
    guard count > 1 else { return nil }
    let n = Double(count)
    let s1 = sum.exactParts
    var terms: [Double] = []
    for part in sumOfSquares.exactParts {
      let (p, e) = ErrorFreeArithmetic.twoProduct(n, part)
      terms += [p, e]
    }
    for a in s1 {
      for b in s1 {
        let (p, e) = ErrorFreeArithmetic.twoProduct(a, b)
        terms += [-p, -e]
      }
    }
    return max(0, ErrorFreeArithmetic.accurateSum(terms) / (n * (n - 1)))
  }

  /// Adds the product `a·b` exactly: its rounded value and its error.
  @inline(__always)
  static func addProduct(_ a: Double, _ b: Double, to total: inout ExactSum) {
    let (p, e) = ErrorFreeArithmetic.twoProduct(a, b)
    total.add(p)
    total.add(e)
  }

  /// Adds `n·(a·b)` exactly: `n` times the rounded product and `n` times its error.
  @inline(__always)
  static func addProduct(_ a: Double, _ b: Double, times n: Double, to total: inout ExactSum) {
    let (p, e) = ErrorFreeArithmetic.twoProduct(a, b)
    addProduct(n, p, to: &total)
    addProduct(n, e, to: &total)
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
