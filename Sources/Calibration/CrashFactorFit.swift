import RealModule

/// The common crash factor of the `jumps` model (intensity, mean, stdev, betas) from a
/// price history, by threshold detection on an equally weighted market factor:
///
/// 1. each market's demeaned returns are scaled by a robust scale, `zₖ,ᵢ = xₖ,ᵢ/ŝᵢ` with
///    `ŝᵢ = 1.4826·MAD(xᵢ)` (the median absolute deviation, consistent for the normal
///    standard deviation and not inflated by the crashes it is looking for);
/// 2. the factor `fₖ = meanᵢ zₖ,ᵢ` is scaled the same way, and a step is a crash when
///    `fₖ < −4·1.4826·MAD(f)`: a fall of the whole market beyond four robust standard
///    deviations (downward only: the factor models crashes);
/// 3. at the `K` crash steps the jump is the equally weighted return `Jₖ = meanᵢ xₖ,ᵢ`;
///    `intensity = K / days of data`, `mean` and `stdev` (ddof 1) are those of the `Jₖ`,
///    and `βᵢ = Σₖ xₖ,ᵢ Jₖ / Σₖ Jₖ²`, least squares through the origin (so the betas average
///    exactly 1);
/// 4. the diffusion volatility of each market is the sample volatility of the other steps.
///
/// Standard errors: Poisson `√K/days` for the intensity, `stdev/√K` for the mean, and the
/// regression's `√(Σe²/(K − 1) / ΣJ²)` for each beta (none with a single crash).
/// A threshold method of this kind is the usual first step of jump detection in returns
/// (e.g. Lee & Mykland, Rev. Financial Studies 21 (2008), with the market factor in place
/// of a single series).
public struct CrashFactorFit: Sendable, Equatable {
  public var intensityPerDay: FittedParameter
  public var mean: FittedParameter
  public var stdev: FittedParameter
  /// One beta per market, in market order.
  public var betas: [FittedParameter]
  /// The indices (into the return rows) of the crash steps.
  public var crashRows: [Int]
  /// Annualised volatility of each market over the other steps.
  public var diffusionVolatilities: [Double]

  /// The threshold in robust standard deviations of the factor.
  public static let threshold = 4.0

  public static func fit(_ series: [ReturnSeries]) throws -> CrashFactorFit {
    let n = series[0].count
    let m = series.count
    let scales = series.map { 1.4826 * medianAbsoluteDeviation($0.values) }
    var factor = [Double](repeating: 0, count: n)
    for (i, s) in series.enumerated() {
      guard scales[i] > 0 else {
        throw CalibrationError(
          market: s.symbol, model: "jumps", problem: "has no spread in most of its returns (MAD 0)",
          fix: "give a history in which the price moves at most steps")
      }
      for k in 0..<n { factor[k] += s.values[k] / scales[i] / Double(m) }
    }
    let cut = -threshold * 1.4826 * medianAbsoluteDeviation(factor)
    let crashes = (0..<n).filter { factor[$0] < cut }
    guard !crashes.isEmpty else {
      throw CalibrationError(
        market: nil, model: "jumps",
        problem: "finds no common crash (no step where the market factor falls 4 robust standard deviations)",
        fix: "use `--model student-t` or `garch` for this history")
    }
    let jumps = crashes.map { k in series.reduce(0) { $0 + $1.values[k] } / Double(m) }
    let count = Double(crashes.count)
    let mean = jumps.reduce(0, +) / count
    let stdev = crashes.count > 1 ? (jumps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)).squareRoot() : 0
    let sumJ2 = jumps.reduce(0) { $0 + $1 * $1 }
    let days = Double(n) * series[0].intervalYears * 365
    let betas = series.map { s -> FittedParameter in
      let beta = zip(crashes, jumps).reduce(0) { $0 + s.values[$1.0] * $1.1 } / sumJ2
      let rss = zip(crashes, jumps).reduce(0) { acc, pair in
        let e = s.values[pair.0] - beta * pair.1
        return acc + e * e
      }
      return FittedParameter(
        name: "beta", value: beta, standardError: crashes.count > 1 ? (rss / (count - 1) / sumJ2).squareRoot() : nil)
    }
    let crashSet = Set(crashes)
    let diffusion = series.map { s -> Double in
      let rest = (0..<n).filter { !crashSet.contains($0) }.map { s.values[$0] }
      let mean = rest.reduce(0, +) / Double(rest.count)
      let variance = rest.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rest.count - 1)
      return (variance / s.intervalYears).squareRoot()
    }
    return CrashFactorFit(
      intensityPerDay: FittedParameter(
        name: "intensity", value: count / days, standardError: count.squareRoot() / days),
      mean: FittedParameter(
        name: "mean", value: mean, standardError: crashes.count > 1 ? stdev / count.squareRoot() : nil),
      stdev: FittedParameter(name: "stdev", value: stdev, standardError: nil),
      betas: betas, crashRows: crashes, diffusionVolatilities: diffusion)
  }

  /// The median of `|xₖ − median(x)|`.
  static func medianAbsoluteDeviation(_ x: [Double]) -> Double {
    func median(_ v: [Double]) -> Double {
      let s = v.sorted()
      return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
    }
    let center = median(x)
    return median(x.map { abs($0 - center) })
  }
}
