/// One market's log-returns prepared for fitting: demeaned, with their sample statistics.
///
/// Every model here is fitted to `xₜ = rₜ − r̄`, the returns less their sample mean: a
/// stress test does not extrapolate the sample's drift (the scenario's `drift` stays 0), and
/// fixing the mean keeps the models' likelihoods comparable (docs/MODEL.md, "Calibration").
public struct ReturnSeries: Sendable, Equatable {
  /// The market's symbol, for errors.
  public let symbol: String
  /// Demeaned log-returns, in time order.
  public let values: [Double]
  /// The sample mean `r̄` removed.
  public let mean: Double
  /// The sample variance `Σxₜ² / (n − 1)` (numpy's `var(ddof=1)`).
  public let sampleVariance: Double
  /// One return's interval as a fraction of a 365 × 24 h year.
  public let intervalYears: Double

  /// - Throws: ``CalibrationError`` when there are fewer than two returns, or when the
  ///   prices are constant (zero variance: no volatility to fit).
  public init(symbol: String, returns: [Double], intervalYears: Double) throws {
    guard returns.count >= 2 else {
      throw CalibrationError(
        market: symbol, model: nil, problem: "has \(returns.count) returns over consecutive rows",
        fix: "give more rows one interval apart")
    }
    let n = Double(returns.count)
    let mean = returns.reduce(0, +) / n
    let values = returns.map { $0 - mean }
    let variance = values.reduce(0) { $0 + $1 * $1 } / (n - 1)
    guard variance > 0 else {
      throw CalibrationError(
        market: symbol, model: nil, problem: "has constant prices (every return is \(returns[0]))",
        fix: "remove the market, or give a history in which its price moves")
    }
    self.symbol = symbol
    self.values = values
    self.mean = mean
    self.sampleVariance = variance
    self.intervalYears = intervalYears
  }

  /// Number of returns.
  public var count: Int { values.count }

  /// Refuses a series shorter than `minimum` for `model`.
  public func require(_ minimum: Int, for model: String) throws {
    guard count >= minimum else {
      throw CalibrationError(
        market: symbol, model: model, problem: "has \(count) returns, fewer than the \(minimum) the model needs",
        fix: "give a longer history, or choose `--model gbm`")
    }
  }
}

/// A fitted parameter with its standard error (`nil` where the information matrix gives
/// none, e.g. an estimate on the boundary).
public struct FittedParameter: Sendable, Equatable {
  public var name: String
  public var value: Double
  public var standardError: Double?

  public init(name: String, value: Double, standardError: Double?) {
    self.name = name
    self.value = value
    self.standardError = standardError
  }
}

/// What every fitted model reports: its parameters, maximised log-likelihood and the
/// standardised residuals `zₜ = xₜ/√hₜ` with the innovation law they should follow.
public struct ModelFit: Sendable, Equatable {
  /// `gbm`, `student-t` or `garch`.
  public var model: String
  public var parameters: [FittedParameter]
  /// The maximised log-likelihood of the demeaned returns.
  public var logLikelihood: Double
  /// Standardised residuals, in time order.
  public var residuals: [Double]
  /// The innovations' Student-t dof, or `nil` for Gaussian innovations.
  public var innovationDof: Double?

  /// Akaike's information criterion `2k − 2·log L` (Akaike 1974); lower is better.
  public var aic: Double { 2 * Double(parameters.count) - 2 * logLikelihood }

  /// The parameter named `name`.
  public func parameter(_ name: String) -> FittedParameter? { parameters.first { $0.name == name } }
}
