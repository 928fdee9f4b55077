import Foundation
import Testing

/// `fundstress scenario default | check FILE`, and a run of the embedded default.
@Suite struct ScenarioCommandTests {
  @Test func defaultScenarioPassesItsOwnCheck() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let printed = try await fundstress(["scenario", "default"], in: scratch.url)
    try #require(printed.status == 0, "\(printed)")
    #expect(printed.stderr.isEmpty)
    // A commented YAML file to start from, with every top-level block of the README's "Scenario reference".
    #expect(printed.stdout.hasPrefix("#"))
    for key in ["name:", "seed:", "horizon:", "markets:", "correlation:", "book:", "fund:", "adl:"] {
      #expect(printed.stdout.contains("\n\(key)"), "the default scenario has no \(key) block")
    }

    try scratch.write("default.yaml", printed.stdout)
    let check = try await fundstress(["scenario", "check", "default.yaml"], in: scratch.url)
    #expect(check.status == 0, "\(check)")
    #expect(check.stderr.isEmpty)
    #expect(check.stdout.contains("default.yaml"), "the check does not name the file")
    #expect(check.stdout.contains("OK"))
    #expect(check.stdout.contains("smallest eigenvalue"), "the check does not report the smallest eigenvalue")
    #expect(check.stdout.contains("positive definite") && !check.stdout.contains("NOT positive definite"))
    for symbol in ["BTC", "ETH", "SOL", "SUI"] {
      #expect(check.stdout.contains("\n\(symbol) "), "the market table lacks \(symbol)")
    }
  }

  @Test func checkSummarisesTheFixture() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("tiny.yaml", Fixture.scenario())
    let check = try await fundstress(["scenario", "check", "tiny.yaml"], in: scratch.url)
    try #require(check.status == 0, "\(check)")
    #expect(check.stdout.contains("Scenario 'tiny'"))
    #expect(check.stdout.contains("\(Fixture.steps) steps"))
    #expect(check.stdout.contains("150 positions"))
    // The fixture's matrix has eigenvalues 0.2, 0.3 and 2.5.
    #expect(check.stdout.contains("smallest eigenvalue 0.2 "), "\(check.stdout)")
  }

  @Test func checkAcceptsANonDefiniteCorrelationWhenAskedToRepairIt() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repaired = Fixture.replacing(
      "correlation:\n  - [1.0, 0.8, 0.7]\n  - [0.8, 1.0, 0.7]\n  - [0.7, 0.7, 1.0]",
      with:
        "correlation:\n  - [1.0, 0.9, -0.9]\n  - [0.9, 1.0, 0.9]\n  - [-0.9, 0.9, 1.0]\ncorrelation_repair: nearest",
      in: Fixture.scenario())
    try scratch.write("repaired.yaml", repaired)
    let check = try await fundstress(["scenario", "check", "repaired.yaml"], in: scratch.url)
    #expect(check.status == 0, "\(check)")
    #expect(check.stdout.contains("repaired"), "\(check.stdout)")
    let (_, report) = try await runFixture(in: scratch, paths: 20, extra: ["--quiet"], scenario: repaired)
    let correlation = try #require((try report.json()["scenario"] as? [String: Any])?["correlation"] as? [String: Any])
    #expect(correlation["repaired"] as? Bool == true)
    #expect((correlation["smallest_eigenvalue"] as? Double).map { $0 > 0 } == true)
  }

  /// The embedded default (16,000 positions, 1,440 steps) with two paths: about 0.4 s in a
  /// debug build on the reference machine; the time limit leaves room for a loaded CI box.
  @Test(.timeLimit(.minutes(1)))
  func runWithoutAScenarioUsesTheEmbeddedDefaultAndTheDefaultFolder() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let result = try await fundstress(["run", "--paths", "2", "--quiet"], in: scratch.url)
    try #require(result.status == 0, "\(result)")
    #expect(result.seconds < 30, "a two-path default run took \(result.seconds) s")
    // docs/REPORTS.md: the default output folder is reports/latest/.
    let report = try ReportFolder(scratch.path("reports/latest"))
    try checkPathsTable(report.paths, paths: 2, steps: 1440, initialFund: 1.0e7)
    #expect(report.markets.rows.count == 8)
    let scenario = try #require(try report.json()["scenario"] as? [String: Any])
    #expect(scenario["name"] as? String == "default")
    #expect(scenario["source"] as? String == "embedded default")
    #expect((scenario["book"] as? [String: Any])?["positions"] as? Int == 16_000)
    #expect(scratch.stagingLeftovers("reports").isEmpty)
  }
}
