/// `trend.svg`: the depletion and ADL probabilities of scheduled runs over time, each run a
/// point with its 95% interval as a vertical bar, the `--fail-if` thresholds on these two
/// probabilities (of the latest run that has any) as dashed lines.
///
/// x: the runs in run-date order, evenly spaced and labelled with their date (UTC; the time
/// when all runs are on one day); y: the
/// probability in percent, from 0 to the largest upper bound or threshold.
public enum TrendChart {
  static let series = [("depletion_probability", "depletion", "#d62728"), ("adl_probability", "ADL", "#8172b3")]

  /// The SVG document of runs already in run-date order.
  ///
  /// - Complexity: O(runs).
  public static func svg(_ runs: [RunFolder], title: String = "Depletion and ADL probability per run") -> String {
    let thresholds = (runs.last { !$0.failConditions.isEmpty }?.failConditions ?? []).filter { condition in
      series.contains { $0.0 == condition.metric }
    }
    let values = runs.flatMap { run in series.compactMap { run[$0.0]?.ciHigh ?? run[$0.0]?.value } }
    let top = max(values.max() ?? 0, thresholds.map(\.threshold).max() ?? 0, 0.001)
    let frame = ChartFrame(
      xAxis: ChartAxis(lower: -0.5, upper: Double(max(runs.count, 1)) - 0.5, step: 1),
      yAxis: ChartAxis(minimum: 0, maximum: top, target: 5))
    var canvas = SVGCanvas(width: frame.width, height: frame.height, title: title)
    let labelEvery = max(1, runs.count / 8)
    // Dates when the runs span several days, times (HH:MM) within one day.
    let oneDay = Set(runs.map { $0.runDate.prefix(10) }).count <= 1
    let label = { (date: String) in oneDay ? String(date.dropFirst(11).prefix(5)) : String(date.prefix(10)) }
    frame.draw(
      on: &canvas, title: title, xTitle: "run date (UTC)", yTitle: "probability",
      xLabel: { index in
        let i = Int(index.rounded())
        guard runs.indices.contains(i), i % labelEvery == 0 else { return "" }
        return label(runs[i].runDate)
      },
      yLabel: { ReadableNumber.single($0, .percent, digits: 3) })
    guard !runs.isEmpty else {
      canvas.text("no runs", x: frame.width / 2, y: frame.height / 2, anchor: "middle", size: 14)
      return canvas.render()
    }
    for (offset, (name, label, colour)) in series.enumerated() {
      let shift = (Double(offset) - 0.5) * 0.12
      var points: [(x: Double, y: Double)] = []
      for (index, run) in runs.enumerated() {
        guard let metric = run[name], let value = metric.value else { continue }
        let x = frame.x(Double(index) + shift)
        if let low = metric.ciLow, let high = metric.ciHigh {
          canvas.line(x1: x, y1: frame.y(low), x2: x, y2: frame.y(high), stroke: colour, width: 1.5)
        }
        canvas.rect(x: x - 3, y: frame.y(value) - 3, width: 6, height: 6, fill: colour)
        points.append((x: x, y: frame.y(value)))
      }
      canvas.polyline(points, stroke: colour, width: 1.2)
      let legendX = frame.plotLeft + 8 + Double(offset) * 120
      canvas.rect(x: legendX, y: frame.plotTop - 22, width: 10, height: 10, fill: colour)
      canvas.text(label + " (95% CI)", x: legendX + 14, y: frame.plotTop - 13, size: 11)
    }
    for condition in thresholds {
      let colour = series.first { $0.0 == condition.metric }?.2 ?? "#555555"
      let y = frame.y(condition.threshold)
      canvas.line(x1: frame.plotLeft, y1: y, x2: frame.plotRight, y2: y, stroke: colour, width: 1, dash: "6 4")
      canvas.text(
        "--fail-if \(condition.description)", x: frame.plotRight - 4, y: y - 4, anchor: "end", size: 10, fill: colour)
    }
    return canvas.render()
  }
}
