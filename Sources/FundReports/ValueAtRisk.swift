/// Value at risk of the insurance fund.
///
/// A path's **fund loss** is `L = initial − final` fund balance (positive when the fund lost
/// money; inflows from penalties make it negative). `VaR_α` is the α-quantile of `L` over
/// paths — the loss exceeded on a fraction `1 − α` of paths — estimated by the type-7
/// sample quantile (``EmpiricalQuantile``), with the distribution-free order-statistic
/// interval of ``OrderStatisticInterval``:
///
///     VaR̂_α = Q₇(α) of L₍₁₎ ≤ … ≤ L₍ₙ₎,     95% CI [L₍ⱼ₎, L₍ₖ₎],
///     j = ⌊nα − z√(nα(1 − α))⌋,  k = ⌈nα + z√(nα(1 − α))⌉
///
/// A bound whose rank falls outside `1…n` is not available (too few paths in the tail).
///
/// The same estimator gives the **drawdown quantile** `Q₇(0.99)` of `initial − min fund`:
/// the fund a venue would have needed to stay solvent on 99% of paths, *ignoring feedback*
/// (a larger fund changes when ADL starts and thus the paths themselves). When the waterfall
/// never lets the balance fall below the depletion threshold (ADL takes over there), the
/// drawdown saturates at `initial − threshold`: a value equal to that reads "at least the
/// whole fund", not "exactly the fund".
public enum ValueAtRisk {
  /// `VaR_α` and its interval from losses sorted ascending.
  ///
  /// - Parameters:
  ///   - sortedLosses: per-path losses, ascending.
  ///   - level: α in [0, 1], e.g. 0.99.
  /// - Complexity: O(1).
  public static func estimate<C: RandomAccessCollection<Double>>(
    sortedLosses: C, level: Double, z: Double = normalQuantile975
  ) -> Estimate where C.Index == Int {
    OrderStatisticInterval.quantileEstimate(sorted: sortedLosses, p: level, z: z)
  }
}
