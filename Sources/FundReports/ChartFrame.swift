/// The plot area of a chart with two axes: margins, gridlines, tick labels and titles.
///
/// Shared by the charts so they look alike: 800 × 420 px, the plot inset by margins for
/// the labels, light grey gridlines at the ticks.
struct ChartFrame {
  let left = 88.0
  let right = 24.0
  let top = 62.0
  let bottom = 56.0
  let width: Double
  let height: Double
  let xAxis: ChartAxis
  let yAxis: ChartAxis

  init(width: Double = 800, height: Double = 420, xAxis: ChartAxis, yAxis: ChartAxis) {
    self.width = width
    self.height = height
    self.xAxis = xAxis
    self.yAxis = yAxis
  }

  var plotLeft: Double { left }
  var plotRight: Double { width - right }
  var plotTop: Double { top }
  var plotBottom: Double { height - bottom }

  func x(_ value: Double) -> Double { xAxis.position(value, from: plotLeft, to: plotRight) }
  func y(_ value: Double) -> Double { yAxis.position(value, from: plotBottom, to: plotTop) }

  /// Draws an estimate along the x axis: its 95% band (the upper bounds, then the lower
  /// bounds back, filled at opacity 0.2) and the line through its values (width 2). Points
  /// missing a bound or a value are left out of that part.
  ///
  /// - Complexity: O(points).
  func drawBand(_ points: [(x: Double, estimate: Estimate)], colour: String, on canvas: inout SVGCanvas) {
    func positions(_ value: (Estimate) -> Double?) -> [(x: Double, y: Double)] {
      points.compactMap { point in value(point.estimate).map { (x: x(point.x), y: y($0)) } }
    }
    canvas.polygon(positions(\.high) + positions(\.low).reversed(), fill: colour, opacity: 0.2)
    canvas.polyline(positions(\.value), stroke: colour, width: 2)
  }

  /// Draws the title, gridlines, ticks, tick labels and axis titles.
  func draw(
    on canvas: inout SVGCanvas, title: String, xTitle: String, yTitle: String,
    xLabel: (Double) -> String = ChartAxis.compactLabel, yLabel: (Double) -> String = ChartAxis.compactLabel
  ) {
    canvas.text(title, x: width / 2, y: 24, anchor: "middle", size: 15, bold: true)
    for tick in yAxis.ticks {
      let position = y(tick)
      canvas.line(x1: plotLeft, y1: position, x2: plotRight, y2: position, stroke: "#e3e3e3")
      canvas.text(yLabel(tick), x: plotLeft - 8, y: position + 4, anchor: "end", size: 11)
    }
    for tick in xAxis.ticks {
      let position = x(tick)
      canvas.line(x1: position, y1: plotBottom, x2: position, y2: plotBottom + 5, stroke: "#555555")
      canvas.text(xLabel(tick), x: position, y: plotBottom + 19, anchor: "middle", size: 11)
    }
    canvas.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: "#555555")
    canvas.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: "#555555")
    canvas.text(xTitle, x: (plotLeft + plotRight) / 2, y: height - 12, anchor: "middle", size: 12)
    canvas.text(yTitle, x: 18, y: (plotTop + plotBottom) / 2, anchor: "middle", size: 12, rotation: -90)
  }
}
