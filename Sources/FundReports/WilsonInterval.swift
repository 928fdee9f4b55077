/// The Wilson score interval for a binomial proportion.
///
/// With `k` successes in `n` trials, `p̂ = k/n` and the normal quantile `z`, the interval is
/// the set of `p` for which `|p̂ − p| ≤ z·√(p(1 − p)/n)` (Wilson, *JASA* 22, 1927):
///
///     centre    = (p̂ + z²/(2n)) / (1 + z²/n)
///     half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²))
///
/// Unlike the Wald interval `p̂ ± z√(p̂(1 − p̂)/n)` it never leaves [0, 1] and does not
/// collapse to a point when `k = 0` or `k = n` — exactly the situation of a rare fund
/// depletion (0 of 10,000 paths gives [0, 0.000384]). Newcombe (*Stat. Med.* 17, 1998,
/// method 3) recommends it; his example 81/263 gives [0.2553, 0.3662].
///
/// - Complexity: O(1).
public enum WilsonInterval {
  /// The interval for `successes` out of `trials`; `nil` when `trials == 0`.
  ///
  /// - Precondition: `0 ≤ successes ≤ trials`.
  public static func interval(successes: Int, trials: Int, z: Double = normalQuantile975) -> ClosedRange<Double>? {
    precondition(successes >= 0 && successes <= trials, "successes must lie in 0…trials")
    guard trials > 0 else { return nil }
    let n = Double(trials)
    let p = Double(successes) / n
    let z2 = z * z
    let denominator = 1 + z2 / n
    let centre = (p + z2 / (2 * n)) / denominator
    let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
    // At k = 0 (k = n) the bound is 0 (1) analytically; pin it against rounding.
    let low = successes == 0 ? 0 : max(0, centre - half)
    let high = successes == trials ? 1 : min(1, centre + half)
    return low...high
  }

  /// The proportion `k/n` with its Wilson interval; not applicable when `n == 0`.
  public static func estimate(successes: Int, trials: Int, z: Double = normalQuantile975) -> Estimate {
    guard let range = interval(successes: successes, trials: trials, z: z) else { return .notApplicable }
    return Estimate(value: Double(successes) / Double(trials), low: range.lowerBound, high: range.upperBound)
  }
}
