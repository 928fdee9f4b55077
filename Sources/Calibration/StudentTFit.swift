import RealModule

/// The constant-volatility Student-t model (`student-t`): `xₜ = σ√Δt·zₜ` with `zₜ`
/// unit-variance Student-t (``StandardisedT``), fitted by maximum likelihood in `(σ², ν)`.
///
/// The optimiser (``NelderMead``) works on `(log(σ²Δt / s²), log(ν − 2))`, unconstrained,
/// started at the sample variance `s²` and ν = 6; ν is kept below 500 (beyond it the data
/// are Gaussian to any precision that matters here). Standard errors come from the
/// numeric Hessian in `(σ²Δt, ν)` (``NumericHessian``), carried to the annualised volatility
/// by the delta method, `SE(σ) = SE(σ²Δt)/(2σΔt)`.
public enum StudentTFit {
  /// Fewer returns than this are refused: the tail index needs a sample with tails.
  public static let minimumReturns = 50

  public static func fit(_ series: ReturnSeries) throws -> ModelFit {
    try series.require(minimumReturns, for: "student-t")
    let x = series.values
    let s2 = series.sampleVariance
    // The constant-variance case of the GARCH likelihood: ω = variance, α = β = 0.
    func negativeLogLikelihood(variance: Double, dof: Double) -> Double {
      guard variance > 0, dof > 2, dof <= 500 else { return .infinity }
      return -GARCHFilter(omega: variance, alpha: 0, beta: 0)
        .logLikelihood(x, backcast: 0, innovations: StandardisedT(dof: dof))
    }
    let result = NelderMead().minimize(
      { negativeLogLikelihood(variance: s2 * Double.exp($0[0]), dof: 2 + Double.exp($0[1])) },
      from: [0, Double.log(4)])
    let variance = s2 * Double.exp(result.point[0])
    let dof = 2 + Double.exp(result.point[1])
    try CalibrationError.checkTailFit(
      result, dof: dof, market: series.symbol, model: "student-t",
      fix: "use `--model gbm` for this history, or give a longer one")
    let errors = NumericHessian.standardErrors(
      { negativeLogLikelihood(variance: $0[0], dof: $0[1]) }, at: [variance, dof])
    let dt = series.intervalYears
    let volatility = (variance / dt).squareRoot()
    let scale = 1 / variance.squareRoot()
    return ModelFit(
      model: "student-t",
      parameters: [
        FittedParameter(
          name: "volatility", value: volatility, standardError: errors.map { $0[0] / (2 * volatility * dt) }),
        FittedParameter(name: "dof", value: dof, standardError: errors?[1]),
      ],
      logLikelihood: -result.value, residuals: x.map { $0 * scale }, innovationDof: dof)
  }
}
