/// The files of `fundstress compare`: `compare.csv` (exact numbers) and `compare.md`
/// (rounded for reading, ``ReadableNumber``), and its headline lines.
public enum ComparisonReport {
  public static let csvFile = "compare.csv"
  public static let markdownFile = "compare.md"

  /// Columns of `compare.csv`.
  public static let columns = [
    "metric", "unit", "method", "value_a", "value_b", "change", "ci_low", "ci_high", "significant",
  ]

  /// `compare.csv`: one row per metric; `significant` is `1`/`0`, empty without interval.
  ///
  /// - Complexity: O(metrics).
  public static func csv(_ comparison: RunComparison) -> String {
    var text = CSVField.record(columns)
    for change in comparison.changes {
      text += CSVField.record([
        CSVField.quoted(change.name), CSVField.quoted(change.unit), change.method.rawValue,
        CSVField.format(change.before.value), CSVField.format(change.after.value), CSVField.format(change.change),
        CSVField.format(change.low), CSVField.format(change.high),
        change.isSignificant.map { $0 ? "1" : "0" } ?? "",
      ])
    }
    return text
  }

  /// `compare.md`.
  ///
  /// - Complexity: O(metrics).
  public static func markdown(_ comparison: RunComparison, a: RunFolder, b: RunFolder) -> String {
    var blocks: [ReportDocument.Block] = [.title("fundstress compare")]
    blocks.append(
      .bullets([
        "A: `\(a.url.path)` — run `\(a.runID)` of \(a.runDate)",
        "B: `\(b.url.path)` — run `\(b.runID)` of \(b.runDate)",
      ]))
    let integer = ReadableNumber(.integer, fitting: [])
    let method =
      comparison.isPaired
      ? "Paired path by path (common random numbers: the same book, seed \(a.seed) and "
        + "\(integer.string(Double(a.paths))) paths), from `paths.csv`, for the probabilities and the means; "
        + "quantiles and expected shortfalls unpaired."
      : "Unpaired, because \(comparison.unpairedReason ?? "the runs differ"): intervals from each run's "
        + "`summary.csv` (Newcombe's score interval for probabilities, normal approximation otherwise)."
    blocks.append(
      .paragraph(
        method + " Changes are B − A (percentage points for probabilities) with 95% intervals; "
          + "significant when the interval excludes 0. Exact values in `compare.csv`."))
    let significant = comparison.changes.filter { $0.isSignificant == true }.map { "`\($0.name)`" }
    blocks.append(
      .paragraph(
        significant.isEmpty
          ? "No metric changed significantly."
          : "Significant changes: " + significant.joined(separator: ", ") + "."))
    blocks.append(
      .table(
        ReportTable(
          header: ["Metric", "A", "B", "Change (B − A)", "95% CI", "Significant", "Method"],
          rightAligned: [false, true, true, true, true, false, false],
          rows: comparison.changes.map(row))))
    return MarkdownReport.render(ReportDocument(blocks: blocks))
  }

  /// One row of the Markdown table.
  static func row(_ change: MetricChange) -> [String] {
    let kind = ReportDocument.kind(ofUnit: change.unit)
    let values = ReadableNumber(
      kind == .integer ? .quantity : kind, fitting: [change.before.value, change.after.value])
    let delta = ReadableNumber(
      intervalOf: kind == .integer ? .quantity : kind, value: change.change, low: change.low, high: change.high)
    let unit = kind == .percent ? "" : " " + change.unit
    return [
      "`\(change.name)`", values.string(change.before.value), values.string(change.after.value),
      change.change == nil ? "–" : signed(delta.string(change.change)) + unit,
      delta.bounds(low: change.low, high: change.high) ?? "–",
      change.isSignificant.map { $0 ? "yes" : "no" } ?? "–", change.method.rawValue,
    ]
  }

  /// The headline lines printed by `fundstress compare`, e.g.
  /// `depletion_probability: 3.30% → 1.20%, change -2.10% (95% CI -2.5 to -1.7%), significant (paired)`.
  public static func headline(_ comparison: RunComparison, metrics: [String]) -> [String] {
    comparison.changes.filter { metrics.contains($0.name) }.map { change in
      let cells = row(change)
      let interval = cells[4] == "–" ? "" : " (95% CI \(cells[4]))"
      let verdict = change.isSignificant.map { $0 ? ", significant" : ", not significant" } ?? ""
      return
        "\(change.name): \(cells[1]) → \(cells[2]), change \(cells[3])\(interval)\(verdict) (\(change.method.rawValue))"
    }
  }

  /// `+` before a positive change.
  static func signed(_ text: String) -> String {
    text.hasPrefix("-") || text == "0" || text.hasPrefix("0%") || text.hasPrefix("<") || text.hasPrefix(">")
      ? text : "+" + text
  }
}
