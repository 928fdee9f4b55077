import Testing

@testable import FundReports

/// Shared checks for the three chart files: well-formed XML rooted at `svg`.
func expectWellFormedSVG(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLCheck {
  let parsed = XMLCheck.parse(svg)
  #expect(parsed.ok, "\(parsed.error ?? "")", sourceLocation: sourceLocation)
  #expect(parsed.check.root == "svg", sourceLocation: sourceLocation)
  #expect(!svg.contains("nan") && !svg.contains("inf"), sourceLocation: sourceLocation)
  return parsed.check
}

@Suite struct ChartFrameTests {
  @Test func mapsValuesIntoThePlotArea() {
    // Plot area x 88…776, y 62…364 (y grows downwards, so the axis minimum maps to the bottom).
    let frame = ChartFrame(xAxis: ChartAxis(minimum: 0, maximum: 10), yAxis: ChartAxis(minimum: 0, maximum: 100))
    #expect(frame.x(0) == 88 && frame.x(10) == 776)
    #expect(frame.y(0) == 364 && frame.y(100) == 62)
    var canvas = SVGCanvas(width: frame.width, height: frame.height, title: "t")
    frame.draw(on: &canvas, title: "Title", xTitle: "x axis", yTitle: "y axis")
    let check = expectWellFormedSVG(canvas.render())
    #expect(check.texts.contains("x axis") && check.texts.contains("y axis") && check.texts.contains("Title"))
  }

  @Test func drawsAnEstimateBandAndItsLine() {
    // Plot area as above: x(v) = 88 + 68.8·v, y(v) = 364 − 3.02·v. The second point has no
    // lower bound, so the band is highs (0, 60), (10, 80) then the one low (0, 40) back:
    // y(60) = 182.8, y(80) = 122.4, y(40) = 243.2; the line joins y(50) = 213 and y(70) = 152.6.
    let frame = ChartFrame(xAxis: ChartAxis(minimum: 0, maximum: 10), yAxis: ChartAxis(minimum: 0, maximum: 100))
    var canvas = SVGCanvas(width: frame.width, height: frame.height, title: "t")
    frame.drawBand(
      [(x: 0, estimate: Estimate(value: 50, low: 40, high: 60)), (x: 10, estimate: Estimate(value: 70, high: 80))],
      colour: "#123456", on: &canvas)
    let svg = canvas.render()
    #expect(
      svg.contains(
        "<polygon points=\"88,182.8 776,122.4 88,243.2\" fill=\"#123456\" stroke=\"none\" fill-opacity=\"0.2\"/>"))
    #expect(svg.contains("<polyline points=\"88,213 776,152.6\" fill=\"none\" stroke=\"#123456\" stroke-width=\"2\""))
  }
}
