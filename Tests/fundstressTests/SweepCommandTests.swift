import Foundation
import Testing

/// `fundstress sweep` end to end: long-format CSV, a cell equal to `run --set`, the base
/// cell with zero differences, `--fail-if` on any cell, bad `--vary` refused.
@Suite struct SweepCommandTests {
  static let paths = 120

  @Test func sweepsOneKeyAndEachCellIsTheRunWithThatOverride() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let result = try await fundstress(
      [
        "sweep", "--scenario", "scenario.yaml", "--paths", String(Self.paths), "--vary",
        "markets.*.depth=x0.5,x1,x2", "--out", "sweep", "--fail-if", "depletion>0.5",
      ], in: scratch.url)
    // Half-depth books deplete the fund on most paths: that cell breaches, the report is written.
    #expect(result.status == 3 && result.stderr.contains("threshold breached in cell 0"), "\(result)")
    #expect(
      scratch.entries("sweep") == [
        "run.json", "sweep.csv", "sweep.md", "sweep_adl_probability.svg", "sweep_depletion_probability.svg",
        "sweep_fund_loss_es_99.svg",
      ])
    let table = try CSVParser.table(
      scratch.read("sweep/sweep.csv"),
      header: [
        "cell", "markets.*.depth", "metric", "value", "ci_low", "ci_high", "diff_vs_base", "diff_ci_low",
        "diff_ci_high", "unit",
      ])
    #expect(table.rows.count == 3 * 7)  // 3 cells × 7 metrics; x1 is the base, so no base rows
    let rows = table.rows.filter { $0[2] == "depletion_probability" }
    #expect(rows.map { $0[1] } == ["x0.5", "x1", "x2"])
    #expect(rows[1][6] == "0.0" && rows[1][7] == "0.0" && rows[1][8] == "0.0")
    let values = rows.map { Double($0[3])! }
    #expect(Double(rows[0][6])! == values[0] - values[1])

    // Cell 2 is `run --set markets.*.depth=x2`, to the byte of its depletion probability.
    let (_, run) = try await runFixture(
      in: scratch, out: "run", paths: Self.paths, extra: ["--quiet", "--set", "markets.*.depth=x2"])
    #expect(try run.metric("depletion_probability") == values[2])
    for svg in ["sweep_depletion_probability.svg", "sweep_fund_loss_es_99.svg"] {
      #expect(isWellFormedXML(try scratch.data("sweep/\(svg)")))
    }
  }

  @Test func twoKeysMakeAGridWithBaseRowsWhenTheBaseIsNotACell() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let result = try await fundstress(
      [
        "sweep", "--scenario", "scenario.yaml", "--paths", "64", "--vary", "adl.ranking=pro-rata", "--vary",
        "fund.waterfall=market-close,takeover", "--out", "grid", "--quiet",
      ], in: scratch.url)
    try #require(result.status == 0, "\(result)")
    let text = try scratch.read("grid/sweep.csv")
    #expect(text.hasPrefix("cell,adl.ranking,fund.waterfall,metric,"))
    let cells = Set(
      text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[0] })
    #expect(cells == ["base", "0", "1"])
    #expect(try scratch.read("grid/sweep.md").contains("<svg") == false)
    #expect(try String(decoding: scratch.data("grid/sweep_depletion_probability.svg"), as: UTF8.self).contains("×"))
  }

  @Test func badVariesAreRefusedWithOneLineAndNoOutput() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    // A malformed --vary or --fail-if is a usage error (exit 64); a value the scenario
    // refuses is bad input (exit 1), as for run (Fundstress.swift's exit statuses).
    for (arguments, status) in [
      (["--vary", "markets.*.depth"], 64), (["--vary", "fund.balanse=1,2"], 1),
      (["--vary", "a=1", "--vary", "b=2", "--vary", "c=3"], 64),
      (["--vary", "markets.*.volatility=x1,x-1"], 1),
      (["--vary", "fund.balance=x1,x2", "--fail-if", "depletion=0.01"], 64),
    ] {
      let result = try await fundstress(["sweep", "--paths", "10", "--out", "x"] + arguments, in: scratch.url)
      #expect(result.status == Int32(status) && result.stderrLines.count == 1 && !scratch.exists("x"), "\(result)")
    }
  }
}
