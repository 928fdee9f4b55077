import RealModule

/// The GARCH(1,1) variance recursion over a return series (Bollerslev 1986), in per-step
/// units:
///
///     h₀ = ω + (α + β)·v          (v: the backcast, here the sample variance)
///     hₜ = ω + α·xₜ₋₁² + β·hₜ₋₁
///
/// The start is the convention of Python's `arch` package (K. Sheppard), whose
/// `fit(backcast=v)` then filters the same variances. Returns that span a gap in the data
/// are dropped (``PriceHistory``) and the recursion runs over the remaining returns as if
/// consecutive.
public struct GARCHFilter: Sendable, Equatable {
  /// `ω`, per step.
  public var omega: Double
  public var alpha: Double
  public var beta: Double

  public init(omega: Double, alpha: Double, beta: Double) {
    self.omega = omega
    self.alpha = alpha
    self.beta = beta
  }

  /// The conditional variances `h₀ … hₙ₋₁` of the series, and the forecast `hₙ` of the
  /// next step.
  ///
  /// - Complexity: O(n).
  public func variances(_ x: [Double], backcast: Double) -> (variances: [Double], next: Double) {
    var h = omega + (alpha + beta) * backcast
    var out: [Double] = []
    out.reserveCapacity(x.count)
    for v in x {
      out.append(h)
      h = omega + alpha * v * v + beta * h
    }
    return (out, h)
  }

  /// The Student-t log-likelihood `Σ log f(xₜ/√hₜ) − ½·log hₜ` (``StandardisedT``).
  ///
  /// The logarithms of `hₜ` and of `1 + xₜ²/(hₜ(ν − 2))` are summed as the logarithms of
  /// products of eight terms (`log a + log b = log ab`): a quarter of the logarithm calls,
  /// which were most of a fit's time. Eight variances of at least 10⁻³⁸ (a daily volatility
  /// of 10⁻¹⁷) and eight kernels below 10³⁸ each stay inside a `Double`'s range; the
  /// difference from summing the logarithms one by one is rounding.
  ///
  /// - Complexity: O(n), a quarter of a logarithm per return.
  public func logLikelihood(_ x: [Double], backcast: Double, innovations t: StandardisedT) -> Double {
    var h = omega + (alpha + beta) * backcast
    var logVariances = 0.0
    var logKernels = 0.0
    var variances = 1.0
    var kernels = 1.0
    let k = 1 / (t.dof - 2)
    var count = 0
    for v in x {
      let v2 = v * v
      variances *= h
      kernels *= 1 + v2 * k / h
      count += 1
      if count == 8 {
        logVariances += Double.log(variances)
        logKernels += Double.log(kernels)
        variances = 1
        kernels = 1
        count = 0
      }
      h = omega + alpha * v2 + beta * h
    }
    logVariances += Double.log(variances)
    logKernels += Double.log(kernels)
    return Double(x.count) * t.logNormaliser - 0.5 * logVariances - 0.5 * (t.dof + 1) * logKernels
  }
}
