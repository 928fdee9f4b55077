import RealModule

/// The constant-volatility Gaussian model (`gbm`): `xₜ ~ N(0, σ²Δt)`.
///
/// * Volatility: the sample standard deviation of the returns, annualised,
///   `σ̂ = √(Σxₜ²/(n − 1) / Δt)` — numpy's `std(r, ddof=1)/√Δt` — with the large-sample
///   standard error `σ̂/√(2(n − 1))` (the Gaussian variance estimate's, by the delta method).
/// * Log-likelihood at the maximum-likelihood variance `s² = Σxₜ²/n`:
///   `−(n/2)(log(2πs²) + 1)`; one parameter.
public enum GaussianFit {
  public static func fit(_ series: ReturnSeries) throws -> ModelFit {
    try series.require(2, for: "gbm")
    let n = Double(series.count)
    let volatility = (series.sampleVariance / series.intervalYears).squareRoot()
    let mlVariance = series.sampleVariance * (n - 1) / n
    let logLikelihood = -0.5 * n * (Double.log(2 * Double.pi * mlVariance) + 1)
    let scale = series.sampleVariance.squareRoot()
    return ModelFit(
      model: "gbm",
      parameters: [
        FittedParameter(name: "volatility", value: volatility, standardError: volatility / (2 * (n - 1)).squareRoot())
      ],
      logLikelihood: logLikelihood, residuals: series.values.map { $0 / scale }, innovationDof: nil)
  }
}

/// The RiskMetrics exponentially weighted volatility (J.P. Morgan/Reuters, *RiskMetrics —
/// Technical Document*, 4th ed. 1996, §5.2): `s²ₜ₊₁ = λ·s²ₜ + (1 − λ)·xₜ²`, started at the
/// sample variance and run over every return; the result is the forecast for the step after
/// the last, annualised. λ = 0.94 is RiskMetrics' daily choice.
public enum EWMAVolatility {
  /// The annualised EWMA volatility at the end of the series.
  ///
  /// - Precondition: `0 < lambda < 1`.
  public static func volatility(_ series: ReturnSeries, lambda: Double) -> Double {
    precondition(lambda > 0 && lambda < 1, "λ in (0, 1)")
    var variance = series.sampleVariance
    for x in series.values { variance = lambda * variance + (1 - lambda) * x * x }
    return (variance / series.intervalYears).squareRoot()
  }
}
