import ArgumentParser
import Calibration
import Foundation
import FundReports
import ScenarioFiles

/// `fundstress calibrate`: fit a scenario's markets to a price history and write a scenario
/// fragment and the diagnostics. Reading lives in `ScenarioFiles` (``PriceHistoryFile``,
/// ``ScenarioFragment``), the statistics in `Calibration`, the report in `FundReports`.
struct CalibrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calibrate",
    abstract: "Fit volatilities, tails, GARCH and correlations to a price history; write a scenario fragment.",
    discussion: """
      PRICES is a CSV timestamp,<SYM>,<SYM>,… (ISO 8601 times or Unix seconds, increasing; gaps allowed: \
      returns are taken only between rows one interval apart). The fragment (horizon, markets, correlation, \
      jumps or historical) goes to --out, or to standard output; --report gets calibration.md (log-likelihood, \
      AIC and KS per model, the best model) and qq_plots.svg.
      """)

  @Argument(help: "Price history CSV: timestamp,<SYM>,<SYM>,…")
  var prices: String

  @Option(help: "Model to calibrate: gbm, student-t, jumps, garch or fhs.")
  var model: String = "gbm"

  @Option(help: "Scenario fragment to write (YAML, written atomically; default: standard output).")
  var out: String?

  @Option(help: "Folder for calibration.md and qq_plots.svg (replaced when the calibration completes).")
  var report: String = "reports/calibration"

  @Option(help: "Use the RiskMetrics EWMA volatility with this decay (e.g. 0.94) for constant-volatility models.")
  var ewma: Double?

  func validate() throws {
    guard Calibration.Model(rawValue: model) != nil else {
      throw ValidationError(
        "--model is '\(model)'; choose one of \(Calibration.Model.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    if let ewma, !(ewma > 0 && ewma < 1) {
      throw ValidationError("--ewma is \(ewma); give a decay between 0 and 1, e.g. 0.94")
    }
  }

  func run() throws {
    try withOneLineErrors {
      let url = URL(fileURLWithPath: prices)
      let history = try PriceHistoryFile.read(contentsOf: url, name: prices)
      let calibration: Calibration
      do {
        calibration = try Calibration(history: history, model: Calibration.Model(rawValue: model)!, ewmaLambda: ewma)
      } catch let error as CalibrationError {
        throw CommandLineError("\(prices): \(error)")
      }
      let command = (["fundstress"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
      let outURL = out.map { URL(fileURLWithPath: $0) }
      let fragment = ScenarioFragment.yaml(
        calibration, source: prices,
        historicalPath: Self.relativePath(of: url, from: outURL?.deletingLastPathComponent()), command: command)
      let range =
        "Data: `\(prices)`, \(PriceHistoryFile.isoTime(history.timestamps.first!)) to "
        + "\(PriceHistoryFile.isoTime(history.timestamps.last!)), \(history.timestamps.count) rows, interval "
        + "\(Int(history.interval)) s, \(history.returnCount) returns (\(history.gaps) gap\(history.gaps == 1 ? "" : "s") skipped)."

      let reportStaging = try OutputStaging(destination: URL(fileURLWithPath: report), isDirectory: true)
      let fragmentStaging = try outURL.map { try OutputStaging(destination: $0, isDirectory: false) }
      do {
        try Data(CalibrationReport.markdown(calibration, dataRange: range, command: command).utf8)
          .write(to: reportStaging.staging.appendingPathComponent(CalibrationReport.File.markdown))
        try Data(CalibrationReport.qqPlots(calibration).utf8)
          .write(to: reportStaging.staging.appendingPathComponent(CalibrationReport.File.qqPlots))
        if let fragmentStaging { try Data(fragment.utf8).write(to: fragmentStaging.staging) }
        try reportStaging.commit()
        try fragmentStaging?.commit()
      } catch {
        reportStaging.discard()
        fragmentStaging?.discard()
        throw error
      }
      if outURL == nil { print(fragment, terminator: "") }
    }
  }

  /// `file` relative to `folder` (the current directory when `nil`), for the fragment's
  /// `historical.prices`, which a scenario resolves against its own folder.
  static func relativePath(of file: URL, from folder: URL?) -> String {
    let target = file.standardizedFileURL.pathComponents
    let base = (folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
      .pathComponents
    var common = 0
    while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
    let ups = Array(repeating: "..", count: base.count - common)
    return (ups + target[common...]).joined(separator: "/")
  }
}
