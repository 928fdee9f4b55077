/// The content of a run's report, independent of its file format: `report.md`
/// (``MarkdownReport``) and `report.html` (``HTMLReport``) render the same blocks, so the
/// two files always say the same thing.
///
/// Inline text may hold `` `code` `` spans and `**strong**` spans; renderers translate them.
public struct ReportDocument: Sendable {
  /// One block of the report.
  public enum Block: Sendable, Equatable {
    case title(String)
    case heading(String)
    /// A warning shown prominently (a breached `--fail-if` threshold).
    case alert(String)
    case paragraph(String)
    case bullets([String])
    case table(ReportTable)
    /// A chart: the SVG file beside the report, its alternative text and its document.
    case chart(file: String, alt: String, svg: String)
  }

  public var blocks: [Block]

  public init(blocks: [Block]) { self.blocks = blocks }
}

/// A table of already formatted cells.
public struct ReportTable: Sendable, Equatable {
  public var header: [String]
  /// Numeric columns, right-aligned.
  public var rightAligned: [Bool]
  public var rows: [[String]]

  public init(header: [String], rightAligned: [Bool], rows: [[String]]) {
    self.header = header
    self.rightAligned = rightAligned
    self.rows = rows
  }
}

extension ReportDocument {
  /// File names of the charts beside the report.
  public static let fanChartFile = "fan_chart.svg"
  public static let pnlHistogramFile = "fund_pnl_histogram.svg"
  public static let marketSharesFile = "market_shares.svg"

  /// The report of a run.
  ///
  /// Sections: title; a breach warning when a `--fail-if` threshold was breached; the
  /// opening paragraph in plain words (``ReportNarrative``); the run's date, id and version;
  /// Headline (every summary metric rounded for reading, ``ReadableNumber``); Markets;
  /// Charts; Scenario; Run (metadata and the command); Metric definitions.
  ///
  /// - Complexity: O(metrics + markets + scenario lines + chart size).
  public static func run(_ summary: RunSummary, context: ReportContext) -> ReportDocument {
    var blocks: [Block] = [.title("fundstress report: \(inline(context.scenarioName))")]
    let breached = context.failConditions.filter { $0.isBreached(by: summary) }
    if !breached.isEmpty {
      let lines = breached.map { $0.message(for: summary) }
      blocks.append(.alert("**Threshold breached:** " + lines.joined(separator: "; ") + "."))
    }
    blocks.append(.paragraph(ReportNarrative.opening(summary)))
    blocks.append(
      .paragraph(
        "Run \(context.runDateText) · run id `\(context.runID)` · fundstress \(inline(context.version)) · "
          + "\(ReadableNumber(.integer, fitting: []).string(Double(summary.pathCount))) paths · seed \(context.seed)"))

    blocks.append(.heading("Headline"))
    blocks.append(
      .paragraph(
        "Estimates over all paths with 95% confidence intervals, rounded for reading; exact values in "
          + "`summary.csv` and `run.json`. Probabilities in percent; money in \(inline(context.currency)) "
          + "(K = thousand, M = million, B = billion). Definitions at the end."))
    blocks.append(.table(headlineTable(summary)))

    blocks.append(.heading("Markets"))
    blocks.append(
      .paragraph(
        "Per-path means and each market's share of the all-market total, rounded for reading; exact in `markets.csv`."))
    blocks.append(.table(marketsTable(summary)))
    if !summary.funds.isEmpty {
      blocks.append(.heading("Funds"))
      blocks.append(
        .paragraph(
          "Each insurance fund of the scope, over all paths, rounded for reading; exact in `funds.csv`. "
            + "The headline's depletion is any fund's; its balances are the funds' total."))
      blocks.append(.table(FundsTable.readable(summary)))
    }

    blocks.append(.heading("Charts"))
    let charts: [(String, String, String, String)] = [
      (
        fanChartFile, "Fund balance fan chart",
        "Fund balance over time: 1–99%, 5–95% and 25–75% bands, median and mean, depletion threshold.",
        FanChart.svg(summary)
      ),
      (
        pnlHistogramFile, "Fund P&L histogram",
        "Fund P&L (final − initial balance) over paths; the count axis is logarithmic, so single paths in the tail show.",
        PnLHistogramChart.svg(summary)
      ),
      (
        marketSharesFile, "Market shares of shortfall and ADL",
        "Each market's share of the shortfall paid by the fund and of the notional closed by ADL.",
        MarketShareChart.svg(summary)
      ),
    ]
    for (file, alt, caption, svg) in charts {
      blocks.append(.paragraph(caption))
      blocks.append(.chart(file: file, alt: alt, svg: svg))
    }

    blocks.append(.heading("Scenario"))
    blocks.append(.bullets(context.scenarioLines.isEmpty ? ["(no description supplied)"] : context.scenarioLines))

    blocks.append(.heading("Run"))
    blocks.append(.table(runTable(summary, context: context)))

    blocks.append(.heading("Metric definitions"))
    blocks.append(
      .paragraph(
        "95% intervals: Wilson for probabilities, normal approximation for means, order statistics for quantiles, "
          + "Manistre–Hancock for expected shortfall. “–” means not applicable or not identifiable from this many paths."
      ))
    blocks.append(
      .table(
        ReportTable(
          header: ["Metric", "Unit", "Meaning"], rightAligned: [false, false, false],
          rows: summary.metrics.map { metric in
            ["`\(metric.name)`", metric.unit, MetricDefinition.named(metric.name)?.meaning ?? ""]
          })))
    return ReportDocument(blocks: blocks)
  }

  /// The readable kind of a summary metric's numbers.
  public static func kind(ofUnit unit: String) -> ReadableNumber.Kind {
    switch unit {
    case MetricUnit.probability.rawValue: .percent
    case MetricUnit.paths.rawValue: .integer
    default: .quantity
    }
  }

  /// A summary metric's estimate with its interval in one shared format, the unit after the
  /// value except for probabilities (in percent): `2.66% (95% CI 2.56–2.76%)`,
  /// `48.1M USDC (95% CI 46.2–50.0M)`, `–` without a value
  /// (``ReadableNumber/interval(_:value:low:high:unit:)``).
  static func readableEstimate(_ metric: SummaryMetric) -> String {
    let kind = kind(ofUnit: metric.unit)
    return ReadableNumber.interval(
      kind, value: metric.value, low: metric.ciLow, high: metric.ciHigh, unit: kind == .percent ? "" : metric.unit)
  }

  /// `| Metric | Estimate | 95% CI |`: one row per summary metric, value and interval in one
  /// shared format with the unit after the value.
  static func headlineTable(_ summary: RunSummary) -> ReportTable {
    let rows = summary.metrics.map { metric -> [String] in
      let format = ReadableNumber(
        intervalOf: kind(ofUnit: metric.unit), value: metric.value, low: metric.ciLow, high: metric.ciHigh)
      let unit = metric.unit == MetricUnit.probability.rawValue || metric.value == nil ? "" : " " + metric.unit
      let bounds = format.bounds(low: metric.ciLow, high: metric.ciHigh) ?? "–"
      return ["`\(metric.name)`", format.string(metric.value) + unit, bounds]
    }
    return ReportTable(header: ["Metric", "Estimate", "95% CI"], rightAligned: [false, true, true], rows: rows)
  }

  /// The per-market table: one format per column (``ReadableNumber/init(_:fitting:digits:)``).
  static func marketsTable(_ summary: RunSummary) -> ReportTable {
    let currency = inline(summary.currency)
    let columns: [(String, ReadableNumber.Kind, (MarketSummary) -> Double?)] = [
      ("Liquidations", .quantity, \.liquidationsMean),
      ("Liquidated notional (\(currency))", .quantity, \.liquidatedNotionalMean),
      ("Shortfall (\(currency))", .quantity, \.shortfallMean),
      ("Shortfall share", .percent, \.shortfallShare),
      ("Bad debt (\(currency))", .quantity, \.badDebtMean),
      ("Fund inflow (\(currency))", .quantity, \.fundInflowMean),
      ("ADL events", .quantity, \.adlEventsMean),
      ("ADL notional (\(currency))", .quantity, \.adlNotionalMean),
      ("ADL share", .percent, \.adlShare),
      ("ADL probability", .percent, \.adlProbability),
      ("Deepest cascade, mean (rounds)", .quantity, \.maxCascadeRoundsMean),
    ]
    let formats = columns.map { _, kind, field in ReadableNumber(kind, fitting: summary.markets.map(field)) }
    let rows = summary.markets.map { market in
      [inline(market.market)] + zip(columns, formats).map { column, format in format.string(column.2(market)) }
    }
    return ReportTable(
      header: ["Market"] + columns.map(\.0), rightAligned: [false] + columns.map { _ in true }, rows: rows)
  }

  /// Run metadata: date, id, version, command, paths, seed, threads, wall time, rules.
  static func runTable(_ summary: RunSummary, context: ReportContext) -> ReportTable {
    let money = { (value: Double) in ReadableNumber.single(value, .quantity) + " " + inline(context.currency) }
    var rows: [(String, String)] = [
      ("Run date (UTC)", context.runDateText),
      ("Run id", "`\(context.runID)`"),
      ("Version", "fundstress " + inline(context.version)),
      ("Command", "`" + context.shellCommand.replacingOccurrences(of: "`", with: "'") + "`"),
      ("Paths", ReadableNumber(.integer, fitting: []).string(Double(context.paths))),
      ("Seed", String(context.seed)),
      ("Threads", String(context.threads)),
      ("Wall time", ChartAxis.trimmed(context.wallSeconds, decimals: 2) + " s"),
      ("Markets", inline(context.symbols.joined(separator: ", "))),
      ("Waterfall", inline(context.mechanic)),
      ("ADL ranking", inline(context.ranking)),
      ("Initial fund", money(context.initialFund)),
      ("Depletion threshold", money(context.depletionThreshold)),
      ("Step", ChartAxis.trimmed(context.stepSeconds, decimals: 3) + " s"),
    ]
    if let shards = context.shards { rows.insert(("Shards", String(shards)), at: 7) }
    if let quantiles = context.quantiles { rows.insert(("Quantiles", inline(quantiles)), at: 6) }
    return ReportTable(header: ["", ""], rightAligned: [false, false], rows: rows.map { [$0.0, $0.1] })
  }

  /// Text safe on one line (line breaks flattened).
  static func inline(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
  }
}
