import Foundation
import Testing

@testable import FundReports

@Suite struct HTMLReportTests {
  let summary = HandRun.summary()
  var context: ReportContext {
    var context = Fixtures.context(paths: 4)
    context.failConditions = [try! FailCondition(parsing: "depletion.ci_low>0.01")]
    return context
  }

  @Test func isWellFormedAndReferencesNothingExternal() {
    let html = HTMLReport.render(summary, context: context)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    let parsed = XMLCheck.parse(html)
    #expect(parsed.ok, "\(parsed.error ?? "")")
    #expect(parsed.check.root == "html")
    // Three inline charts, no images, scripts, links, frames or objects.
    #expect(parsed.check.elementCounts["svg"] == 3)
    for element in ["img", "script", "link", "iframe", "object", "embed", "a", "image", "use"] {
      #expect(parsed.check.elementCounts[element] == nil, "<\(element)> in report.html")
    }
    for attribute in parsed.check.attributes {
      #expect(!["src", "href", "xlink:href", "srcset", "action"].contains(attribute.name), "\(attribute)")
      if attribute.name != "xmlns" { #expect(!attribute.value.contains("://"), "\(attribute)") }
    }
    // The only address is the SVG namespace; the style sheet loads nothing.
    let addresses = html.components(separatedBy: "://").count - 1
    #expect(addresses == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    #expect(!html.contains("url(") && !html.contains("@import"))
    // Readable on a phone.
    #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"))
  }

  @Test func saysWhatTheMarkdownSays() {
    let document = ReportDocument.run(summary, context: context)
    let html = HTMLReport.render(document)
    let texts = XMLCheck.parse(html).check.texts
    for block in document.blocks {
      guard case .table(let table) = block else { continue }
      for row in table.rows {
        for cell in row where !cell.contains("`") && !cell.isEmpty {
          #expect(texts.contains(cell), "\(cell) is not a cell of report.html")
        }
      }
    }
    #expect(
      html.contains("<p class=\"alert\" role=\"alert\"><strong>Threshold breached:</strong> depletion_probability"))
    #expect(html.contains("<tr><td><code>depletion_<wbr/>probability</code></td><td class=\"num\">25.0%</td>"))
  }

  @Test func inlineMarkup() {
    #expect(HTMLReport.inline("a `x<y` and **b & c** d") == "a <code>x&lt;y</code> and <strong>b &amp; c</strong> d")
    #expect(HTMLReport.inline("`fund_loss`") == "<code>fund_<wbr/>loss</code>")
    #expect(HTMLReport.inline("<0.1%") == "&lt;0.1%")
    #expect(HTMLReport.inlineSVG("<?xml version=\"1.0\"?>\n<svg/>") == "<svg/>")
  }
}
