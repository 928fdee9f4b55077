import Foundation

/// One row of `sweep.csv`: a metric of one cell, its interval, and its paired difference
/// from the base run.
public struct SweepRow: Sendable, Hashable {
  /// The cell's number (0-based, keys varying fastest last), or `base`.
  public var cell: String
  /// The value of each varied key in this cell, as given (`x0.5`, `2e7`).
  public var keyValues: [String]
  public var metric: String
  public var value: Estimate
  public var difference: Estimate
  public var unit: String

  public init(cell: String, keyValues: [String], metric: String, value: Estimate, difference: Estimate, unit: String) {
    self.cell = cell
    self.keyValues = keyValues
    self.metric = metric
    self.value = value
    self.difference = difference
    self.unit = unit
  }
}

/// The files of `fundstress sweep`: `sweep.csv` (long format), `sweep.md` with one chart per
/// charted metric (a line chart with 95% bands for one key, a heatmap for two), and
/// `run.json`.
public struct SweepReport: Sendable {
  public enum File {
    public static let csv = "sweep.csv"
    public static let markdown = "sweep.md"
    public static let json = "run.json"
    /// The chart of a metric: `sweep_depletion_probability.svg`.
    public static func chart(_ metric: String) -> String { "sweep_\(metric).svg" }
  }

  /// The metrics charted in `sweep.md`.
  public static let chartedMetrics = ["depletion_probability", "adl_probability", "fund_loss_es_99"]

  /// The varied keys, in `--vary` order.
  public var keys: [String]
  /// Each key's values, in the order given.
  public var values: [[String]]
  /// The base run's rows (the scenario's own values), or empty when the base is a cell.
  public var rows: [SweepRow]
  /// Which cell is the base, if one is.
  public var baseCell: Int?
  public var context: ReportContext

  public init(keys: [String], values: [[String]], rows: [SweepRow], baseCell: Int?, context: ReportContext) {
    self.keys = keys
    self.values = values
    self.rows = rows
    self.baseCell = baseCell
    self.context = context
  }

  public var columns: [String] {
    ["cell"] + keys + [
      "metric", "value", "ci_low", "ci_high", "diff_vs_base", "diff_ci_low", "diff_ci_high", "unit",
    ]
  }

  /// `sweep.csv`.
  public var csv: String {
    rows.reduce(into: CSVField.record(columns)) { $0 += CSVField.record($1.cells.map(\.csvField)) }
  }

  /// The row of `metric` in cell `cell` (a number or `base`).
  public func row(cell: String, metric: String) -> SweepRow? {
    rows.first { $0.cell == cell && $0.metric == metric }
  }

  /// Writes every file into `directory`.
  public func write(to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var files = [(File.csv, csv), (File.markdown, markdown)]
    for metric in Self.chartedMetrics { files.append((File.chart(metric), SweepChart.svg(self, metric: metric))) }
    for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
    try json().write(to: directory.appendingPathComponent(File.json))
  }

  /// `sweep.md`: the cells' headline metrics with their paired differences, and the charts.
  public var markdown: String {
    func number(_ value: Double?) -> String { value.map { ChartAxis.compactLabel($0) } ?? "—" }
    func probability(_ value: Double?) -> String { value.map { String(format: "%.4g", $0) } ?? "—" }
    var lines = [
      "# What-if sweep: \(context.scenarioName)", "",
      "\(context.paths) paths, seed \(context.seed); every cell on the same paths and book (common random "
        + "numbers). Differences are against the scenario's own values"
        + (baseCell.map { " (cell \($0))" } ?? " (the `base` rows)") + ", paired path by path: their 95% "
        + "intervals are much narrower than the cells' own.", "",
      "| cell | " + keys.map { "`\($0)`" }.joined(separator: " | ")
        + " | depletion | Δ depletion (95% CI) | ADL | Δ ADL (95% CI) | ES 99% | Δ ES 99% (95% CI) |",
      "|---|" + keys.map { _ in "---|" }.joined() + "---:|---:|---:|---:|---:|---:|",
    ]
    let cells = rows.map(\.cell).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    for cell in cells {
      guard let first = rows.first(where: { $0.cell == cell }) else { continue }
      var line = "| \(cell) | " + first.keyValues.joined(separator: " | ")
      for metric in Self.chartedMetrics {
        guard let row = row(cell: cell, metric: metric) else { continue }
        let format = metric.hasSuffix("probability") ? probability : number
        line +=
          " | \(format(row.value.value)) | \(format(row.difference.value)) "
          + "(\(format(row.difference.low)) – \(format(row.difference.high)))"
      }
      lines.append(line + " |")
    }
    lines.append("")
    for metric in Self.chartedMetrics {
      lines += ["![\(metric)](\(File.chart(metric)))", ""]
    }
    lines += [
      "All metrics: [\(File.csv)](\(File.csv)). Reproduce: `\(context.shellCommand)`", "",
    ]
    return lines.joined(separator: "\n")
  }

  /// `run.json` of a sweep.
  public func json() throws -> Data { try reportJSON(Document(report: self)) }

  private struct Document: Encodable {
    let report: SweepReport
    enum Keys: String, CodingKey {
      case format, formatVersion = "format_version", metadata, vary, baseCell = "base_cell", rows, scenario
    }
    struct Axis: Encodable {
      let key: String
      let values: [String]
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      try c.encode("fundstress-sweep", forKey: .format)
      try c.encode(1, forKey: .formatVersion)
      try c.encode(ContextMetadata(context: report.context), forKey: .metadata)
      try c.encode(zip(report.keys, report.values).map { Axis(key: $0, values: $1) }, forKey: .vary)
      try c.encode(report.baseCell, forKey: .baseCell)
      let columns = report.columns
      try c.encode(report.rows.map { Row(columns: columns, values: $0.cells) }, forKey: .rows)
      try c.encode(report.context.resolvedScenario.map(AnyEncodable.init), forKey: .scenario)
    }
  }
}

extension SweepRow {
  /// The row's cells under ``SweepReport/columns``, for `sweep.csv` and `run.json`.
  var cells: [Cell] {
    ([cell] + keyValues + [metric]).map(Cell.text)
      + [value.value, value.low, value.high, difference.value, difference.low, difference.high].map(Cell.number)
      + [.text(unit)]
  }
}
