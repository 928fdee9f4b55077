/// How well standardised residuals follow a model's innovation law: the Kolmogorov–Smirnov
/// statistic and the points of a QQ plot.
///
/// `D = supₓ |Fₙ(x) − F(x)|` with `Fₙ` the empirical CDF, evaluated at the order statistics
/// on both sides of each step (Kolmogorov 1933). The parameters are estimated from the same
/// data, so the classical p-values would be too generous (Lilliefors 1967); ``statistic``
/// is reported for comparing models, not as a test.
public struct GoodnessOfFit: Sendable, Equatable {
  /// The KS statistic `D`.
  public let statistic: Double
  /// The sorted residuals.
  public let sorted: [Double]
  /// The innovations' dof, `nil` for Gaussian.
  public let dof: Double?

  public static let maxPoints = 400

  /// - Parameters:
  ///   - residuals: standardised residuals.
  ///   - dof: the Student-t dof of the innovations, `nil` for Gaussian ones.
  /// - Complexity: O(n log n) for the sort, plus O(n) CDF evaluations.
  public init(residuals: [Double], dof: Double?) {
    let sorted = residuals.sorted()
    let n = Double(sorted.count)
    let t = dof.map { StandardisedT(dof: $0) }
    func cdf(_ z: Double) -> Double { t?.cdf(z) ?? StandardNormal.cdf(z) }
    var d = 0.0
    for (k, z) in sorted.enumerated() {
      let f = cdf(z)
      d = max(d, Double(k + 1) / n - f, f - Double(k) / n)
    }
    statistic = d
    self.sorted = sorted
    self.dof = dof
  }

  /// QQ points `(F⁻¹((k − ½)/n), z₍ₖ₎)` for at most ``maxPoints`` evenly spaced `k`, both
  /// tails' extreme points always kept.
  ///
  /// - Complexity: O(``maxPoints``) quantiles, each a bisection on the CDF.
  public var quantiles: [(theoretical: Double, sample: Double)] {
    let t = dof.map { StandardisedT(dof: $0) }
    let count = sorted.count
    let n = Double(count)
    let stride = max(1, count / Self.maxPoints)
    var indices = Array(Swift.stride(from: 0, to: count, by: stride))
    if indices.last != count - 1 { indices.append(count - 1) }
    return indices.map { k in
      let p = (Double(k) + 0.5) / n
      return (t?.quantile(p) ?? StandardNormal.quantile(p), sorted[k])
    }
  }
}
