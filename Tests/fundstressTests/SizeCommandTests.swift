import Foundation
import Testing

/// `fundstress size` end to end: its files, its curve against `run --set fund.balance=F`,
/// its answer run back, bisection for the takeover waterfall, and bad targets refused.
@Suite struct SizeCommandTests {
  static let paths = 200

  @Test func sizesTheFixtureAndTheAnswerRunsBackWithinTheTarget() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let result = try await fundstress(
      [
        "size", "--scenario", "scenario.yaml", "--paths", String(Self.paths), "--target", "depletion<=0.2",
        "--target", "adl<=0.3", "--out", "size",
      ], in: scratch.url)
    try #require(result.status == 0, "\(result)")
    #expect(scratch.entries("size") == ["run.json", "size.md", "sizing.csv", "sizing_curve.svg", "targets.csv"])
    #expect(result.stdout.contains("depletion<=0.2: fund needed"))
    let targets = try CSVParser.table(
      scratch.read("size/targets.csv"),
      header: ["target", "metric", "operator", "threshold", "fund_needed", "ci_low", "ci_high", "method"])
    #expect(try targets.column("method") == ["one-run", "one-run"])
    let needed = try #require(targets.numbers("fund_needed").first ?? nil)
    let curve = try CSVParser.table(
      scratch.read("size/sizing.csv"),
      header: [
        "fund_balance", "depletion_probability", "depletion_ci_low", "depletion_ci_high", "adl_probability",
        "adl_ci_low", "adl_ci_high",
      ])
    #expect(curve.rows.count >= 50)
    #expect(isWellFormedXML(try scratch.data("size/sizing_curve.svg")))
    let json = try JSONSerialization.jsonObject(with: scratch.data("size/run.json")) as? [String: Any]
    #expect(json?["format"] as? String == "fundstress-size")

    // Run back at the answer, and at the scenario's own balance: the same probabilities as
    // the curve's rows there.
    for balance in [needed, Fixture.fund] {
      let (_, run) = try await runFixture(
        in: scratch, out: "at-\(Int(balance))", paths: Self.paths,
        extra: ["--quiet", "--set", "fund.balance=\(balance)"])
      let row = try #require(curve.rows.first { Double($0[0]) == balance }, "no curve row at \(balance)")
      #expect(try run.metric("depletion_probability") == Double(row[1]))
      #expect(try run.metric("adl_probability") == Double(row[4]))
      if balance == needed {
        let probability = try #require(try run.metric("depletion_probability"))
        #expect(probability <= 0.2)
      }
    }
  }

  @Test func theTakeoverWaterfallIsSizedByBisection() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario(waterfall: "takeover"))
    let result = try await fundstress(
      [
        "size", "--scenario", "scenario.yaml", "--paths", "100", "--target", "depletion<=0.3", "--levels", "6",
        "--out", "size", "--quiet",
      ],
      in: scratch.url)
    try #require(result.status == 0, "\(result)")
    #expect(try scratch.read("size/targets.csv").contains(",bisection\n"))
    // The balances bisection tried plus the six of the grid.
    let curve = try scratch.read("size/sizing.csv").split(separator: "\n")
    #expect(curve.count >= 1 + 6 + 3)
    // A second sizing into the same folder replaces the first.
    let again = try await fundstress(
      ["size", "--scenario", "scenario.yaml", "--paths", "20", "--levels", "2", "--out", "size", "--quiet"],
      in: scratch.url)
    #expect(again.status == 0 && scratch.exists("size/size.md"), "\(again)")
    let refused = try await fundstress(
      ["size", "--scenario", "scenario.yaml", "--paths", "10", "--method", "one-run", "--out", "one"], in: scratch.url)
    #expect(refused.status == 1 && refused.stderrLines.count == 1 && !scratch.exists("one"), "\(refused)")
  }

  @Test func aBadTargetIsRefusedWithOneLineAndNoOutput() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let result = try await fundstress(
      ["size", "--paths", "10", "--target", "depletion>=0.01", "--out", "x"], in: scratch.url)
    // A malformed option value is a usage error: exit 64 (Fundstress.swift's exit statuses).
    #expect(result.status == 64 && result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("--target 'depletion>=0.01'") && !scratch.exists("x"))
  }
}
