/// Error-free transformations of floating-point sums and products, and an accurate sum of a
/// list of doubles, for the few places where a result must not depend on
/// cancellation (``MeanAccumulator``'s mean and variance).
///
/// * `twoSum(a, b)` returns `(s, e)` with `s = fl(a + b)` and `s + e = a + b` exactly
///   (Knuth, *TAOCP* vol. 2, §4.2.2, Theorem B; no branch, any order of magnitudes).
/// * `twoProduct(a, b)` returns `(p, e)` with `p = fl(a·b)` and `p + e = a·b` exactly,
///   the error from one fused multiply-add (Ogita, Rump & Oishi, "Accurate sum and dot
///   product", SIAM J. Sci. Comput. 26(6), 2005, Algorithm 3.5), barring underflow.
/// * `accurateSum(terms)` sums by Shewchuk's non-overlapping partials ("Adaptive precision
///   floating-point arithmetic", Discrete Comput. Geom. 18, 1997; the `msum` of Python's
///   `math.fsum`): the partials represent the sum exactly, and adding them from the
///   smallest up gives it within one ulp — exactly 0 when the terms cancel exactly.
enum ErrorFreeArithmetic {
  @inline(__always)
  static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
    let s = a + b
    let bb = s - a
    return (s, (a - (s - bb)) + (b - bb))
  }

  @inline(__always)
  static func twoProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
    let p = a * b
    return (p, (-p).addingProduct(a, b))
  }

  /// - Complexity: O(n·k) for `n` terms and `k` partials (k ≤ 40 for doubles; a handful
  ///   here).
  static func accurateSum(_ terms: [Double]) -> Double {
    var partials: [Double] = []
    for term in terms {
      var x = term
      var kept = 0
      for var y in partials {
        if x.magnitude < y.magnitude { swap(&x, &y) }
        let high = x + y
        let low = y - (high - x)
        if low != 0 {
          partials[kept] = low
          kept += 1
        }
        x = high
      }
      partials.removeSubrange(kept...)
      partials.append(x)
    }
    // Non-overlapping and increasing in magnitude: smallest first.
    return partials.reduce(0, +)
  }
}
