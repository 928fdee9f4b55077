import Foundation
import Testing

@testable import FundReports

@Suite struct ReportWriterTests {
  @Test func writesEveryFileConsistently() throws {
    let directory = Fixtures.temporaryDirectory().appendingPathComponent("nested/out")
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent().deletingLastPathComponent()) }
    let statistics = Fixtures.statistics(Fixtures.randomOutcomes(count: 2_000))
    let summary = try ReportWriter.write(statistics, context: Fixtures.context(paths: 2_000), to: directory)

    func read(_ name: String) throws -> String {
      try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(
      files == [
        "fan_chart.svg", "fund_pnl_histogram.svg", "fund_quantiles.csv", "market_shares.svg", "markets.csv",
        "report.html", "report.md", "run.json", "summary.csv",
      ])
    let csv = try summaryFields(read(ReportWriter.File.summary))
    #expect(csv["paths"]?[0] == "2000.0")
    #expect(csv["depletion_probability"]?[0] == CSVField.format(summary["depletion_probability"]?.value))
    _ = try CSVParser.table(read(ReportWriter.File.markets), header: MarketSummary.columns)
    let quantiles = try CSVParser.table(read(ReportWriter.File.fundQuantiles), header: FundQuantileRow.columns)
    #expect(quantiles.count == Fixtures.schedule.count)
    for chart in [ReportWriter.File.fanChart, ReportWriter.File.pnlHistogram, ReportWriter.File.marketShares] {
      _ = expectWellFormedSVG(try read(chart))
    }
    // The report's headline agrees with summary.csv after rounding.
    let report = try read(ReportWriter.File.report)
    try expectHeadlineAgrees(report, with: csv)
    _ = try JSONSerialization.jsonObject(with: Data(read(ReportWriter.File.runJSON).utf8))
  }
}

/// Every headline row `| `name` | estimate unit | low–high |` of a report reads back, within
/// its rounding, as the value and interval of `summary.csv`.
func expectHeadlineAgrees(_ report: String, with csv: [String: [String]]) throws {
  var seen = 0
  for line in Markdown.section("Headline", of: report) where line.hasPrefix("| `") {
    let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
    let name = cells[0].trimmingCharacters(in: ["`"])
    let fields = try #require(csv[name], "\(name) is not in summary.csv")
    seen += 1
    let exact = fields[0...2].map { Double($0) }
    if let value = exact[0] {
      let reading = try #require(ReadableNumber.read(cells[1]), "\(name): cannot read \(cells[1])")
      #expect(reading.agrees(with: value), "\(name): \(cells[1]) ≠ \(fields[0])")
      #expect(cells[1].hasSuffix(fields[3] == "probability" ? "%" : " " + fields[3]), "\(name): unit of \(cells[1])")
    } else {
      #expect(cells[1] == "–", "\(name): \(cells[1]) for an empty value")
    }
    if exact[1] == nil, exact[2] == nil {
      #expect(cells[2] == "–", "\(name): \(cells[2]) for no interval")
      continue
    }
    let bounds = try #require(ReadableNumber.readBounds(cells[2]), "\(name): cannot read \(cells[2])")
    for (shown, value) in [(bounds.low, exact[1]), (bounds.high, exact[2])] {
      if let value {
        #expect(shown?.agrees(with: value) == true, "\(name): \(cells[2]) ≠ \(fields[1])–\(fields[2])")
      } else {
        #expect(shown == nil, "\(name): \(cells[2]) shows a bound summary.csv leaves empty")
      }
    }
  }
  #expect(seen == csv.count, "headline rows \(seen) ≠ summary.csv rows \(csv.count)")
}
