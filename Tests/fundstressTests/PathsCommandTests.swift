import Foundation
import Testing

/// `fundstress paths`: sample price paths as CSV `path,step,<symbols…>`.
@Suite struct PathsCommandTests {
  @Test func writesKeptStepsOfEveryPathStartingAtTheScenarioPrices() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let result = try await fundstress(
      ["paths", "--scenario", "scenario.yaml", "--paths", "3", "--every", "10", "--out", "prices/sample.csv"],
      in: scratch.url)
    try #require(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    #expect(scratch.entries("prices") == ["sample.csv"], "staging leftovers: \(scratch.entries("prices"))")

    let table = try CSVParser.table(try scratch.read("prices/sample.csv"))
    #expect(table.header == ["path", "step"] + Fixture.symbols)
    let kept = Array(stride(from: 0, through: Fixture.steps, by: 10))
    #expect(table.rows.count == 3 * kept.count)
    let expectedKeys = (0..<3).flatMap { path in kept.map { ["\(path)", "\($0)"] } }
    #expect(table.rows.map { Array($0.prefix(2)) } == expectedKeys)

    for row in table.rows {
      let prices = row.dropFirst(2).map { Double($0) }
      #expect(prices.allSatisfy { $0 != nil && $0!.isFinite && $0! > 0 }, "bad prices \(row)")
    }
    for row in table.rows where row[1] == "0" {
      let prices = row.dropFirst(2).compactMap { Double($0) }
      for (price, expected) in zip(prices, Fixture.prices) {
        #expect(close(price, expected, relative: 1e-12), "step 0 price \(price) ≠ scenario price \(expected)")
      }
    }
    // The paths differ from each other (one seed, distinct path streams).
    let lastRows = table.rows.filter { $0[1] == "\(Fixture.steps)" }.map { Array($0.dropFirst(2)) }
    #expect(Set(lastRows).count == 3, "paths end at identical prices")
  }

  @Test func step0IsWrittenExactlyAsTheScenarioPrice() async throws {
    // docs/MODEL.md, "Price paths": a replay file's step 0 holds the initial prices, and PriceTable promises
    // that path 0 of this file is a valid replay. Prices go through exp(log(p)), which
    // turns 90000 into 89999.99999999997.
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let result = try await fundstress(
      ["paths", "--scenario", "scenario.yaml", "--paths", "1", "--every", "50", "--out", "p.csv"], in: scratch.url)
    try #require(result.status == 0, "\(result)")
    let table = try CSVParser.table(try scratch.read("p.csv"))
    let step0 = try #require(table.rows.first)
    #expect(Array(step0.dropFirst(2)) == ["90000.0", "3000.0", "150.0"])
  }

  @Test func outputDoesNotDependOnThreadsButOnTheSeed() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    // 40 paths: more than one chunk of 16, so two workers share the work.
    let common = ["paths", "--scenario", "scenario.yaml", "--paths", "40", "--every", "7"]
    for (threads, file) in [("1", "one.csv"), ("2", "two.csv")] {
      let result = try await fundstress(common + ["--threads", threads, "--out", file], in: scratch.url)
      try #require(result.status == 0, "\(result)")
    }
    let one = try scratch.data("one.csv")
    #expect(one == (try scratch.data("two.csv")), "paths differ between --threads 1 and --threads 2")
    // Every 7th step plus the last one (100 is not a multiple of 7).
    let table = try CSVParser.table(String(decoding: one, as: UTF8.self))
    let kept = Array(stride(from: 0, through: Fixture.steps, by: 7)) + [Fixture.steps]
    #expect(try table.column("step").prefix(kept.count) == kept.map(String.init)[...])
    #expect(table.rows.count == 40 * kept.count)

    let reseeded = try await fundstress(common + ["--seed", "99", "--out", "seed99.csv"], in: scratch.url)
    try #require(reseeded.status == 0, "\(reseeded)")
    #expect(one != (try scratch.data("seed99.csv")), "--seed does not change the paths")
  }

  @Test func pathZeroReplayedMakesEveryPathIdentical() async throws {
    // A price file of path 0 with --every 1, minus the path column, is a valid replay; a run
    // over it follows the same prices on every path, so every paths.csv row is the same.
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let export = try await fundstress(
      ["paths", "--scenario", "scenario.yaml", "--paths", "1", "--out", "path0.csv"], in: scratch.url)
    try #require(export.status == 0, "\(export)")
    let table = try CSVParser.table(try scratch.read("path0.csv"))
    var replay = (["step"] + Fixture.symbols).joined(separator: ",") + "\n"
    for row in table.rows { replay += row.dropFirst().joined(separator: ",") + "\n" }
    try scratch.write("crash.csv", replay)
    let scenario = Fixture.replacing(
      "horizon: {steps: \(Fixture.steps), step_seconds: 60}", with: "replay: crash.csv", in: Fixture.scenario())
    let (_, report) = try await runFixture(in: scratch, paths: 70, extra: ["--quiet"], scenario: scenario)
    #expect(report.paths.rows.count == 70)
    let outcomes = Set(report.paths.rows.map { Array($0.dropFirst()) })
    #expect(outcomes.count == 1, "a replay gave \(outcomes.count) different outcomes")
    let depletion = try #require(try report.metric("depletion_probability"))
    #expect(depletion == 0 || depletion == 1)
    // Seventy copies of one path: every figure exact, its interval the value itself.
    let rows = report.summary.keyedByFirstColumn()
    for name in ["depletion_probability", "adl_probability", "liquidations_mean", "fund_loss_var_99_9"] {
      let row = try #require(rows[name])
      #expect(row[2] == row[1] && row[3] == row[1], "\(name): \(row)")
    }
    #expect(try report.text("report.md").contains("the figures are exact"))
  }
}
