/// Expected shortfall (conditional tail expectation) of the fund loss.
///
/// For `n` per-path losses and level α, with `k = ⌈n(1 − α)⌉` (at least 1):
///
///     EŜ_α = (1/k) · Σ of the k largest losses
///
/// — the mean loss over the worst `1 − α` of paths (Acerbi & Tasche, *J. Banking & Finance*
/// 26, 2002, for the discrete tail). It is never below `VaR_α`.
///
/// **Interval.** The large-sample variance of the estimator (Manistre & Hancock,
/// "Variance of the CTE estimator", *North American Actuarial Journal* 9(2), 2005) is
///
///     Var(EŜ_α) ≈ [ s²_tail + α·(EŜ_α − v)² ] / (n(1 − α))
///
/// where `s²_tail` is the sample variance of the `k` tail losses and `v` the smallest of
/// them (the empirical VaR); the interval is `EŜ ± z·√Var`, `z = 1.959964`, with `k` in
/// place of `n(1 − α)`. Limits: it is a normal approximation resting on a finite tail
/// variance and on enough tail observations. With fewer than about 30–50 tail paths, or a
/// tail as heavy as Student-t with ν ≤ 4 (infinite fourth moment), it is too narrow; with
/// `k < 2` no interval is reported. It also ignores that the loss distribution here has an
/// atom at the no-liquidation value.
public enum ExpectedShortfall {
  /// The number `k = ⌈n(1 − α)⌉` of tail values averaged (at least 1).
  ///
  /// - Complexity: O(1).
  public static func tailCount(count n: Int, level: Double) -> Int {
    max(1, min(n, EmpiricalQuantile.ceilingSnapped(Double(n) * (1 - level))))
  }

  /// `ES_α` and its interval from losses sorted ascending.
  ///
  /// - Complexity: O(k) for the `k` tail values.
  public static func estimate<C: RandomAccessCollection<Double>>(
    sortedLosses: C, level: Double, z: Double = normalQuantile975
  ) -> Estimate where C.Index == Int {
    let n = sortedLosses.count
    guard n > 0 else { return .notApplicable }
    precondition(level >= 0 && level < 1, "level must lie in [0, 1)")
    let k = tailCount(count: n, level: level)
    let tail = sortedLosses[(sortedLosses.endIndex - k)...]
    var sum = ExactSum()
    for loss in tail { sum.add(loss) }
    let es = sum.value / Double(k)
    guard k >= 2 else { return Estimate(value: es) }
    var squares = ExactSum()
    for loss in tail { squares.add((loss - es) * (loss - es)) }
    let tailVariance = squares.value / Double(k - 1)
    let threshold = tail.first!
    let excess = es - threshold
    let variance = (tailVariance + level * excess * excess) / Double(k)
    let half = z * variance.squareRoot()
    if half == 0 { return Estimate(value: es, low: es, high: es) }
    return Estimate(value: es, low: es - half, high: es + half)
  }
}
