import Foundation

/// `report.md`: the human summary of a run.
///
/// Sections: title with the scenario's name; Scenario (the caller's lines as bullets);
/// Headline (every summary metric with its 95% interval — the numbers are rendered by
/// ``CSVField/format(_:)`` exactly as in `summary.csv`, so they can be compared
/// mechanically); Markets (attribution, rounded for reading; exact values in
/// `markets.csv`); Charts (the SVG files beside the report); Run (paths, seed, threads,
/// version, wall time, command).
public enum MarkdownReport {
  /// File names of the charts linked from the report.
  public static let fanChartFile = "fan_chart.svg"
  public static let pnlHistogramFile = "fund_pnl_histogram.svg"
  public static let marketSharesFile = "market_shares.svg"

  /// The Markdown document.
  ///
  /// - Complexity: O(metrics + markets + scenario lines).
  public static func render(_ summary: RunSummary, context: ReportContext) -> String {
    var lines: [String] = []
    lines.append("# fundstress report: \(inline(context.scenarioName))")
    lines.append("")
    lines.append(
      "\(summary.pathCount) paths, \(context.mechanic) waterfall, \(context.ranking) ADL ranking, "
        + "initial fund \(readable(context.initialFund)) \(inline(context.currency)).")
    lines.append("")

    lines.append("## Scenario")
    lines.append("")
    if context.scenarioLines.isEmpty { lines.append("- (no description supplied)") }
    for line in context.scenarioLines { lines.append("- " + line) }
    lines.append("")

    lines.append("## Headline")
    lines.append("")
    lines.append(
      "Estimates over all paths with 95% confidence intervals (Wilson for probabilities, normal approximation for "
        + "means, order statistics for quantiles, Manistre–Hancock for expected shortfall). Values are exactly those "
        + "of `summary.csv`; an empty cell means not applicable or not identifiable from this many paths.")
    lines.append("")
    lines.append("| Metric | Value | 95% CI low | 95% CI high | Unit | Meaning |")
    lines.append("|---|--:|--:|--:|---|---|")
    for metric in summary.metrics {
      let meaning = MetricDefinition.named(metric.name)?.meaning ?? ""
      let cells = [
        "`\(metric.name)`", CSVField.format(metric.value), CSVField.format(metric.ciLow),
        CSVField.format(metric.ciHigh),
        cell(metric.unit), cell(meaning),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    lines.append("")

    lines.append("## Markets")
    lines.append("")
    lines.append("Per-path means and each market's share of the total; rounded here, exact in `markets.csv`.")
    lines.append("")
    lines.append(
      "| Market | Liquidations | Liquidated notional | Shortfall | Shortfall share | Bad debt | Fund inflow "
        + "| ADL events | ADL notional | ADL share | ADL probability | Max cascade rounds |")
    lines.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for market in summary.markets {
      let cells = [
        cell(market.market), readable(market.liquidationsMean), readable(market.liquidatedNotionalMean),
        readable(market.shortfallMean), percent(market.shortfallShare), readable(market.badDebtMean),
        readable(market.fundInflowMean), readable(market.adlEventsMean), readable(market.adlNotionalMean),
        percent(market.adlShare), percent(market.adlProbability), readable(market.maxCascadeRoundsMean),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    lines.append("")

    lines.append("## Charts")
    lines.append("")
    lines.append("Fund balance over time: 1–99%, 5–95% and 25–75% bands, median and mean, depletion threshold.")
    lines.append("")
    lines.append("![Fund balance fan chart](\(fanChartFile))")
    lines.append("")
    lines.append("Fund P&L (final − initial balance) over paths.")
    lines.append("")
    lines.append("![Fund P&L histogram](\(pnlHistogramFile))")
    lines.append("")
    lines.append("Each market's share of the shortfall paid by the fund and of the notional closed by ADL.")
    lines.append("")
    lines.append("![Market shares of shortfall and ADL](\(marketSharesFile))")
    lines.append("")

    lines.append("## Run")
    lines.append("")
    lines.append("| | |")
    lines.append("|---|---|")
    var metadata: [(String, String)] = [
      ("Paths", String(context.paths)),
      ("Seed", String(context.seed)),
      ("Threads", String(context.threads)),
      ("Version", cell(context.version)),
      ("Wall time", ChartAxis.trimmed(context.wallSeconds, decimals: 2) + " s"),
      ("Markets", cell(context.symbols.joined(separator: ", "))),
      ("Waterfall", cell(context.mechanic)),
      ("ADL ranking", cell(context.ranking)),
      ("Initial fund", CSVField.format(context.initialFund) + " " + cell(context.currency)),
      ("Depletion threshold", CSVField.format(context.depletionThreshold) + " " + cell(context.currency)),
      ("Step", CSVField.format(context.stepSeconds) + " s"),
      ("Command", "`" + context.shellCommand.replacingOccurrences(of: "`", with: "'") + "`"),
    ]
    if let shards = context.shards { metadata.insert(("Shards", String(shards)), at: 3) }
    if let quantiles = context.quantiles { metadata.insert(("Quantiles", cell(quantiles)), at: 2) }
    for (key, value) in metadata { lines.append("| \(key) | \(value) |") }
    lines.append("")
    return lines.joined(separator: "\n")
  }

  /// A number rounded for reading: 4 significant digits, `k`/`M`/`B` above 10,000;
  /// `–` when not applicable.
  public static func readable(_ value: Double?) -> String {
    guard let value else { return "–" }
    guard value.isFinite else { return value.description }
    if value == 0 { return "0" }
    if value.magnitude >= 1e4 { return ChartAxis.compactLabel(value) }
    return ChartAxis.trimmed(value, decimals: max(0, 3 - value.magnitude.log10Floor))
  }

  /// A share as a percentage with one decimal; `–` when not applicable.
  public static func percent(_ value: Double?) -> String {
    guard let value else { return "–" }
    return ChartAxis.trimmed(value * 100, decimals: 1) + "%"
  }

  /// Text safe inside a table cell (`|` escaped, line breaks flattened).
  static func cell(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "|": result += "\\|"
      case "\n", "\r", "\r\n": result += " "
      default: result.append(character)
      }
    }
    return result
  }

  /// Text safe on one line (line breaks flattened).
  static func inline(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
  }
}
