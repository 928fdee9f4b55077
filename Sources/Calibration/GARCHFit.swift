import RealModule

/// GARCH(1,1) with Student-t innovations (Bollerslev 1986, 1987) by maximum likelihood:
/// `xₜ = √hₜ·zₜ`, `zₜ` unit-variance Student-t(ν), `hₜ` from ``GARCHFilter`` with the sample
/// variance as backcast.
///
/// The optimiser (``NelderMead``) works on an unconstrained `θ ∈ ℝ⁴`:
/// `ω = s²·e^{θ₀}`, persistence `p = α + β = (1 − 10⁻⁶)·logistic(θ₁)`, `α = p·logistic(θ₂)`,
/// `β = p − α`, `ν = 2 + e^{θ₃}` (ν ≤ 500), so every trial point is a stationary model
/// with positive variances. It starts at α = 0.05, β = 0.90, ν = 6 and ω = 0.05·s²
/// (long-run variance = sample variance). Standard errors come from the numeric Hessian in
/// `(ω, α, β, ν)` (``NumericHessian``).
///
/// The result carries the forecast `hₙ` of the step after the last return: the current
/// conditional variance, which a scenario uses as its starting volatility.
public struct GARCHFit: Sendable, Equatable {
  /// The per-step filter at the estimate.
  public var filter: GARCHFilter
  /// The innovations' dof.
  public var dof: Double
  /// `hₙ`: the conditional variance of the next step, per step.
  public var nextVariance: Double
  /// One return's interval in years.
  public var intervalYears: Double
  /// The common summary: `omega` (per step), `alpha`, `beta`, `dof` with standard errors.
  public var summary: ModelFit

  /// The largest `α + β` the fit reaches: hourly crypto data often sit at the
  /// integrated-GARCH boundary `α + β = 1` (where `arch` stops too), and a scenario needs
  /// `α + β < 1`.
  public static let maximumPersistence = 1 - 1e-6

  /// Fewer returns than this are refused: GARCH needs enough volatility clusters to see.
  public static let minimumReturns = 250

  /// `ω` as an annualised variance, as a scenario states it (`ω/Δt`).
  public var annualisedOmega: Double { filter.omega / intervalYears }
  /// The annualised volatility of the next step, `√(hₙ/Δt)`.
  public var currentVolatility: Double { (nextVariance / intervalYears).squareRoot() }

  public static func fit(_ series: ReturnSeries) throws -> GARCHFit {
    try series.require(minimumReturns, for: "garch")
    let x = series.values
    let s2 = series.sampleVariance
    // The likelihood is defined wherever the variances stay positive, α + β ≥ 1 included:
    // the Hessian's differences step there when the estimate sits at the boundary. The
    // optimiser's parameterisation keeps it inside.
    func negativeLogLikelihood(_ p: [Double]) -> Double {
      let (omega, alpha, beta, dof) = (p[0], p[1], p[2], p[3])
      guard omega > 0, alpha >= 0, beta >= 0, dof > 2, dof <= 500 else { return .infinity }
      return -GARCHFilter(omega: omega, alpha: alpha, beta: beta)
        .logLikelihood(x, backcast: s2, innovations: StandardisedT(dof: dof))
    }
    func natural(_ theta: [Double]) -> [Double] {
      let persistence = Self.maximumPersistence / (1 + Double.exp(-theta[1]))
      let alpha = persistence / (1 + Double.exp(-theta[2]))
      return [s2 * Double.exp(theta[0]), alpha, persistence - alpha, 2 + Double.exp(theta[3])]
    }
    // α = 0.05, β = 0.90: p = 0.95 → θ₁ = logit(0.95/pₘₐₓ); α/p = 1/19 → θ₂ = −log 18.
    let start = [
      Double.log(0.05), Double.log(0.95 / (Self.maximumPersistence - 0.95)), -Double.log(18), Double.log(4),
    ]
    let result = NelderMead().minimize({ negativeLogLikelihood(natural($0)) }, from: start)
    let estimate = natural(result.point)
    try CalibrationError.checkTailFit(
      result, dof: estimate[3], market: series.symbol, model: "garch",
      fix: "use `--model gbm` or `student-t` for this history, or give a longer one")
    let errors = NumericHessian.standardErrors(negativeLogLikelihood, at: estimate)
    let filter = GARCHFilter(omega: estimate[0], alpha: estimate[1], beta: estimate[2])
    let (variances, next) = filter.variances(x, backcast: s2)
    let names = ["omega", "alpha", "beta", "dof"]
    return GARCHFit(
      filter: filter, dof: estimate[3], nextVariance: next, intervalYears: series.intervalYears,
      summary: ModelFit(
        model: "garch",
        parameters: names.indices.map {
          FittedParameter(name: names[$0], value: estimate[$0], standardError: errors?[$0])
        },
        logLikelihood: -result.value, residuals: zip(x, variances).map { $0 / $1.squareRoot() },
        innovationDof: estimate[3]))
  }
}
