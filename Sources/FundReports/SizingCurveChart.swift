/// `sizing_curve.svg`: the depletion and ADL probabilities against the initial fund
/// balance, with their 95% bands, the targets' fund needed as vertical lines and the
/// scenario's own balance marked.
public enum SizingCurveChart {
  static let depletionColour = "#d62728"
  static let adlColour = "#1f77b4"

  /// The SVG document.
  ///
  /// - Complexity: O(curve + targets).
  public static func svg(_ report: SizingReport) -> String {
    let rows = report.curve
    let balances = rows.map(\.balance) + [report.scenarioBalance] + report.targets.compactMap(\.fundNeeded)
    let frame = ChartFrame(
      xAxis: ChartAxis(minimum: balances.min() ?? 0, maximum: balances.max() ?? 1, target: 6),
      yAxis: ChartAxis(lower: 0, upper: 1, step: 0.2))
    let title = "Probability against the fund balance"
    var canvas = SVGCanvas(width: frame.width, height: frame.height, title: title)
    frame.draw(
      on: &canvas, title: title, xTitle: "initial fund balance (\(report.context.currency))",
      yTitle: "probability", yLabel: { ChartAxis.trimmed($0, decimals: 1) })
    guard !rows.isEmpty else { return canvas.render() }
    frame.drawBand(rows.map { (x: $0.balance, estimate: $0.depletion) }, colour: depletionColour, on: &canvas)
    frame.drawBand(rows.map { (x: $0.balance, estimate: $0.adl) }, colour: adlColour, on: &canvas)

    func marker(_ balance: Double, label: String, colour: String, row: Int) {
      let x = frame.x(balance)
      canvas.line(x1: x, y1: frame.plotTop, x2: x, y2: frame.plotBottom, stroke: colour, width: 1.2, dash: "6 4")
      canvas.text(label, x: x + 4, y: frame.plotTop + 14 + 14 * Double(row), size: 11, fill: colour)
    }
    marker(
      report.scenarioBalance, label: "scenario \(ChartAxis.compactLabel(report.scenarioBalance))", colour: "#555555",
      row: 0)
    for (index, target) in report.targets.enumerated() {
      guard let needed = target.fundNeeded else { continue }
      marker(
        needed, label: "\(target.target): \(ChartAxis.compactLabel(needed))", colour: "#2ca02c", row: index + 1)
    }

    // Legend.
    let legendY = frame.plotTop - 14
    var legendX = frame.plotLeft + 8
    for (label, colour) in [("depletion probability", depletionColour), ("ADL probability", adlColour)] {
      canvas.line(x1: legendX, y1: legendY - 4, x2: legendX + 18, y2: legendY - 4, stroke: colour, width: 2)
      canvas.text(label + " (95% band)", x: legendX + 22, y: legendY, size: 11)
      legendX += 230
    }
    return canvas.render()
  }
}
