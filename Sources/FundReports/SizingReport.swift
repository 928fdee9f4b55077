import Foundation

/// One balance of the sizing curve: the depletion and ADL probabilities a run at that
/// initial balance gives, with Wilson intervals.
public struct SizingCurveRow: Sendable, Hashable {
  public var balance: Double
  public var depletion: Estimate
  public var adl: Estimate

  public init(balance: Double, depletion: Estimate, adl: Estimate) {
    self.balance = balance
    self.depletion = depletion
    self.adl = adl
  }
}

/// One sizing target's answer, as written to `targets.csv`.
public struct SizingTargetRow: Sendable, Hashable {
  /// As given, e.g. `depletion<=0.01`.
  public var target: String
  /// `depletion_probability` or `adl_probability`.
  public var metric: String
  /// `<=` or `<`.
  public var comparison: String
  public var threshold: Double
  /// `nil` when no balance meets the target.
  public var fundNeeded: Double?
  public var low: Double?
  public var high: Double?
  /// `one-run` or `bisection`.
  public var method: String

  public init(
    target: String, metric: String, comparison: String, threshold: Double, fundNeeded: Double?, low: Double?,
    high: Double?, method: String
  ) {
    self.target = target
    self.metric = metric
    self.comparison = comparison
    self.threshold = threshold
    self.fundNeeded = fundNeeded
    self.low = low
    self.high = high
    self.method = method
  }
}

/// The files of `fundstress size`: `sizing.csv`, `targets.csv`, `sizing_curve.svg`,
/// `size.md` and `run.json`.
public struct SizingReport: Sendable {
  public enum File {
    public static let curve = "sizing.csv"
    public static let targets = "targets.csv"
    public static let chart = "sizing_curve.svg"
    public static let markdown = "size.md"
    public static let json = "run.json"
  }

  public var curve: [SizingCurveRow]
  public var targets: [SizingTargetRow]
  /// The scenario's own balance, marked on the chart.
  public var scenarioBalance: Double
  public var context: ReportContext

  public init(curve: [SizingCurveRow], targets: [SizingTargetRow], scenarioBalance: Double, context: ReportContext) {
    self.curve = curve
    self.targets = targets
    self.scenarioBalance = scenarioBalance
    self.context = context
  }

  public static let curveColumns = [
    "fund_balance", "depletion_probability", "depletion_ci_low", "depletion_ci_high", "adl_probability", "adl_ci_low",
    "adl_ci_high",
  ]
  public static let targetColumns = [
    "target", "metric", "operator", "threshold", "fund_needed", "ci_low", "ci_high", "method",
  ]

  /// `sizing.csv`, one row per balance, ascending.
  public var curveCSV: String {
    curve.reduce(into: CSVField.record(Self.curveColumns)) { $0 += CSVField.record($1.cells.map(\.csvField)) }
  }

  /// `targets.csv`, one row per target, in the order given.
  public var targetsCSV: String {
    targets.reduce(into: CSVField.record(Self.targetColumns)) { $0 += CSVField.record($1.cells.map(\.csvField)) }
  }

  /// Writes every file into `directory`.
  public func write(to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in [
      (File.curve, curveCSV), (File.targets, targetsCSV), (File.chart, SizingCurveChart.svg(self)),
      (File.markdown, markdown),
    ] {
      try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    try json().write(to: directory.appendingPathComponent(File.json))
  }

  /// `size.md`: what was asked, the answers, the chart and how to read them.
  public var markdown: String {
    let currency = context.currency
    func money(_ value: Double?) -> String {
      value.map { "\(ChartAxis.compactLabel($0)) \(currency)" } ?? "—"
    }
    var lines = [
      "# Fund sizing: \(context.scenarioName)", "",
      "\(context.paths) paths, seed \(context.seed); scenario fund \(money(scenarioBalance)), depletion threshold "
        + "\(money(context.depletionThreshold)); waterfall \(context.mechanic).", "",
      "| target | fund needed | 95% CI | method |", "|---|---:|---:|---|",
    ]
    for row in targets {
      let interval = "\(money(row.low)) – \(money(row.high))"
      let needed = row.fundNeeded.map { "\(CSVField.format($0)) \(currency)" } ?? "not reachable"
      lines.append(
        "| \(row.metric) \(row.comparison) \(CSVField.format(row.threshold)) | \(needed) | \(interval) | \(row.method) |"
      )
    }
    lines += [
      "", "![Depletion and ADL probability against the fund balance](\(File.chart))", "",
      "`one-run`: the fund each path needed, from one run whose fund pays every shortfall; the curve equals, path "
        + "by path, what `fundstress run --set fund.balance=F` gives with the same seed and paths. `bisection`: "
        + "full runs at each balance tried, on the same paths. Intervals: the balances whose 95% Wilson interval "
        + "of the probability reaches the target (docs/MODEL.md, \"The fund needed\").", "",
      "Curve: [\(File.curve)](\(File.curve)); targets: [\(File.targets)](\(File.targets)).", "",
      "Reproduce: `\(context.shellCommand)`", "",
    ]
    return lines.joined(separator: "\n")
  }

  /// `run.json` of a sizing: metadata, targets, the curve and the resolved scenario.
  public func json() throws -> Data { try reportJSON(Document(report: self)) }

  private struct Document: Encodable {
    let report: SizingReport
    enum Keys: String, CodingKey { case format, formatVersion = "format_version", metadata, targets, curve, scenario }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      try c.encode("fundstress-size", forKey: .format)
      try c.encode(1, forKey: .formatVersion)
      try c.encode(ContextMetadata(context: report.context), forKey: .metadata)
      try c.encode(
        report.targets.map { Row(columns: SizingReport.targetColumns, values: $0.cells) }, forKey: .targets)
      try c.encode(report.curve.map { Row(columns: SizingReport.curveColumns, values: $0.cells) }, forKey: .curve)
      try c.encode(report.context.resolvedScenario.map(AnyEncodable.init), forKey: .scenario)
    }
  }
}

extension SizingCurveRow {
  /// The row's cells under ``SizingReport/curveColumns``, for `sizing.csv` and `run.json`.
  var cells: [Cell] {
    [balance, depletion.value, depletion.low, depletion.high, adl.value, adl.low, adl.high].map(Cell.number)
  }
}

extension SizingTargetRow {
  /// The row's cells under ``SizingReport/targetColumns``, for `targets.csv` and `run.json`.
  var cells: [Cell] {
    [
      .text(target), .text(metric), .text(comparison), .number(threshold), .number(fundNeeded), .number(low),
      .number(high), .text(method),
    ]
  }
}
