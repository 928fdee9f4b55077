/// The chart of one metric across a sweep's cells: for one varied key a line through the
/// cells' values with its 95% band, for two a heatmap (first key across, second key down)
/// with each cell's value written in it.
public enum SweepChart {
  static let colour = "#1f77b4"

  /// The SVG document for `metric` (a row metric of `report`).
  ///
  /// - Complexity: O(cells).
  public static func svg(_ report: SweepReport, metric: String) -> String {
    report.keys.count == 2 ? heatmap(report, metric: metric) : line(report, metric: metric)
  }

  static func label(_ metric: String, _ value: Double) -> String {
    metric.hasSuffix("probability") ? ChartAxis.trimmed(value, decimals: 4) : ChartAxis.compactLabel(value)
  }

  static func line(_ report: SweepReport, metric: String) -> String {
    let values = report.values.first ?? []
    let rows = values.indices.compactMap { report.row(cell: String($0), metric: metric) }
    let numbers = rows.flatMap { [$0.value.low, $0.value.value, $0.value.high].compactMap { $0 } }
    let count = Double(max(values.count, 1))
    let frame = ChartFrame(
      xAxis: ChartAxis(lower: -0.5, upper: count - 0.5, step: 1),
      yAxis: ChartAxis(minimum: min(0, numbers.min() ?? 0), maximum: max(numbers.max() ?? 1, 1e-9), target: 6))
    let title = "\(metric) against \(report.keys.first ?? "")"
    var canvas = SVGCanvas(width: frame.width, height: frame.height, title: title)
    frame.draw(
      on: &canvas, title: title, xTitle: report.keys.first ?? "", yTitle: metric,
      xLabel: { index in
        let i = Int(index.rounded())
        return values.indices.contains(i) ? values[i] : ""
      }, yLabel: { label(metric, $0) })
    frame.drawBand(rows.enumerated().map { (x: Double($0), estimate: $1.value) }, colour: colour, on: &canvas)
    return canvas.render()
  }

  static func heatmap(_ report: SweepReport, metric: String) -> String {
    let across = report.values[0]
    let down = report.values[1]
    let width = 800.0
    let height = 420.0
    let left = 150.0
    let top = 62.0
    let cellWidth = (width - left - 24) / Double(across.count)
    let cellHeight = (height - top - 56) / Double(down.count)
    let title = "\(metric): \(report.keys[0]) × \(report.keys[1])"
    var canvas = SVGCanvas(width: width, height: height, title: title)
    canvas.text(title, x: width / 2, y: 24, anchor: "middle", size: 15, bold: true)
    let cells = (0..<(across.count * down.count)).map { report.row(cell: String($0), metric: metric)?.value.value }
    let known = cells.compactMap { $0 }
    let lowest = known.min() ?? 0
    let highest = known.max() ?? 1
    for (i, a) in across.enumerated() {
      canvas.text(a, x: left + (Double(i) + 0.5) * cellWidth, y: height - 30, anchor: "middle", size: 12)
      for (j, b) in down.enumerated() {
        if i == 0 { canvas.text(b, x: left - 8, y: top + (Double(j) + 0.5) * cellHeight + 4, anchor: "end", size: 12) }
        // Cells are numbered with the second key varying fastest.
        guard let value = cells[i * down.count + j] else { continue }
        let share = highest > lowest ? (value - lowest) / (highest - lowest) : 0.5
        let x = left + Double(i) * cellWidth
        let y = top + Double(j) * cellHeight
        canvas.rect(
          x: x, y: y, width: cellWidth - 2, height: cellHeight - 2, fill: "#d62728", opacity: 0.1 + 0.8 * share)
        canvas.text(label(metric, value), x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle", size: 12)
      }
    }
    canvas.text(report.keys[0], x: left + (width - left - 24) / 2, y: height - 10, anchor: "middle", size: 12)
    canvas.text(report.keys[1], x: 18, y: top + (height - top - 56) / 2, anchor: "middle", size: 12, rotation: -90)
    return canvas.render()
  }
}
