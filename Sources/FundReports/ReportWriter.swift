import Foundation

/// Writes a run's report files into a directory.
///
/// Files: `summary.csv`, `markets.csv`, `fund_quantiles.csv`, `report.md`, `report.html`,
/// `fan_chart.svg`, `fund_pnl_histogram.svg`, `market_shares.svg`, `run.json`, and `funds.csv`
/// under a fund scope other than shared.
/// `paths.csv` is streamed separately by the caller with ``PathsTable``. The directory is
/// created if needed; atomic replacement of the whole folder is the caller's business
/// (write into a temporary folder, then rename).
public enum ReportWriter {
  /// File names, as written.
  public enum File {
    public static let summary = "summary.csv"
    public static let paths = "paths.csv"
    public static let pathsGzip = "paths.csv.gz"
    public static let markets = "markets.csv"
    public static let fundQuantiles = "fund_quantiles.csv"
    /// Under a fund scope other than shared only (``FundsTable``).
    public static let funds = "funds.csv"
    public static let report = "report.md"
    public static let html = "report.html"
    public static let runJSON = "run.json"
    public static let fanChart = MarkdownReport.fanChartFile
    public static let pnlHistogram = MarkdownReport.pnlHistogramFile
    public static let marketShares = MarkdownReport.marketSharesFile
  }

  /// Summarises `statistics` and writes every report file.
  ///
  /// - Returns: the summary (for `--fail-if` checks and console output).
  /// - Throws: file-system errors, or an encoding error from the resolved scenario.
  @discardableResult
  public static func write(_ statistics: RunStatistics, context: ReportContext, to directory: URL) throws -> RunSummary
  {
    let summary = RunSummary(statistics: statistics, currency: context.currency, identicalPaths: context.identicalPaths)
    var context = context
    context.quantiles = context.quantiles ?? statistics.quantileMode.description
    try write(summary: summary, context: context, to: directory)
    if let funds = statistics.funds {
      try Data(FundsTable.csv(funds, symbols: statistics.symbols).utf8)
        .write(to: directory.appendingPathComponent(File.funds))
    }
    return summary
  }

  /// Writes every report file for an already computed summary.
  public static func write(summary: RunSummary, context: ReportContext, to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let document = ReportDocument.run(summary, context: context)
    var texts: [(String, String)] = [
      (File.summary, RunTables.summaryCSV(summary)),
      (File.markets, RunTables.marketsCSV(summary)),
      (File.fundQuantiles, RunTables.fundQuantilesCSV(summary)),
      (File.report, MarkdownReport.render(document)),
      (File.html, HTMLReport.render(document)),
    ]
    for case .chart(let file, _, let svg) in document.blocks { texts.append((file, svg)) }
    for (name, text) in texts {
      try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    try RunJSON.data(summary, context: context).write(to: directory.appendingPathComponent(File.runJSON))
  }
}
