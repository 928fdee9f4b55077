import RealModule

/// Calibrates a scenario's markets to a price history: per market the constant-volatility
/// Gaussian, Student-t and GARCH(1,1)-t models by maximum likelihood (``GaussianFit``,
/// ``StudentTFit``, ``GARCHFit``), the correlation of the chosen model's standardised
/// residuals (``CorrelationEstimate``), and for `jumps` the common crash factor
/// (``CrashFactorFit``).
///
/// The chosen model's fit must succeed for every market (its ``CalibrationError`` names
/// the market and the model); the other models are fitted for comparison when they can be,
/// and a failure there is recorded as a note.
///
/// **One dof for the scenario.** A scenario's Student-t markets share one mixing variable
/// per step (docs/MODEL.md), so one ν: the one that maximises the sum of the markets'
/// log-likelihoods with each market's other parameters held at their own estimates (a 1-D
/// profile, ``commonDof``), with its standard error from the profile's curvature.
public struct Calibration: Sendable, Equatable {
  /// The scenario model to calibrate.
  public enum Model: String, Sendable, CaseIterable {
    case gbm
    case studentT = "student-t"
    case jumps
    case garch
    case fhs
  }

  public var model: Model
  public var history: PriceHistory
  public var markets: [MarketCalibration]
  public var correlation: CorrelationEstimate
  /// The shared Student-t dof, for `student-t`, `garch` and `fhs`.
  public var commonDof: FittedParameter?
  /// The crash factor, for `jumps`.
  public var crashFactor: CrashFactorFit?
  /// The EWMA decay used for the volatilities, when asked for.
  public var ewmaLambda: Double?

  /// Fits `model` (and the others for comparison) to `history`.
  ///
  /// - Parameter ewmaLambda: when set, constant-volatility models take the RiskMetrics
  ///   EWMA volatility at the end of the history (``EWMAVolatility``) instead of the sample one.
  /// - Throws: ``CalibrationError``.
  /// - Complexity: O(M² · n) for the correlation, and a few thousand passes over each
  ///   market's n returns for the likelihood fits.
  public init(history: PriceHistory, model: Model, ewmaLambda: Double? = nil) throws {
    let series = try history.symbols.indices.map { i in
      try ReturnSeries(
        symbol: history.symbols[i], returns: history.returns(market: i), intervalYears: history.intervalYears)
    }
    let last = history.lastPrices
    var markets: [MarketCalibration] = []
    for (i, s) in series.enumerated() {
      var notes: [String] = []
      func attempt<T>(_ name: String, required: Bool, _ body: () throws -> T) throws -> T? {
        do {
          return try body()
        } catch let error as CalibrationError where !required {
          notes.append("\(name): \(error.problem)")
          return nil
        }
      }
      let studentT = try attempt("student-t", required: model == .studentT) { try StudentTFit.fit(s) }
      let garch = try attempt("garch", required: model == .garch || model == .fhs) { try GARCHFit.fit(s) }
      markets.append(
        MarketCalibration(
          symbol: s.symbol, lastPrice: last[i], series: s, gaussian: try GaussianFit.fit(s), studentT: studentT,
          garch: garch, ewmaVolatility: ewmaLambda.map { EWMAVolatility.volatility(s, lambda: $0) }, notes: notes))
    }
    var crashFactor: CrashFactorFit?
    let residuals: [[Double]]
    switch model {
    case .gbm: residuals = markets.map(\.gaussian.residuals)
    case .studentT: residuals = markets.map { $0.studentT!.residuals }
    case .garch, .fhs: residuals = markets.map { $0.garch!.summary.residuals }
    case .jumps:
      let fit = try CrashFactorFit.fit(series)
      crashFactor = fit
      let calm = Set(0..<history.returnCount).subtracting(fit.crashRows).sorted()
      residuals = series.map { s in calm.map { s.values[$0] } }
    }
    self.model = model
    self.history = history
    self.markets = markets
    self.correlation = try CorrelationEstimate(residuals: residuals)
    self.crashFactor = crashFactor
    self.ewmaLambda = ewmaLambda
    switch model {
    case .studentT: commonDof = try Self.commonDof(markets, model: "student-t")
    case .garch, .fhs: commonDof = try Self.commonDof(markets, model: "garch")
    case .gbm, .jumps: commonDof = nil
    }
  }

  /// The ν maximising `Σᵢ log Lᵢ(ν)` with each market's scale (Student-t) or `(ω, α, β)`
  /// (GARCH) at its own estimate; 1-D Nelder–Mead on `log(ν − 2)`.
  static func commonDof(_ markets: [MarketCalibration], model: String) throws -> FittedParameter {
    func negativeLogLikelihood(_ dof: Double) -> Double {
      guard dof > 2, dof <= 500 else { return .infinity }
      let t = StandardisedT(dof: dof)
      var total = 0.0
      for market in markets {
        if model == "garch", let g = market.garch {
          total += g.filter.logLikelihood(market.series.values, backcast: market.series.sampleVariance, innovations: t)
        } else if let fit = market.studentT {
          let variance = Double.pow(fit.parameter("volatility")!.value, 2) * market.series.intervalYears
          total += GARCHFilter(omega: variance, alpha: 0, beta: 0)
            .logLikelihood(market.series.values, backcast: 0, innovations: t)
        }
      }
      return -total
    }
    let start = markets.compactMap { model == "garch" ? $0.garch?.dof : $0.studentT?.innovationDof }
    let median = start.sorted()[start.count / 2]
    let result = NelderMead().minimize({ negativeLogLikelihood(2 + Double.exp($0[0])) }, from: [Double.log(median - 2)])
    let dof = 2 + Double.exp(result.point[0])
    guard result.converged, dof < 499 else {
      throw CalibrationError(
        market: nil, model: model, problem: "finds no common degrees of freedom (ν = \(dof))",
        fix: "use `--model gbm` for this history")
    }
    let se = NumericHessian.standardErrors({ negativeLogLikelihood($0[0]) }, at: [dof])?[0]
    return FittedParameter(name: "dof", value: dof, standardError: se)
  }

  /// The annualised volatility the scenario gives market `i`: the current conditional
  /// volatility for GARCH, the EWMA one when asked for, the crash-free diffusion's for
  /// `jumps`, the fitted one otherwise.
  public func scenarioVolatility(market i: Int) -> Double {
    let market = markets[i]
    switch model {
    case .garch, .fhs: return market.garch!.currentVolatility
    case .jumps: return ewmaLambda != nil ? market.ewmaVolatility! : crashFactor!.diffusionVolatilities[i]
    case .studentT: return market.ewmaVolatility ?? market.studentT!.parameter("volatility")!.value
    case .gbm: return market.ewmaVolatility ?? market.gaussian.parameter("volatility")!.value
    }
  }
}
