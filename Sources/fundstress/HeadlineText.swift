import FundReports

/// The few headline lines `fundstress run` prints after writing the report: the main
/// metrics with their 95% intervals, as in `summary.csv`, and where the report is.
enum HeadlineText {
  static func lines(_ summary: RunSummary, folder: String) -> [String] {
    var lines: [String] = []
    for name in [
      "depletion_probability", "adl_probability", "fund_loss_var_99", "fund_loss_es_99", "liquidations_mean",
      "cascade_rounds_max",
    ] {
      guard let metric = summary[name] else { continue }
      var text = "\(name): \(CSVField.format(metric.value))"
      if metric.ciLow != nil || metric.ciHigh != nil {
        text += " (95% CI \(CSVField.format(metric.ciLow)) to \(CSVField.format(metric.ciHigh)))"
      }
      lines.append(text + " \(metric.unit)")
    }
    lines.append("report: \(folder)/report.md")
    return lines
  }
}
