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
        "report.md",
        "run.json", "summary.csv",
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
    // The report's headline equals summary.csv as written.
    let report = try read(ReportWriter.File.report)
    for (name, fields) in csv {
      let row = "| `\(name)` | \(fields[0]) | \(fields[1]) | \(fields[2]) | \(fields[3]) |"
      #expect(report.contains(row), "\(row)")
    }
    _ = try JSONSerialization.jsonObject(with: Data(read(ReportWriter.File.runJSON).utf8))
  }
}
