/// The fan chart of the fund balance over time (`fan_chart.svg`).
///
/// Bands between the 1–99%, 5–95% and 25–75% quantiles of the balance at each checkpoint
/// (from `fund_quantiles.csv`), the median as a solid line, the mean dashed, and the
/// depletion threshold as a red dashed line. x: hours since the start; y: balance in the
/// margin currency.
public enum FanChart {
  static let bandColour = "#1f77b4"

  /// The SVG document.
  ///
  /// - Complexity: O(checkpoints).
  public static func svg(_ summary: RunSummary, title: String = "Insurance fund balance") -> String {
    let rows = summary.fundQuantiles.filter { row in row.quantiles.allSatisfy { $0 != nil } }
    let values = rows.flatMap { $0.quantiles.compactMap { $0 } } + [summary.depletionThreshold, summary.initialFund]
    let lastHour = rows.last?.hours ?? 1
    let frame = ChartFrame(
      xAxis: ChartAxis.hours(upTo: lastHour > 0 ? lastHour : 1),
      yAxis: ChartAxis(minimum: values.min() ?? 0, maximum: values.max() ?? 1, target: 6))
    var canvas = SVGCanvas(width: frame.width, height: frame.height, title: title)
    frame.draw(
      on: &canvas, title: title, xTitle: "hours", yTitle: "fund balance (\(summary.currency))",
      xLabel: { ChartAxis.trimmed($0, decimals: 2) })

    guard !rows.isEmpty else {
      canvas.text("no paths", x: frame.width / 2, y: frame.height / 2, anchor: "middle", size: 14)
      return canvas.render()
    }
    let levels = FundQuantileRow.levels
    func points(_ level: Double) -> [(x: Double, y: Double)] {
      let index = levels.firstIndex(of: level)!
      return rows.map { (x: frame.x($0.hours), y: frame.y($0.quantiles[index]!)) }
    }
    for (low, high, opacity) in [(0.01, 0.99, 0.15), (0.05, 0.95, 0.22), (0.25, 0.75, 0.32)] {
      canvas.polygon(points(high) + points(low).reversed(), fill: bandColour, opacity: opacity)
    }
    canvas.polyline(points(0.5), stroke: "#0b3d6b", width: 2)
    let means = rows.compactMap { row in row.mean.map { (x: frame.x(row.hours), y: frame.y($0)) } }
    canvas.polyline(means, stroke: "#555555", width: 1.2, dash: "5 4")
    let threshold = frame.y(summary.depletionThreshold)
    canvas.line(
      x1: frame.plotLeft, y1: threshold, x2: frame.plotRight, y2: threshold, stroke: "#d62728", width: 1.5,
      dash: "8 5")
    canvas.text(
      "depletion threshold \(ChartAxis.compactLabel(summary.depletionThreshold))", x: frame.plotRight - 4,
      y: threshold - 5, anchor: "end", size: 11, fill: "#d62728")

    // Legend.
    var legendX = frame.plotLeft + 8
    let legendY = frame.plotTop - 14
    for (label, opacity) in [("1–99%", 0.15), ("5–95%", 0.22), ("25–75%", 0.32)] {
      canvas.rect(x: legendX, y: legendY - 9, width: 18, height: 10, fill: bandColour, opacity: opacity + 0.2)
      canvas.text(label, x: legendX + 22, y: legendY, size: 11)
      legendX += 78
    }
    canvas.line(x1: legendX, y1: legendY - 4, x2: legendX + 18, y2: legendY - 4, stroke: "#0b3d6b", width: 2)
    canvas.text("median", x: legendX + 22, y: legendY, size: 11)
    legendX += 72
    canvas.line(
      x1: legendX, y1: legendY - 4, x2: legendX + 18, y2: legendY - 4, stroke: "#555555", width: 1.2, dash: "5 4")
    canvas.text("mean", x: legendX + 22, y: legendY, size: 11)
    return canvas.render()
  }
}
