import Foundation
import Testing

@testable import FundReports

/// The files of `size` and `sweep`: columns, empty fields, well-formed charts.
@Suite struct SizingReportTests {
  static let context = ReportContext(
    scenarioName: "tiny", symbols: ["BTC"], seed: 3, paths: 100, threads: 1, version: "test", wallSeconds: 1,
    commandLine: ["fundstress", "size"], mechanic: "market-close", ranking: "pnl-leverage", initialFund: 100,
    depletionThreshold: 0, stepSeconds: 60)

  static let sizing = SizingReport(
    curve: [
      SizingCurveRow(
        balance: 100, depletion: Estimate(value: 0.5, low: 0.4, high: 0.6),
        adl: Estimate(value: 0.25, low: 0.2, high: 0.3)),
      SizingCurveRow(
        balance: 200, depletion: Estimate(value: 0, low: 0, high: 0.04), adl: Estimate(value: 0, low: 0, high: 0.04)),
    ],
    targets: [
      SizingTargetRow(
        target: "depletion<=0.01", metric: "depletion_probability", comparison: "<=", threshold: 0.01,
        fundNeeded: 150, low: 140, high: nil, method: "one-run"),
      SizingTargetRow(
        target: "adl<0", metric: "adl_probability", comparison: "<", threshold: 0, fundNeeded: nil, low: nil, high: nil,
        method: "one-run"),
    ], scenarioBalance: 100, context: context)

  @Test func sizingCSVsHaveTheirColumnsAndEmptyFieldsWhereNothingApplies() throws {
    let curve = try CSVParser.table(Self.sizing.curveCSV, header: SizingReport.curveColumns)
    #expect(curve[0] == ["100.0", "0.5", "0.4", "0.6", "0.25", "0.2", "0.3"])
    let targets = try CSVParser.table(Self.sizing.targetsCSV, header: SizingReport.targetColumns)
    #expect(targets[0] == ["depletion<=0.01", "depletion_probability", "<=", "0.01", "150.0", "140.0", "", "one-run"])
    #expect(targets[1][4...6] == ["", "", ""])
    #expect(Self.sizing.markdown.contains("| adl_probability < 0.0 | not reachable |"))
    #expect(XMLCheck.parse(SizingCurveChart.svg(Self.sizing)).ok)
    let json = try JSONSerialization.jsonObject(with: Self.sizing.json()) as? [String: Any]
    #expect((json?["targets"] as? [[String: Any]])?.first?["fund_needed"] as? Double == 150)
  }

  @Test func sweepCSVNamesTheKeysAndChartsBothShapes() throws {
    func row(_ cell: String, _ values: [String], _ metric: String) -> SweepRow {
      SweepRow(
        cell: cell, keyValues: values, metric: metric, value: Estimate(value: 0.1, low: 0.05, high: 0.15),
        difference: Estimate(value: 0, low: 0, high: 0), unit: "probability")
    }
    let metrics = SweepReport.chartedMetrics
    let one = SweepReport(
      keys: ["markets.*.depth"], values: [["x0.5", "x1"]],
      rows: ["0", "1"].flatMap { cell in metrics.map { row(cell, [cell == "0" ? "x0.5" : "x1"], $0) } }, baseCell: 1,
      context: Self.context)
    let table = try CSVParser.table(one.csv, header: one.columns)
    #expect(one.columns.prefix(3) == ["cell", "markets.*.depth", "metric"])
    #expect(
      table[0] == ["0", "x0.5", "depletion_probability", "0.1", "0.05", "0.15", "0.0", "0.0", "0.0", "probability"])
    let two = SweepReport(
      keys: ["a", "b"], values: [["1", "2"], ["3"]],
      rows: [row("0", ["1", "3"], "depletion_probability"), row("1", ["2", "3"], "depletion_probability")],
      baseCell: nil, context: Self.context)
    for report in [one, two] {
      #expect(XMLCheck.parse(SweepChart.svg(report, metric: "depletion_probability")).ok)
    }
    #expect(SweepChart.svg(two, metric: "depletion_probability").contains("a × b"))
  }
}
