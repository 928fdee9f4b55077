import Foundation
import Testing

/// `fundstress run` writes the report set of docs/REPORTS.md, and its files agree with each other.
@Suite struct RunOutputTests {
  static let paths = 200

  /// The metrics docs/REPORTS.md promises in `summary.csv`.
  static let requiredMetrics = [
    "depletion_probability", "adl_probability", "adl_events_mean", "adl_notional_mean", "fund_loss_var_95",
    "fund_loss_var_99", "fund_loss_var_99_9", "fund_loss_es_95", "fund_loss_es_99", "fund_loss_es_99_9",
    "liquidations_mean", "liquidated_notional_mean", "bad_debt_mean", "time_to_depletion_p50", "cascade_rounds_mean",
    "cascade_rounds_max", "paths",
  ]

  @Test func writesEveryFileOfTheReportSetAndNothingElseAround() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (result, _) = try await runFixture(in: scratch, paths: Self.paths)

    for name in ["summary.csv", "paths.csv", "markets.csv", "fund_quantiles.csv", "report.md", "run.json"] {
      #expect(scratch.exists("out/\(name)"), "out/\(name) is missing")
      #expect((try? scratch.data("out/\(name)").count) ?? 0 > 0, "out/\(name) is empty")
    }
    // Staging folders are gone; only the scenario and the output folder remain.
    #expect(scratch.entries() == ["out", "scenario.yaml"])
    // Not a terminal: no progress bar, so nothing on standard error; the headline goes to stdout.
    #expect(result.stderr.isEmpty, "\(result)")
    #expect(result.stdout.contains("depletion_probability"))
    #expect(result.stdout.contains("out/report.md"))
  }

  @Test(arguments: ["market-close", "takeover"])
  func pathsCSVHasOneConsistentRowPerPath(waterfall: String) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, report) = try await runFixture(
      in: scratch, paths: Self.paths, scenario: Fixture.scenario(waterfall: waterfall))
    try checkPathsTable(report.paths, paths: Self.paths)
    try checkSummaryAgainstPaths(report)

    // Violent enough that the interesting branches run: some paths deplete the fund, some do not, ADL happens.
    let depleted = try report.paths.column("depleted")
    #expect(depleted.contains("1") && depleted.contains("0"), "no mix of depleted and surviving paths")
    #expect(try report.paths.finiteNumbers("adl_events").contains { $0 > 0 }, "no ADL on any path")
    #expect(try report.paths.finiteNumbers("max_cascade_rounds").contains { $0 >= 2 }, "no multi-round cascade")
  }

  @Test func summaryCSVHasTheDesignMetricsWithConsistentIntervals() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, report) = try await runFixture(in: scratch, paths: Self.paths)
    let summary = report.summary
    #expect(summary.header == ReportFolder.summaryColumns)

    let names = try summary.column("metric")
    #expect(Set(names).count == names.count, "a metric is listed twice")
    for name in Self.requiredMetrics {
      #expect(names.contains(name), "summary.csv lacks \(name)")
    }
    for row in summary.rows {
      let name = row[0]
      #expect(!row[4].isEmpty, "\(name) has no unit")
      let numbers = row[1...3].map { $0.isEmpty ? nil : Double($0) }
      for (field, number) in zip(row[1...3], numbers) where !field.isEmpty {
        #expect(number?.isFinite == true, "\(name): '\(field)' is not a finite number")
      }
      // Time to depletion is empty only when nothing was depleted; everything else has a value.
      if !name.hasPrefix("time_to_depletion") { #expect(!row[1].isEmpty, "\(name) has no value") }
      if let value = numbers[0] {
        if let low = numbers[1] { #expect(low <= value, "\(name): ci_low \(low) > value \(value)") }
        if let high = numbers[2] { #expect(value <= high, "\(name): value \(value) > ci_high \(high)") }
      }
      if row[4] == "probability" {
        for number in numbers.compactMap({ $0 }) { #expect((0...1).contains(number), "\(name) outside [0, 1]") }
        #expect(numbers[1] != nil && numbers[2] != nil, "\(name) has no confidence interval")
      }
    }
    for name in ["depletion_probability", "adl_probability"] {
      #expect(summary.keyedByFirstColumn()[name]?[4] == "probability")
    }
    #expect(summary.keyedByFirstColumn()["fund_loss_var_99"]?[4] == "USDC")
    #expect(summary.keyedByFirstColumn()["time_to_depletion_p50"]?[4] == "hours")
  }

  @Test func marketsAndFundQuantilesAddUpToTheSummary() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, report) = try await runFixture(in: scratch, paths: Self.paths)

    // markets.csv: one row per market, in scenario order, shares summing to one.
    let markets = report.markets
    #expect(markets.header == ReportFolder.marketsColumns)
    #expect(try markets.column("market") == Fixture.symbols)
    for column in ReportFolder.marketsColumns.dropFirst() {
      let values = try markets.numbers(column, emptyAllowed: column.hasSuffix("_share"))
      #expect(values.allSatisfy { $0 == nil || ($0!.isFinite && $0! >= 0) }, "markets.csv \(column): \(values)")
    }
    for column in [
      "liquidations_mean", "liquidated_notional_mean", "shortfall_mean", "adl_events_mean", "adl_notional_mean",
      "bad_debt_mean",
    ] {
      let total = try markets.finiteNumbers(column).reduce(0, +)
      let summary = try #require(try report.metric(column))
      #expect(close(total, summary), "markets.csv \(column) sums to \(total), summary.csv says \(summary)")
    }
    for column in ["shortfall_share", "adl_share"] {
      let total = try markets.numbers(column, emptyAllowed: true).compactMap { $0 }.reduce(0, +)
      #expect(close(total, 1, relative: 1e-9), "\(column) sums to \(total)")
    }
    let adlProbability = try #require(try report.metric("adl_probability"))
    for value in try markets.finiteNumbers("adl_probability") {
      #expect(value <= adlProbability + 1e-12, "a market's ADL probability exceeds the overall one")
    }

    // fund_quantiles.csv: checkpoints from step 0 to the horizon, ordered quantiles.
    let quantiles = report.quantiles
    #expect(quantiles.header == ReportFolder.quantileColumns)
    let steps = try quantiles.column("step")
    #expect(steps.allSatisfy { Int($0) != nil }, "steps are not integers")
    let stepNumbers = steps.compactMap { Int($0) }
    #expect(stepNumbers.first == 0)
    #expect(stepNumbers.last == Fixture.steps)
    #expect(zip(stepNumbers, stepNumbers.dropFirst()).allSatisfy { $0 < $1 }, "steps not increasing")
    let hours = try quantiles.finiteNumbers("hours")
    for (step, hour) in zip(stepNumbers, hours) {
      #expect(close(hour, Double(step) * Fixture.stepSeconds / 3600, relative: 1e-12), "step \(step): \(hour) h")
    }
    let levels = ["p01", "p05", "p25", "p50", "p75", "p95", "p99"]
    let columns = try levels.map { try quantiles.finiteNumbers($0) }
    for row in 0..<quantiles.rows.count {
      let values = columns.map { $0[row] }
      #expect(values == values.sorted(), "quantiles out of order at step \(steps[row]): \(values)")
    }
    #expect(quantiles.rows[0].dropFirst(2).allSatisfy { Double($0) == Fixture.fund }, "step 0 is not the initial fund")
    let lowestBalance = try report.paths.finiteNumbers("min_fund").min()!
    #expect(columns[0].allSatisfy { $0 >= lowestBalance - 1e-6 }, "a p01 below every path's minimum")
    let finalMean = try #require(try report.metric("final_fund_mean"))
    #expect(close(try quantiles.finiteNumbers("mean").last!, finalMean), "last checkpoint mean ≠ final_fund_mean")

    // The checkpoints are those recorded in run.json.
    let scenario = try #require(try report.json()["scenario"] as? [String: Any])
    let simulation = try #require(scenario["simulation"] as? [String: Any])
    #expect((simulation["checkpoint_steps"] as? [Int]) == stepNumbers)
  }

  @Test func reportMarkdownRepeatsSummaryNumbersAndLinksExistingCharts() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, report) = try await runFixture(in: scratch, paths: Self.paths)
    let markdown = try report.text("report.md")
    #expect(markdown.hasPrefix("# fundstress report: tiny"))

    // Headline: one row per summary metric, in order, agreeing with summary.csv after
    // rounding (ReadableReportTests checks the numbers).
    let headline = Markdown.section("Headline", of: markdown).filter { $0.hasPrefix("| `") }
    #expect(headline.map { Markdown.cells($0)[0] } == report.summary.rows.map { "`\($0[0])`" })

    // Markets table: one row per market, in order.
    let marketRows = Markdown.section("Markets", of: markdown).filter {
      $0.hasPrefix("| ") && !$0.hasPrefix("| Market")
    }
    #expect(marketRows.map { Markdown.cells($0).first ?? "" } == Fixture.symbols)

    // Run metadata.
    let run = Markdown.section("Run", of: markdown).map(Markdown.cells)
    #expect(run.contains(["Paths", String(Self.paths)]))
    #expect(run.contains(["Seed", String(Fixture.seed)]))

    // Every link points at a file beside the report; the charts are well-formed SVG.
    let targets = Markdown.linkTargets(markdown)
    #expect(targets.filter { $0.hasSuffix(".svg") }.count >= 3, "fewer than three charts linked: \(targets)")
    for target in targets {
      #expect(!target.hasPrefix("/") && !target.contains("://"), "link \(target) is not relative to the report")
      #expect(scratch.exists("out/\(target)"), "report.md links \(target), which is not in the folder")
      if target.hasSuffix(".svg"), let data = try? scratch.data("out/\(target)") {
        #expect(String(decoding: data, as: UTF8.self).contains("<svg"), "\(target) is not an SVG")
        #expect(isWellFormedXML(data), "\(target) is not well-formed XML")
      }
    }
  }

  @Test func runJSONHoldsTheResolvedScenarioAndTheSummary() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, report) = try await runFixture(in: scratch, paths: Self.paths)
    let json = try report.json()
    #expect(json["format"] as? String == "fundstress-run")

    let metadata = try #require(json["metadata"] as? [String: Any])
    #expect(metadata["paths"] as? Int == Self.paths)
    #expect(metadata["seed"] as? Int == Int(Fixture.seed))
    #expect(metadata["symbols"] as? [String] == Fixture.symbols)

    let scenario = try #require(json["scenario"] as? [String: Any])
    #expect(scenario["name"] as? String == "tiny")
    #expect(scenario["seed"] as? Int == Int(Fixture.seed))
    let horizon = try #require(scenario["horizon"] as? [String: Any])
    #expect(horizon["steps"] as? Int == Fixture.steps)
    #expect(horizon["step_seconds"] as? Double == Fixture.stepSeconds)
    let markets = try #require(scenario["markets"] as? [[String: Any]])
    #expect(markets.compactMap { $0["symbol"] as? String } == Fixture.symbols)
    #expect(markets.compactMap { $0["price"] as? Double } == Fixture.prices)
    #expect(markets.compactMap { $0["volatility"] as? Double } == [2.5, 3.0, 3.5])
    let correlation = try #require(scenario["correlation"] as? [String: Any])
    #expect(correlation["matrix"] as? [[Double]] == [[1.0, 0.8, 0.7], [0.8, 1.0, 0.7], [0.7, 0.7, 1.0]])
    let fund = try #require(scenario["fund"] as? [String: Any])
    #expect(fund["balance"] as? Double == Fixture.fund)
    #expect(fund["waterfall"] as? String == "market-close")
    let book = try #require(scenario["book"] as? [String: Any])
    #expect(book["kind"] as? String == "synthetic")
    #expect(book["positions"] as? Int == 150)
    let jumps = try #require(scenario["jumps"] as? [String: Any])
    #expect(jumps["intensity"] as? Double == 10)

    // The summary array is summary.csv, number for number. (The text is identical; the tolerance
    // is for swift-corelibs-foundation's JSONSerialization, which reads some decimals one ulp off.)
    let summary = try #require(json["summary"] as? [[String: Any]])
    #expect(summary.compactMap { $0["name"] as? String } == (try report.summary.column("metric")))
    for (entry, row) in zip(summary, report.summary.rows) {
      for (key, field) in zip(["value", "ci_low", "ci_high"], row[1...3]) {
        if field.isEmpty {
          #expect(entry[key] is NSNull, "\(row[0]).\(key): csv empty, json \(entry[key] ?? "missing")")
        } else {
          let number = try #require(entry[key] as? Double, "\(row[0]).\(key): json \(entry[key] ?? "nil")")
          #expect(close(number, Double(field)!, relative: 1e-15), "\(row[0]).\(key): json \(number) ≠ \(field)")
        }
      }
    }
    let jsonMarkets = try #require(json["markets"] as? [Any])
    #expect(jsonMarkets.count == Fixture.symbols.count)
  }

  @Test func runsABookReadFromAPositionsFile() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("book/positions.csv", Fixture.positionsCSV())
    let (_, report) = try await runFixture(
      in: scratch, paths: 100, scenario: Fixture.scenario(book: .positions("book/positions.csv")))
    try checkPathsTable(report.paths, paths: 100)
    try checkSummaryAgainstPaths(report)
    #expect(try report.paths.finiteNumbers("liquidations").contains { $0 > 0 }, "nothing was ever liquidated")
    let book = try #require((try report.json()["scenario"] as? [String: Any])?["book"] as? [String: Any])
    #expect(book["kind"] as? String == "positions")
    #expect(book["positions"] as? Int == 48)
    #expect((book["file"] as? String)?.hasSuffix("positions.csv") == true)
  }

  @Test func aRerunReplacesThePreviousReport() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try await runFixture(in: scratch, paths: 50)
    let (_, second) = try await runFixture(in: scratch, paths: 70)
    #expect(second.paths.rows.count == 70)
    #expect(scratch.stagingLeftovers().isEmpty, "\(scratch.entries())")
  }

  /// The report states a sub-second step as it is (an integer conversion wrote "0 s" for
  /// 0.5 s, and trapped on step lengths beyond the integers).
  @Test func reportStatesAFractionalStepLength() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let scenario = Fixture.replacing(
      "horizon: {steps: \(Fixture.steps), step_seconds: 60}",
      with: "horizon: {steps: \(Fixture.steps), step_seconds: 0.5}",
      in: Fixture.scenario())
    let (_, report) = try await runFixture(in: scratch, paths: 20, extra: ["--quiet"], scenario: scenario)
    #expect(try report.text("report.md").contains("Horizon: \(Fixture.steps) steps of 0.5 s"))
  }
}

// MARK: - Consistency checks shared by the tests above

/// `paths.csv` structure: one row per path in order, numbers everywhere (an empty
/// `depletion_step` exactly on surviving paths), counts as whole numbers, and
/// `depleted` agreeing with `min_fund` and the depletion threshold (0 in the fixture).
func checkPathsTable(
  _ table: CSVTable, paths: Int, steps: Int = Fixture.steps, initialFund: Double = Fixture.fund
)
  throws
{
  #expect(Array(table.header.prefix(ReportFolder.pathsColumns.count)) == ReportFolder.pathsColumns)
  #expect(table.rows.count == paths)
  #expect(try table.column("path") == (0..<paths).map(String.init))

  for column in table.header where column != "depletion_step" && column != "fund_needed" {
    _ = try table.finiteNumbers(column)
  }
  // The fund needed: known for every path (market close) or for none (takeover); a path
  // depleted the fund exactly when it needed more than it had.
  let needed = try table.numbers("fund_needed", emptyAllowed: true)
  #expect(needed.allSatisfy { $0 != nil } || needed.allSatisfy { $0 == nil })
  for (flag, value) in zip(try table.column("depleted"), needed) {
    if let value { #expect((flag == "1") == (initialFund <= value), "fund_needed \(value) with depleted \(flag)") }
  }
  for column in ["liquidations", "adl_events", "max_cascade_rounds"] {
    let fields = try table.column(column)
    #expect(fields.allSatisfy { Int($0).map { $0 >= 0 } == true }, "\(column) holds a non-count: \(fields.prefix(5))")
  }

  let depleted = try table.column("depleted")
  let depletionSteps = try table.column("depletion_step")
  let minFund = try table.finiteNumbers("min_fund")
  let finalFund = try table.finiteNumbers("final_fund")
  let liquidations = try table.finiteNumbers("liquidations")
  let liquidated = try table.finiteNumbers("liquidated_notional")
  let adlEvents = try table.finiteNumbers("adl_events")
  let adlNotional = try table.finiteNumbers("adl_notional")
  let shortfall = try table.finiteNumbers("shortfall")
  let rounds = try table.finiteNumbers("max_cascade_rounds")
  for row in 0..<table.rows.count {
    let path = "path \(row)"
    #expect(depleted[row] == "0" || depleted[row] == "1", "\(path): depleted is '\(depleted[row])'")
    if depleted[row] == "1" {
      let step = Int(depletionSteps[row])
      #expect(step.map { (0...steps).contains($0) } == true, "\(path): depletion_step '\(depletionSteps[row])'")
    } else {
      #expect(depletionSteps[row].isEmpty, "\(path): not depleted but depletion_step '\(depletionSteps[row])'")
    }
    #expect(
      (depleted[row] == "1") == (minFund[row] <= 0), "\(path): depleted \(depleted[row]), min_fund \(minFund[row])")
    #expect(minFund[row] <= finalFund[row], "\(path): min_fund above final_fund")
    #expect(minFund[row] <= initialFund, "\(path): min_fund above the initial fund")
    #expect(adlEvents[row] <= liquidations[row], "\(path): more ADL events than liquidations")
    #expect(liquidated[row] >= 0 && shortfall[row] >= 0 && adlNotional[row] >= 0, "\(path): negative amount")
    #expect((liquidations[row] == 0) == (liquidated[row] == 0), "\(path): liquidations vs notional")
    #expect(liquidations[row] == 0 || rounds[row] >= 1, "\(path): liquidations without a cascade round")
    if adlNotional[row] > 0 { #expect(adlEvents[row] > 0, "\(path): ADL notional without an ADL event") }
  }
}

/// `summary.csv` restates `paths.csv`: probabilities are shares of paths, means are means,
/// the maximum is the maximum, quantiles are ordered and inside the sample's range.
func checkSummaryAgainstPaths(_ report: ReportFolder) throws {
  let table = report.paths
  let n = Double(table.rows.count)
  func mean(_ column: String) throws -> Double { try table.finiteNumbers(column).reduce(0, +) / n }

  let depletedShare = Double(try table.column("depleted").filter { $0 == "1" }.count) / n
  #expect(try report.metric("depletion_probability") == depletedShare, "depletion_probability ≠ mean of depleted")
  let adlShare = Double(try table.finiteNumbers("adl_events").filter { $0 > 0 }.count) / n
  #expect(try report.metric("adl_probability") == adlShare, "adl_probability ≠ share of paths with ADL")
  #expect(try report.metric("paths") == n)

  for (metric, column) in [
    ("liquidations_mean", "liquidations"), ("liquidated_notional_mean", "liquidated_notional"),
    ("adl_events_mean", "adl_events"), ("adl_notional_mean", "adl_notional"), ("shortfall_mean", "shortfall"),
    ("final_fund_mean", "final_fund"), ("min_fund_mean", "min_fund"), ("cascade_rounds_mean", "max_cascade_rounds"),
  ] {
    let value = try #require(try report.metric(metric), "\(metric) is empty")
    let expected = try mean(column)
    #expect(close(value, expected), "\(metric) \(value) ≠ mean of \(column) \(expected)")
  }
  if table.header.contains("bad_debt") {
    let value = try #require(try report.metric("bad_debt_mean"))
    #expect(close(value, try mean("bad_debt")), "bad_debt_mean ≠ mean of bad_debt")
  }
  #expect(try report.metric("cascade_rounds_max") == (try table.finiteNumbers("max_cascade_rounds").max()))

  // Fund loss = initial − final balance: VaR inside the sample, increasing with the level, ES ≥ VaR.
  let losses = try table.finiteNumbers("final_fund").map { Fixture.fund - $0 }
  let (lowest, highest) = (losses.min()!, losses.max()!)
  var previous = -Double.infinity
  for level in ["95", "99", "99_9"] {
    let valueAtRisk = try #require(try report.metric("fund_loss_var_\(level)"))
    let shortfall = try #require(try report.metric("fund_loss_es_\(level)"))
    #expect(valueAtRisk >= lowest && valueAtRisk <= highest, "VaR \(level) outside the losses")
    #expect(valueAtRisk >= previous, "VaR \(level) below a lower level's")
    #expect(shortfall >= valueAtRisk - 1e-9 * abs(valueAtRisk), "ES \(level) \(shortfall) < VaR \(valueAtRisk)")
    #expect(shortfall <= highest + 1e-9 * abs(highest), "ES \(level) above the largest loss")
    previous = valueAtRisk
  }

  // Time to depletion, in hours, over the depleted paths.
  let hours = try table.numbers("depletion_step", emptyAllowed: true).compactMap { $0 }
    .map { $0 * Fixture.stepSeconds / 3600 }
  let levels = ["p05", "p25", "p50", "p75", "p95"]
  let times = try levels.map { try report.metric("time_to_depletion_\($0)") }
  if hours.isEmpty {
    #expect(times.allSatisfy { $0 == nil }, "time to depletion without a depleted path")
  } else {
    let values = try times.map { try #require($0) }
    #expect(values == values.sorted(), "time-to-depletion quantiles out of order: \(values)")
    #expect(values.allSatisfy { $0 >= hours.min()! - 1e-12 && $0 <= hours.max()! + 1e-12 }, "outside \(hours.min()!)…")
  }
}
