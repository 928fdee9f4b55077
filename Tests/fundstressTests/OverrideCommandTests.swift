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
}
