import RealModule

/// The Student-t distribution with `ν > 2` degrees of freedom scaled to unit variance, the
/// innovation law of the `student-t` and GARCH-t models (Bollerslev 1987):
///
///     log f(z) = log Γ((ν+1)/2) − log Γ(ν/2) − ½·log(π(ν − 2)) − ((ν+1)/2)·log(1 + z²/(ν − 2))
///
/// A return `x` with variance `h` then has log-density `log f(x/√h) − ½·log h`. Its CDF is
/// that of Student's t at `z·√(ν/(ν − 2))`, through the regularised incomplete beta
/// function: `F_t(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½)` for `t ≥ 0` (Abramowitz & Stegun 26.7.1).
public struct StandardisedT: Sendable, Equatable {
  public let dof: Double
  /// `log Γ((ν+1)/2) − log Γ(ν/2) − ½·log(π(ν − 2))`.
  public let logNormaliser: Double

  public init(dof: Double) {
    self.dof = dof
    logNormaliser =
      Double.logGamma((dof + 1) / 2) - Double.logGamma(dof / 2) - 0.5 * Double.log(Double.pi * (dof - 2))
  }

  /// `log f(z)` of a unit-variance value.
  @inline(__always)
  public func logDensity(_ z: Double) -> Double {
    logNormaliser - 0.5 * (dof + 1) * Double.log(onePlus: z * z / (dof - 2))
  }

  /// `P(Z ≤ z)`.
  public func cdf(_ z: Double) -> Double {
    let t = z * (dof / (dof - 2)).squareRoot()
    let tail = 0.5 * IncompleteBeta.regularized(x: dof / (dof + t * t), a: dof / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// The `p`-quantile, by bisection on ``cdf(_:)`` to 10⁻¹² (the CDF is monotone).
  public func quantile(_ p: Double) -> Double {
    var low = -1.0
    var high = 1.0
    while cdf(low) > p { low *= 2 }
    while cdf(high) < p { high *= 2 }
    for _ in 0..<200 where high - low > 1e-12 {
      let mid = 0.5 * (low + high)
      if cdf(mid) < p { low = mid } else { high = mid }
    }
    return 0.5 * (low + high)
  }
}

/// The standard normal distribution's CDF and quantile, for the Gaussian models' residuals.
public enum StandardNormal {
  /// `Φ(z) = ½·erfc(−z/√2)`.
  public static func cdf(_ z: Double) -> Double { 0.5 * Double.erfc(-z / 2.0.squareRoot()) }

  /// `Φ⁻¹(p)` by bisection on ``cdf(_:)`` to 10⁻¹².
  public static func quantile(_ p: Double) -> Double {
    var low = -40.0
    var high = 40.0
    for _ in 0..<200 where high - low > 1e-12 {
      let mid = 0.5 * (low + high)
      if cdf(mid) < p { low = mid } else { high = mid }
    }
    return 0.5 * (low + high)
  }
}

/// The regularised incomplete beta function `I_x(a, b)` by its continued fraction, evaluated
/// with the modified Lentz method (Press et al., *Numerical Recipes* 3rd ed. §6.4), using the
/// symmetry `I_x(a, b) = 1 − I_{1−x}(b, a)` where the fraction converges slowly.
enum IncompleteBeta {
  static func regularized(x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront =
      Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b) + a * Double.log(x) + b
      * Double.log(onePlus: -x)
    if x < (a + 1) / (a + b + 2) {
      return Double.exp(logFront) * fraction(x: x, a: a, b: b) / a
    }
    return 1 - Double.exp(logFront) * fraction(x: 1 - x, a: b, b: a) / b
  }

  private static func fraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return h
  }
}
