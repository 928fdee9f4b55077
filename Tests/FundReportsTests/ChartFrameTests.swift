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
}
