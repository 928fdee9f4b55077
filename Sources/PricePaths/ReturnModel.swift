/// How one market's log-returns are generated (docs/MODEL.md, "Price paths").
public enum ReturnModel: Sendable, Equatable, Codable {
  /// Geometric Brownian motion: `(μ − σ²/2)Δt + σ√Δt·Z`.
  case gbm
  /// Student-t shocks with `dof` degrees of freedom, scaled to unit variance:
  /// `Z·√((ν − 2)/W)` with `W ~ χ²_ν` shared by every Student-t market in a step
  /// (a multivariate t, so tails are joint). Excess kurtosis `6/(ν − 4)` for `ν > 4`.
  case studentT(dof: Double)
  /// Diffusion (Gaussian, or Student-t when `dof` is set) plus the common crash factor
  /// scaled by this market's `beta` (see ``JumpFactor``).
  case jumps(beta: Double, dof: Double?)
  /// GARCH(1,1) conditional variance with Gaussian or Student-t innovations (see
  /// ``GARCHParameters``); the market's `volatility` is the starting conditional volatility.
  /// Student-t innovations share the step's mixing variable with the other Student-t markets.
  case garch(GARCHParameters)

  /// The Student-t degrees of freedom of the diffusion, if any.
  public var dof: Double? {
    switch self {
    case .gbm: nil
    case .studentT(let dof): dof
    case .jumps(_, let dof): dof
    case .garch(let parameters): parameters.dof
    }
  }

  /// The crash-factor loading (0 for models without jumps).
  public var jumpBeta: Double {
    if case .jumps(let beta, _) = self { beta } else { 0 }
  }

  /// The GARCH parameters, for the `garch` model.
  public var garch: GARCHParameters? {
    if case .garch(let parameters) = self { parameters } else { nil }
  }

  /// The scenario name of the model.
  public var name: String {
    switch self {
    case .gbm: "gbm"
    case .studentT: "student-t"
    case .jumps: "jumps"
    case .garch: "garch"
    }
  }
}
