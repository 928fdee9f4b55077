import RealModule

/// The parameters of one market's GARCH(1,1) conditional variance (Bollerslev 1986), with
/// Student-t innovations when ``dof`` is set (Bollerslev 1987).
///
/// Per step of length `Δt` (years), with `hₜ` the conditional variance of the step's
/// log-return and `eₜ` a unit-variance innovation:
///
///     rₜ = μΔt − hₜ/2 + √hₜ · eₜ
///     hₜ₊₁ = ω·Δt + α·hₜ·eₜ² + β·hₜ
///
/// ``omega`` is annualised (a variance per year, like `volatility²`), so `ω·Δt` is the
/// per-step constant; ``alpha`` and ``beta`` are per step of the horizon: a fit on hourly
/// data describes an hourly simulation (docs/MODEL.md, "GARCH"). The starting variance
/// `h₁ = σ²Δt` is the market's `volatility`, read as the current conditional volatility.
/// The long-run (unconditional) annualised variance is `ω / (1 − α − β)`.
public struct GARCHParameters: Sendable, Equatable, Codable {
  /// `ω`, annualised variance (> 0).
  public var omega: Double
  /// `α`, the weight of the last squared shock (≥ 0).
  public var alpha: Double
  /// `β`, the weight of the last conditional variance (≥ 0, `α + β < 1`).
  public var beta: Double
  /// Student-t degrees of freedom of the innovations (> 2), `nil` for Gaussian ones.
  public var dof: Double?

  public init(omega: Double, alpha: Double, beta: Double, dof: Double? = nil) {
    self.omega = omega
    self.alpha = alpha
    self.beta = beta
    self.dof = dof
  }

  /// The persistence `α + β`: a shock's effect on the variance decays by this factor per step.
  public var persistence: Double { alpha + beta }

  /// The long-run annualised volatility `√(ω / (1 − α − β))`.
  public var longRunVolatility: Double { (omega / (1 - persistence)).squareRoot() }

  /// Checks `ω`, `α`, `β` and the persistence `α + β` (the degrees of freedom are checked
  /// with the market's, ``MarketModel/validate(index:)``).
  ///
  /// - Throws: ``GARCHError`` for the first value outside its range.
  public func validate() throws(GARCHError) {
    guard omega.isFinite, omega > 0, omega < 2_500 else {
      throw .omega(omega)
    }
    guard alpha.isFinite, alpha >= 0, alpha < 1 else {
      throw .alpha(alpha)
    }
    guard beta.isFinite, beta >= 0, beta < 1 else {
      throw .beta(beta)
    }
    guard persistence < 1 else {
      throw .persistence(persistence)
    }
  }
}
