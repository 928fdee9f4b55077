import Calibration
import Foundation
import PricePaths

/// Writes a ``Calibration`` as a scenario fragment: `horizon`, `markets` (symbol, price,
/// volatility, returns), `correlation`, and `jumps` or `historical` where the model has
/// them, with comments that give the data range, the method and the standard errors. The
/// markets' rules (margin, depth) and the book and fund are the user's to add.
///
/// Numbers are written in full (Swift's shortest round-tripping form), so the scenario
/// reproduces the fit exactly.
public enum ScenarioFragment {
  /// - Parameters:
  ///   - source: the price file as the user named it, for the comments.
  ///   - historicalPath: the price file relative to where the fragment is written, for the
  ///     `historical.prices` key of an `fhs` fragment.
  ///   - command: the command line that produced it.
  public static func yaml(_ c: Calibration, source: String, historicalPath: String, command: String) -> String {
    let h = c.history
    var out: [String] = []
    func se(_ p: FittedParameter?) -> String { p?.standardError.map { "± \(short($0))" } ?? "(no SE)" }
    out.append("# Calibrated by `\(command)`.")
    out.append(
      "# Data: \(source), \(PriceHistoryFile.isoTime(h.timestamps.first!)) to \(PriceHistoryFile.isoTime(h.timestamps.last!)), "
        + "\(h.timestamps.count) rows at a \(h.interval.plainText) s interval, \(h.returnCount) log-returns "
        + "(\(h.gaps) gap\(h.gaps == 1 ? "" : "s") skipped: returns only between rows one interval apart).")
    out += methodLines(c).map { "# " + $0 }
    out.append("# Standard errors (±) as the method states; every model's fit is in calibration.md.")
    out.append("horizon:")
    out.append("  steps: \(max(1, Int((86_400 / h.interval).rounded())))   # one day; set your own")
    out.append(
      "  step_seconds: \(h.interval.plainText)   # the data's interval\(c.model == .garch || c.model == .fhs ? ": GARCH α and β are per step" : "")"
    )
    out.append("markets:")
    for (i, market) in c.markets.enumerated() {
      out.append("  - symbol: \(market.symbol)")
      out.append("    price: \(market.lastPrice)   # last close")
      let volatility = c.scenarioVolatility(market: i)
      switch c.model {
      case .gbm:
        out.append(
          "    volatility: \(volatility)   # \(volatilityNote(c, market)) \(se(market.gaussian.parameter("volatility")))"
        )
        out.append("    returns: gbm")
      case .studentT:
        let fit = market.studentT!
        out.append("    volatility: \(volatility)   # \(volatilityNote(c, market)) \(se(fit.parameter("volatility")))")
        out.append("    returns: {model: student-t, dof: \(c.commonDof!.value)}")
        out.append(
          "    # own dof \(short(fit.innovationDof!)) \(se(fit.parameter("dof"))); the scenario shares one (see above)")
      case .jumps:
        let crash = c.crashFactor!
        out.append(
          "    volatility: \(volatility)   # \(c.ewmaLambda != nil ? "EWMA" : "sample volatility of the steps without a crash")"
        )
        out.append("    returns: {model: jumps, beta: \(crash.betas[i].value)}   # beta \(se(crash.betas[i]))")
      case .garch, .fhs:
        let g = market.garch!
        let p = g.summary
        out.append(
          "    volatility: \(volatility)   # current conditional volatility √(hₙ₊₁/Δt); \(longRun(g))"
        )
        out.append(
          "    returns: {model: garch, omega: \(g.annualisedOmega), alpha: \(g.filter.alpha), beta: \(g.filter.beta), dof: \(c.commonDof!.value)}"
        )
        out.append(
          "    # omega \(se(p.parameter("omega").map { FittedParameter(name: "omega", value: $0.value / h.intervalYears, standardError: $0.standardError.map { $0 / h.intervalYears }) })) (annualised), "
            + "alpha \(se(p.parameter("alpha"))), beta \(se(p.parameter("beta"))), own dof \(short(g.dof)) \(se(p.parameter("dof")))"
        )
      }
    }
    let n = c.model == .jumps ? h.returnCount - c.crashFactor!.crashRows.count : h.returnCount
    let largest =
      c.correlation.matrix.flatMap { $0 }.filter { $0 < 1 }.map { CorrelationEstimate.standardError($0, count: n) }
      .max() ?? 0
    out.append(
      "# Correlation of the standardised residuals over \(n) rows (SE (1 − ρ²)/√n ≤ \(short(largest)))"
        + (c.correlation.repaired
          ? "; the sample matrix was not positive definite (smallest eigenvalue \(short(c.correlation.sampleSmallestEigenvalue))) and was repaired to the nearest correlation matrix (Higham 2002)."
          : "."))
    if c.model == .fhs {
      out.append("# Historical simulation draws whole rows of residuals, so it does not use this matrix.")
    }
    out.append("correlation:")
    for row in c.correlation.matrix { out.append("  - [\(row.map { "\($0)" }.joined(separator: ", "))]") }
    if let crash = c.crashFactor {
      out.append(
        "# \(crash.crashRows.count) crash steps found; intensity \(short(crash.intensityPerDay.value)) "
          + "\(se(crash.intensityPerDay)) per day, mean \(short(crash.mean.value)) \(se(crash.mean)).")
      out.append("jumps:")
      out.append("  intensity: \(crash.intensityPerDay.value)   # crash jumps per day")
      out.append("  mean: \(crash.mean.value)   # mean log-size of a jump")
      out.append("  stdev: \(crash.stdev.value)")
    }
    if c.model == .fhs {
      out.append("historical:")
      out.append("  prices: \(historicalPath)   # relative to the scenario's folder")
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The long-run volatility, or that there is none at the integrated boundary.
  static func longRun(_ g: GARCHFit) -> String {
    let persistence = g.filter.alpha + g.filter.beta
    guard persistence < 0.999 else {
      return "α + β = \(short(persistence)): integrated, no long-run level to revert to"
    }
    return "long-run \(short((g.filter.omega / (1 - persistence) / g.intervalYears).squareRoot()))"
  }

  static func methodLines(_ c: Calibration) -> [String] {
    let ewma = c.ewmaLambda.map { "; volatility: RiskMetrics EWMA with λ = \($0), at the last row" } ?? ""
    switch c.model {
    case .gbm:
      return [
        "Method: gbm; volatility = sample standard deviation of the log-returns (n − 1), annualised with 365 × 24 h\(ewma)."
      ]
    case .studentT:
      return [
        "Method: Student-t (unit variance) by maximum likelihood in (σ, ν) per market\(ewma);",
        "dof: the common ν \(c.commonDof!.value) ± \(short(c.commonDof!.standardError ?? .nan)) maximising the markets' summed likelihood (one mixing variable per step).",
      ]
    case .jumps:
      return [
        "Method: crash factor by threshold detection (market factor below −\(CrashFactorFit.threshold.plainText) robust SD), "
          + "betas by least squares on the crash steps, diffusion volatility from the other steps\(ewma)."
      ]
    case .garch, .fhs:
      return [
        "Method: GARCH(1,1) with Student-t innovations by maximum likelihood per market (Bollerslev 1986, 1987),",
        "variance started at ω + (α + β)·sample variance; omega annualised (÷ Δt), alpha and beta per step;",
        "dof: the common ν \(c.commonDof!.value) ± \(short(c.commonDof!.standardError ?? .nan)) maximising the markets' summed likelihood.",
      ]
        + (c.model == .fhs
          ? ["Filtered historical simulation (Barone-Adesi et al. 1999): the residuals of these filters, whole rows."]
          : [])
    }
  }

  static func volatilityNote(_ c: Calibration, _ market: MarketCalibration) -> String {
    c.ewmaLambda != nil ? "EWMA (λ = \(c.ewmaLambda!)); sample-volatility SE" : "annualised"
  }

  /// Four significant digits, for comments.
  static func short(_ x: Double) -> String { String(format: "%.4g", x) }
}
