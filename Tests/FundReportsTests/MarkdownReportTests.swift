import Foundation
import Testing

@testable import FundReports

@Suite struct MarkdownReportTests {
  let summary = HandRun.summary()
  var markdown: String { MarkdownReport.render(summary, context: Fixtures.context(paths: 4)) }

  /// The headline rows `| `name` | value | low | high | unit | meaning |`.
  func headline(_ markdown: String) -> [String: [String]] {
    var rows: [String: [String]] = [:]
    for line in markdown.split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
      rows[cells[0].trimmingCharacters(in: ["`"])] = Array(cells[1...3])
    }
    return rows
  }

  @Test func headlineNumbersEqualSummaryCSV() throws {
    let csv = try summaryFields(RunTables.summaryCSV(summary))
    let rows = headline(markdown)
    #expect(rows.count == MetricDefinition.names.count)
    for (name, fields) in csv {
      #expect(rows[name] == Array(fields[0...2]), "\(name)")
    }
  }

  @Test func sectionsLinksAndMetadata() {
    let text = markdown
    #expect(text.hasPrefix("# fundstress report: test, \"quoted\" | piped\n"))
    for section in ["## Scenario", "## Headline", "## Markets", "## Charts", "## Run"] {
      #expect(text.contains("\n\(section)\n"))
    }
    #expect(text.contains("- 3 markets: BTC, ETH, SOL\n"))
    #expect(text.contains("![Fund balance fan chart](fan_chart.svg)"))
    #expect(text.contains("](fund_pnl_histogram.svg)"))
    #expect(text.contains("](market_shares.svg)"))
    #expect(text.contains("| Seed | 7 |"))
    #expect(text.contains("| Threads | 2 |"))
    #expect(text.contains("| Wall time | 1.25 s |"))
    #expect(text.contains("| Command | `fundstress run --paths 4 --out 'my reports/x'` |"))
    // Market rows: ETH's 75% of the shortfall and all of the ADL notional.
    #expect(text.contains("| ETH | 2.5 | 2M | 75k | 75% | 10k | 0 | 0.5 | 100k | 100% | 25% | 1 |"))
  }

  @Test func readableNumbers() {
    #expect(MarkdownReport.readable(nil) == "–")
    #expect(MarkdownReport.readable(1234.5678) == "1235")
    #expect(MarkdownReport.readable(0.012345) == "0.01235")
    #expect(MarkdownReport.readable(12_345_678) == "12.35M")
    #expect(MarkdownReport.percent(0.25) == "25%")
  }
}

extension Substring {
  func components(separatedBy separator: String) -> [String] {
    String(self).components(separatedBy: separator)
  }
}
