import FundReports

/// What `fundstress run` prints after writing the report: the opening paragraph in plain
/// words, the main metrics rounded for reading with their 95% intervals (exact values in
/// `summary.csv`), and where the report is.
enum HeadlineText {
  static let metrics = [
    "depletion_probability", "adl_probability", "fund_loss_var_99", "fund_loss_es_99", "liquidations_mean",
    "cascade_rounds_max",
  ]

  static func lines(_ summary: RunSummary, folder: String) -> [String] {
    var lines: [String] = []
    lines.append(plain(ReportNarrative.opening(summary)) + "\n")
    for name in metrics {
      guard let metric = summary[name] else { continue }
      let kind = ReportDocument.kind(ofUnit: metric.unit)
      let unit = kind == .percent ? "" : metric.unit
      lines.append(
        "\(name): "
          + ReadableNumber.interval(kind, value: metric.value, low: metric.ciLow, high: metric.ciHigh, unit: unit))
    }
    lines.append("report: \(folder)/report.md (and report.html)")
    return lines
  }

  /// Markdown inline text as plain text (`**` removed).
  static func plain(_ text: String) -> String { text.replacingOccurrences(of: "**", with: "") }
}
