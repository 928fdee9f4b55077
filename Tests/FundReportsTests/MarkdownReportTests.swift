import Foundation
import Testing

@testable import FundReports

@Suite struct MarkdownReportTests {
  let summary = HandRun.summary()
  var markdown: String { MarkdownReport.render(summary, context: Fixtures.context(paths: 4)) }

  /// The headline rows `| `name` | estimate | interval |`.
  func headline(_ markdown: String) -> [String: [String]] {
    var rows: [String: [String]] = [:]
    for line in Markdown.section("Headline", of: markdown) where line.hasPrefix("| `") {
      let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
      rows[cells[0].trimmingCharacters(in: ["`"])] = Array(cells[1...2])
    }
    return rows
  }

  /// HandRun: 1 depletion in 4 paths (Wilson 4.6–69.9%, see FailConditionTests), fund
  /// loss mean 272,500 USDC.
  @Test func headlineNumbersAreRoundedFromSummaryCSV() throws {
    try expectHeadlineAgrees(markdown, with: summaryFields(RunTables.summaryCSV(summary)))
    let rows = headline(markdown)
    #expect(rows.count == MetricDefinition.names.count)
    #expect(rows["depletion_probability"] == ["25.0%", "4.6–69.9%"])
    #expect(rows["fund_loss_mean"]?[0] == "273K USDT")
    #expect(rows["paths"] == ["4 paths", "–"])
  }

  @Test func sectionsLinksAndMetadata() {
    let text = markdown
    #expect(text.hasPrefix("# fundstress report: test, \"quoted\" | piped\n"))
    for section in ["## Scenario", "## Headline", "## Markets", "## Charts", "## Run", "## Metric definitions"] {
      #expect(text.contains("\n\(section)\n"))
    }
    #expect(text.contains("- 3 markets: BTC, ETH, SOL\n"))
    #expect(text.contains("![Fund balance fan chart](fan_chart.svg)"))
    #expect(text.contains("](fund_pnl_histogram.svg)"))
    #expect(text.contains("](market_shares.svg)"))
    #expect(text.contains("| Seed | 7 |"))
    #expect(text.contains("| Threads | 2 |"))
    #expect(text.contains("| Wall time | 1.25 s |"))
    #expect(text.contains("| Run date (UTC) | 2026-12-05T06:00:00Z |"))
    #expect(text.contains("| Run id | `20261205T060000Z-abcdef` |"))
    #expect(text.contains("| Version | fundstress 0.1.0-test |"))
    #expect(text.contains("| Command | `fundstress run --paths 4 --out 'my reports/x'` |"))
    // Market rows: ETH's 75% of the shortfall and all of the ADL notional; each column has
    // one format (liquidated notional column largest 2M → 2.00M; BTC, SOL below).
    #expect(text.contains("| ETH | 2.50 | 2.00M | 75.0K | 75.0% | 10.0K | 0 | 0.500 | 100K | 100% | 25.0% | 1.00 |"))
  }

  @Test func theOpeningParagraphSaysItInPlainWords() {
    let text = markdown
    #expect(text.contains("runs dry on **25.0% (95% CI 4.6–69.9%)**"))
    #expect(text.contains("Run 2026-12-05T06:00:00Z · run id `20261205T060000Z-abcdef` · fundstress 0.1.0-test"))
  }

  @Test func aBreachIsStatedAtTheTop() throws {
    var context = Fixtures.context(paths: 4)
    context.failConditions = [try FailCondition(parsing: "depletion.ci_low>0.01")]
    let text = MarkdownReport.render(summary, context: context)
    let lines = text.split(separator: "\n")
    #expect(lines[1].hasPrefix("> ⚠ **Threshold breached:** depletion_probability = 25.0% (95% CI 4.6–69.9%)"))
    context.failConditions = [try FailCondition(parsing: "depletion.ci_low>0.05")]
    #expect(!MarkdownReport.render(summary, context: context).contains("breached"))
  }
}

extension Substring {
  func components(separatedBy separator: String) -> [String] {
    String(self).components(separatedBy: separator)
  }
}

/// Lines of a Markdown section (after `## title`, up to the next `## `).
enum Markdown {
  static func section(_ title: String, of text: String) -> [String] {
    let lines = text.components(separatedBy: "\n")
    guard let start = lines.firstIndex(of: "## \(title)") else { return [] }
    let rest = lines[(start + 1)...]
    return Array(rest.prefix { !$0.hasPrefix("## ") })
  }
}
