import Calibration
import Foundation

/// The diagnostics of a calibration: `calibration.md` (per market the log-likelihood, AIC
/// and KS statistic of every model fitted, the parameters with standard errors, the best
/// model by AIC) and `qq_plots.svg` (a QQ plot of the chosen model's standardised
/// residuals against its innovation law, one panel per market).
public enum CalibrationReport {
  public enum File {
    public static let markdown = "calibration.md"
    public static let qqPlots = "qq_plots.svg"
  }

  /// `calibration.md`.
  ///
  /// - Parameters:
  ///   - dataRange: a line describing the data (file, first and last time, rows, interval).
  ///   - command: the command line that produced it.
  public static func markdown(_ c: Calibration, dataRange: String, command: String) -> String {
    var out = ["# Calibration", "", "`\(command)`", "", dataRange, ""]
    out.append("Chosen model: **\(c.model.rawValue)**. Every model is fitted to the demeaned log-returns; ")
    out[out.count - 1] += "AIC = 2k − 2 log L (lower is better); KS is the Kolmogorov–Smirnov distance of the "
    out[out.count - 1] += "standardised residuals from the model's innovation law (normal or unit-variance t)."
    out.append("")
    out.append("| market | model | parameters (± SE) | log L | AIC | KS | best |")
    out.append("|---|---|---|---:|---:|---:|---|")
    for market in c.markets {
      for fit in market.fits {
        let ks = GoodnessOfFit(residuals: fit.residuals, dof: fit.innovationDof).statistic
        let parameters = fit.parameters.map { p in
          "\(p.name) \(short(p.value))" + (p.standardError.map { " ± \(short($0))" } ?? "")
        }.joined(separator: ", ")
        let best = fit.model == market.bestModel ? "✓" : ""
        out.append(
          "| \(market.symbol) | \(fit.model) | \(parameters) | \(fixed(fit.logLikelihood, 1)) | \(fixed(fit.aic, 1)) "
            + "| \(fixed(ks, 4)) | \(best) |")
      }
    }
    out.append("")
    out.append("GARCH `omega` is per step here (the scenario fragment annualises it); volatilities are annualised.")
    let notes = c.markets.flatMap { m in m.notes.map { "* \(m.symbol): \($0)" } }
    if !notes.isEmpty { out += ["", "Not fitted:", ""] + notes }
    if let dof = c.commonDof {
      out += [
        "",
        "Common dof for the scenario: \(short(dof.value))" + (dof.standardError.map { " ± \(short($0))" } ?? "") + ".",
      ]
    }
    if let ewma = c.ewmaLambda {
      out += [
        "",
        "EWMA volatility (λ = \(ewma)): "
          + c.markets.map { "\($0.symbol) \(short($0.ewmaVolatility!))" }.joined(separator: ", ") + ".",
      ]
    }
    let bestCounts = Dictionary(grouping: c.markets, by: \.bestModel).mapValues(\.count)
    out += [
      "",
      "Best model by AIC: "
        + bestCounts.sorted { $0.key < $1.key }.map { "\($0.key) for \($0.value) market\($0.value == 1 ? "" : "s")" }
        .joined(separator: ", ") + ".",
      "",
      "Correlation of the standardised residuals"
        + (c.correlation.repaired ? " (repaired to the nearest correlation matrix)" : "") + ":", "",
      "| | " + c.history.symbols.joined(separator: " | ") + " |",
      "|---|" + String(repeating: "---:|", count: c.history.symbols.count),
    ]
    for (i, row) in c.correlation.matrix.enumerated() {
      out.append("| \(c.history.symbols[i]) | " + row.map { fixed($0, 3) }.joined(separator: " | ") + " |")
    }
    out += ["", "![QQ plots](\(File.qqPlots))", ""]
    return out.joined(separator: "\n")
  }

  /// `qq_plots.svg`: one 240 × 240 panel per market, four to a row, sample quantiles
  /// against the innovation law's, with the 45° line.
  public static func qqPlots(_ c: Calibration) -> String {
    let panel = 240.0
    let columns = min(4, c.markets.count)
    let rows = (c.markets.count + columns - 1) / columns
    var canvas = SVGCanvas(
      width: panel * Double(columns), height: panel * Double(rows) + 30,
      title: "QQ plots of the standardised residuals (\(c.model.rawValue))")
    canvas.text(
      "Standardised residuals against the \(c.model.rawValue) innovation law", x: 10, y: 20, size: 14, bold: true)
    for (index, market) in c.markets.enumerated() {
      let fit = chosenFit(c, market)
      let points = GoodnessOfFit(residuals: fit.residuals, dof: fit.innovationDof).quantiles
      let limit = max(1, points.map { max(abs($0.theoretical), abs($0.sample)) }.max() ?? 1).rounded(.up)
      let left = Double(index % columns) * panel + 30
      let top = Double(index / columns) * panel + 40
      let size = panel - 50
      func x(_ v: Double) -> Double { left + (v + limit) / (2 * limit) * size }
      func y(_ v: Double) -> Double { top + size - (v + limit) / (2 * limit) * size }
      canvas.rect(x: left, y: top, width: size, height: size, fill: "#ffffff", stroke: "#999999")
      canvas.line(x1: x(-limit), y1: y(-limit), x2: x(limit), y2: y(limit), stroke: "#999999", dash: "4 3")
      for p in points {
        canvas.rect(x: x(p.theoretical) - 1.5, y: y(p.sample) - 1.5, width: 3, height: 3, fill: "#1f77b4")
      }
      canvas.text(market.symbol, x: left + 6, y: top + 16, bold: true)
      canvas.text(
        "±\(fixed(limit, 0))", x: left + size - 4, y: top + size - 6, anchor: "end", size: 10, fill: "#666666")
    }
    return canvas.render()
  }

  /// The chosen model's fit for the QQ plot (the crash factor's diffusion is Gaussian).
  static func chosenFit(_ c: Calibration, _ market: MarketCalibration) -> ModelFit {
    switch c.model {
    case .gbm, .jumps: market.gaussian
    case .studentT: market.studentT!
    case .garch, .fhs: market.garch!.summary
    }
  }

  static func short(_ x: Double) -> String { String(format: "%.4g", x) }
  static func fixed(_ x: Double, _ decimals: Int) -> String { ReadableNumber.fixed(x, decimals: decimals) }
}
