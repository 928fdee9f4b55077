import Foundation
import Testing

/// `--set` on the command line: a run with an override is the run of the edited file, and
/// `run.json` records what the override wrote.
@Suite struct OverrideCommandTests {
  @Test func aRunWithAnOverrideIsTheRunOfTheEditedFile() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, set) = try await runFixture(
      in: scratch, out: "set", paths: 150,
      extra: ["--quiet", "--set", "fund.balance=1.5e5", "--set", "markets.*.depth=x2"])
    let edited = Fixture.scenario(fund: 1.5e5)
      .replacingOccurrences(of: "depth: 2.0e6", with: "depth: 4.0e6")
      .replacingOccurrences(of: "depth: 1.0e6", with: "depth: 2.0e6")
      .replacingOccurrences(of: "depth: 5.0e5", with: "depth: 1.0e6")
    let (_, byHand) = try await runFixture(in: scratch, out: "edited", paths: 150, extra: ["--quiet"], scenario: edited)
    #expect(try set.text("paths.csv") == byHand.text("paths.csv"))
    #expect(try set.text("summary.csv") == byHand.text("summary.csv"))
    let scenario = try #require(try set.json()["scenario"] as? [String: Any])
    let overrides = try #require(scenario["overrides"] as? [[String: Any]])
    #expect(overrides.map { $0["set"] as? String } == ["fund.balance=1.5e5", "markets.*.depth=x2"])
    #expect((overrides[1]["values"] as? [String: String])?["markets[2].depth"] == "1000000.0")
    #expect(try byHand.json()["scenario"].map { ($0 as? [String: Any])?["overrides"] == nil } == true)
  }

  @Test func scenarioCheckAndPathsTakeOverridesToo() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let check = try await fundstress(
      ["scenario", "check", "scenario.yaml", "--set", "markets.ETH.volatility=x2"], in: scratch.url)
    #expect(check.status == 0 && check.stdout.contains("6"), "\(check)")
    let refused = try await fundstress(
      ["scenario", "check", "scenario.yaml", "--set", "markets.ETH.volatilty=1"], in: scratch.url)
    #expect(refused.status == 1 && refused.stderrLines.count == 1, "\(refused)")
    #expect(
      refused.stderr.contains("--set markets.ETH.volatilty=1: markets[1].volatilty")
        && refused.stderr.contains("'volatility'"))
    let paths = try await fundstress(
      ["paths", "--scenario", "scenario.yaml", "--paths", "2", "--set", "markets.BTC.price=1000", "--out", "p.csv"],
      in: scratch.url)
    #expect(paths.status == 0, "\(paths)")
    // Step 0 is the scenario's price exactly: the override's.
    #expect(try scratch.read("p.csv").split(separator: "\n")[1].hasPrefix("0,0,1000.0,"))
  }
}
