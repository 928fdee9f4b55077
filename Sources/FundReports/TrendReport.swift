/// The files of `fundstress trend`: the history of scheduled runs in run-date order.
///
/// * `trend.csv` — `run_date,run_id,metric,value,ci_low,ci_high`, one row per run and
///   summary metric (long format, exact numbers as in each `summary.csv`);
/// * `trend.md` — the headline metrics per run, rounded for reading, with each run's
///   `--fail-if` breaches;
/// * `trend.svg` — ``TrendChart``.
public enum TrendReport {
  public static let csvFile = "trend.csv"
  public static let markdownFile = "trend.md"
  public static let chartFile = "trend.svg"
  public static let columns = ["run_date", "run_id", "metric", "value", "ci_low", "ci_high"]

  /// The metrics of `trend.md`'s table.
  public static let tableMetrics = [
    "depletion_probability", "adl_probability", "fund_loss_var_99", "fund_loss_es_99", "shortfall_mean",
  ]

  /// `runs` sorted by run date, then run id.
  ///
  /// - Complexity: O(runs log runs).
  public static func ordered(_ runs: [RunFolder]) -> [RunFolder] {
    runs.sorted { ($0.runDate, $0.runID) < ($1.runDate, $1.runID) }
  }

  /// `trend.csv` of runs already in order.
  ///
  /// - Complexity: O(runs × metrics).
  public static func csv(_ runs: [RunFolder]) -> String {
    var text = CSVField.record(columns)
    for run in runs {
      for metric in run.metrics {
        text += CSVField.record([
          CSVField.quoted(run.runDate), CSVField.quoted(run.runID), CSVField.quoted(metric.name),
          CSVField.format(metric.value), CSVField.format(metric.ciLow), CSVField.format(metric.ciHigh),
        ])
      }
    }
    return text
  }

  /// `trend.md` of runs already in order.
  ///
  /// - Complexity: O(runs × metrics).
  public static func markdown(_ runs: [RunFolder]) -> String { MarkdownReport.render(document(runs)) }

  /// The trend report of runs already in order: its Markdown is ``markdown(_:)``, and its
  /// `.chart` block carries `trend.svg`, drawn once for both.
  ///
  /// - Complexity: O(runs × metrics).
  public static func document(_ runs: [RunFolder]) -> ReportDocument {
    var blocks: [ReportDocument.Block] = [.title("fundstress trend")]
    let first = runs.first?.runDate ?? "–"
    let last = runs.last?.runDate ?? "–"
    blocks.append(
      .paragraph(
        "\(runs.count) runs from \(first) to \(last) (UTC), oldest first. Estimates with 95% intervals, rounded "
          + "for reading; exact values in `trend.csv`."))
    blocks.append(.chart(file: chartFile, alt: "Depletion and ADL probabilities over time", svg: TrendChart.svg(runs)))
    var header = ["Run date (UTC)", "Run id"]
    header += tableMetrics.map { "`\($0)`" }
    header.append("Breached")
    let rows = runs.map { run -> [String] in
      var row = [run.runDate, "`\(run.runID)`"]
      for name in tableMetrics {
        row.append(run[name].map(ReportDocument.readableEstimate) ?? "–")
      }
      let breached = run.failConditions.filter { $0.isBreached(by: run.metrics) }.map { "`\($0.description)`" }
      row.append(breached.isEmpty ? (run.failConditions.isEmpty ? "–" : "no") : breached.joined(separator: ", "))
      return row
    }
    blocks.append(
      .table(
        ReportTable(
          header: header, rightAligned: [false, false] + tableMetrics.map { _ in true } + [false], rows: rows)))
    return ReportDocument(blocks: blocks)
  }
}
