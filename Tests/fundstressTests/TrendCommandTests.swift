import Foundation
import Testing

/// `fundstress trend RUN_DIR…`: runs in run-date order, whatever the order given.
@Suite struct TrendCommandTests {
  /// Sets a run folder's `metadata.run_date` (as a scheduled job on another day would have).
  static func setRunDate(_ date: String?, in folder: URL) throws {
    let url = folder.appendingPathComponent("run.json")
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var metadata = try #require(json["metadata"] as? [String: Any])
    metadata["run_date"] = date
    json["metadata"] = metadata
    try JSONSerialization.data(withJSONObject: json).write(to: url)
  }

  /// Three daily runs with a growing fund (known to deplete less on the same paths), given
  /// out of order: trend.csv lists them by date with summary.csv's exact numbers, trend.md
  /// and trend.svg show them, and the first day's --fail-if threshold is drawn.
  @Test func runsAreFollowedInRunDateOrder() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let days = [
      ("mon", 3e5, "2026-12-01T06:00:00Z"), ("tue", 6e5, "2026-12-02T06:00:00Z"),
      ("wed", 1.2e6, "2026-12-03T06:00:00Z"),
    ]
    var reports: [String: ReportFolder] = [:]
    for (folder, fund, date) in days {
      let extra = folder == "mon" ? ["--fail-if", "depletion.ci_low>0.05"] : []
      try scratch.write("scenario.yaml", Fixture.scenario(fund: fund))
      let run = try await fundstress(
        ["run", "--scenario", "scenario.yaml", "--paths", "200", "--out", folder, "--quiet"] + extra, in: scratch.url)
      try #require(run.status == 0 || run.status == 3, "\(run)")
      try Self.setRunDate(date, in: scratch.path(folder))
      reports[folder] = try ReportFolder(scratch.path(folder))
    }
    let result = try await fundstress(["trend", "wed", "mon", "tue", "--out", "trend"], in: scratch.url)
    #expect(result.status == 0, "\(result)")

    let rows = try CSVParser.parse(scratch.read("trend/trend.csv"))
    #expect(rows[0] == ["run_date", "run_id", "metric", "value", "ci_low", "ci_high"])
    let metricsPerRun = try #require(reports["mon"]).summary.rows.count
    #expect(rows.count == 1 + 3 * metricsPerRun)
    for (k, (folder, _, date)) in days.enumerated() {
      let report = try #require(reports[folder])
      let block = rows[(1 + k * metricsPerRun)..<(1 + (k + 1) * metricsPerRun)]
      let runID = try #require((try report.json()["metadata"] as? [String: Any])?["run_id"] as? String)
      for (row, summary) in zip(block, report.summary.rows) {
        #expect(row[0] == date && row[1] == runID, "\(row)")
        #expect(Array(row[2...5]) == Array(summary[0...3]), "\(folder): \(row) ≠ summary.csv \(summary)")
      }
    }
    // The known difference: a larger fund depletes no more often on the same paths.
    let depletion = rows.filter { $0[2] == "depletion_probability" }.compactMap { Double($0[3]) }
    #expect(depletion.count == 3 && depletion[0] > depletion[2] && depletion[0] >= depletion[1], "\(depletion)")

    let markdown = try scratch.read("trend/trend.md")
    let tableDates = markdown.split(separator: "\n").filter { $0.hasPrefix("| 2026-") }.map {
      $0.dropFirst(2).prefix(20)
    }
    #expect(tableDates == days.map { Substring($0.2) })
    #expect(markdown.contains("![Depletion and ADL probabilities over time](trend.svg)"))

    let svg = try scratch.data("trend/trend.svg")
    #expect(isWellFormedXML(svg))
    let text = String(decoding: svg, as: UTF8.self)
    #expect(text.contains("--fail-if depletion_probability.ci_low &gt; 0.05"))
    for day in ["2026-12-01", "2026-12-02", "2026-12-03"] { #expect(text.contains(">\(day)<"), "\(day)") }
    // One error bar per run and probability: 6 vertical interval lines in the two colours.
    let bars = text.split(separator: "\n").filter { $0.contains("<line") && $0.contains("stroke-width=\"1.5\"") }
    #expect(bars.count == 6)
  }

  @Test func aFolderWithoutRunDateIsRefusedInOneLine() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try await runFixture(in: scratch, out: "a", paths: 20)
    try Self.setRunDate(nil, in: scratch.path("a"))
    let result = try await fundstress(["trend", "a"], in: scratch.url)
    #expect(result.status == 1 && result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("run.json: has no run_date"), "\(result.stderr)")
  }
}
