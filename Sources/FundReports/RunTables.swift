/// The small CSV tables of a run, rendered from a ``RunSummary``: `summary.csv`,
/// `markets.csv` and `fund_quantiles.csv`. Numbers and quoting follow ``CSVField``.
public enum RunTables {
  /// Columns of `summary.csv`.
  public static let summaryColumns = ["metric", "value", "ci_low", "ci_high", "unit"]

  /// `summary.csv`: one row per metric, long format.
  ///
  /// - Complexity: O(metrics).
  public static func summaryCSV(_ summary: RunSummary) -> String {
    var text = CSVField.record(summaryColumns)
    for metric in summary.metrics {
      text += CSVField.record([
        CSVField.quoted(metric.name), CSVField.format(metric.value), CSVField.format(metric.ciLow),
        CSVField.format(metric.ciHigh), CSVField.quoted(metric.unit),
      ])
    }
    return text
  }

  /// `markets.csv`: one row per market (columns ``MarketSummary/columns``).
  ///
  /// - Complexity: O(markets).
  public static func marketsCSV(_ summary: RunSummary) -> String {
    var text = CSVField.record(MarketSummary.columns)
    for market in summary.markets {
      text += CSVField.record([CSVField.quoted(market.market)] + market.numbers.map(CSVField.format))
    }
    return text
  }

  /// `fund_quantiles.csv`: one row per checkpoint (columns ``FundQuantileRow/columns``).
  ///
  /// - Complexity: O(checkpoints).
  public static func fundQuantilesCSV(_ summary: RunSummary) -> String {
    var text = CSVField.record(FundQuantileRow.columns)
    for row in summary.fundQuantiles {
      text += CSVField.record(
        [String(row.step), CSVField.format(row.hours)] + row.quantiles.map(CSVField.format) + [
          CSVField.format(row.mean)
        ])
    }
    return text
  }
}
