import Testing

@testable import FundReports

@Suite struct SVGCanvasTests {
  @Test func escapingAndNumbers() {
    #expect(SVGCanvas.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
    #expect(SVGCanvas.number(12.345) == "12.35")
    #expect(SVGCanvas.number(-0.001) == "0")
    #expect(SVGCanvas.number(40) == "40")
    #expect(SVGCanvas.number(.nan) == "0")
  }

  @Test func documentIsWellFormedWithHostileText() {
    var canvas = SVGCanvas(width: 100, height: 50, title: "P&L <test>")
    canvas.rect(x: 1, y: 2, width: 3, height: 4, fill: "#000000", opacity: 0.5)
    canvas.line(x1: 0, y1: 0, x2: 10, y2: 10, stroke: "#ff0000", dash: "2 2")
    canvas.polyline([(0, 0), (5, 5), (10, 0)], stroke: "#00ff00")
    canvas.polygon([(0, 0), (5, 5), (10, 0)], fill: "#0000ff", opacity: 0.2)
    canvas.text("a & b < c \"d\"", x: 5, y: 5, rotation: -90)
    let parsed = XMLCheck.parse(canvas.render())
    #expect(parsed.ok, "\(parsed.error ?? "")")
    #expect(parsed.check.root == "svg")
    #expect(parsed.check.elementCounts["polygon"] == 1)
    #expect(parsed.check.texts.contains("a & b < c \"d\""))
    #expect(parsed.check.texts.contains("P&L <test>"))
  }
}
