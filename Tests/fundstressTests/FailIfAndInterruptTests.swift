import Foundation
import Testing

/// `--fail-if` thresholds (exit 3 with the report written) and Ctrl-C (exit 130, nothing left).
///
/// Usage errors in `--fail-if` exit with 64: see BadInputTests.
@Suite struct FailIfTests {
  @Test func aBreachedThresholdExitsWith3AndStillWritesTheReport() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let result = try await fundstress(
      ["run", "--scenario", "scenario.yaml", "--paths", "60", "--out", "out", "--fail-if", "depletion>=0"],
      in: scratch.url)
    #expect(!result.signaled && result.status == 3, "\(result)")
    #expect(result.stderr.contains("depletion_probability"), "the breach is not named: \(result.stderr)")
    let report = try ReportFolder(scratch.path("out"))
    #expect(report.paths.rows.count == 60)
    #expect(scratch.exists("out/report.md") && scratch.exists("out/run.json"))
    #expect(scratch.stagingLeftovers().isEmpty)
  }

  @Test func anUnbreachedThresholdExitsWith0() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let result = try await fundstress(
      ["run", "--scenario", "scenario.yaml", "--paths", "60", "--out", "out", "--fail-if", "depletion>1"],
      in: scratch.url)
    #expect(!result.signaled && result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
    #expect(scratch.exists("out/summary.csv"))
  }

  @Test func onlyTheBreachedConditionsAreReported() async throws {
    // The fixture depletes the fund on some but not all paths: 0 < depletion_probability < 1.
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let result = try await fundstress(
      [
        "run", "--scenario", "scenario.yaml", "--paths", "100", "--out", "out", "--quiet",
        "--fail-if", "depletion > 100%", "--fail-if", "adl>=1%", "--fail-if", "cascade_rounds_max<1",
      ], in: scratch.url)
    #expect(result.status == 3, "\(result)")
    #expect(result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("adl_probability"), "\(result)")
    let adl = try #require(try ReportFolder(scratch.path("out")).metric("adl_probability"))
    #expect(adl >= 0.01)
  }
}

@Suite struct InterruptTests {
  /// Ctrl-C, `kill` or a closed terminal during a long run: exit status 128 + the signal's
  /// number as shells report it (130 SIGINT, 143 SIGTERM, 129 SIGHUP; SIGTERM used to exit
  /// 130), no output folder, no staging folder (SIGHUP used to leave the staging folder behind).
  @Test(.timeLimit(.minutes(3)), arguments: [SIGINT, SIGTERM, SIGHUP])
  func anInterruptLeavesNoOutputBehind(signal: Int32) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    // 20,000 paths of 1,000 steps: about a minute in a debug build, seconds in release.
    try scratch.write("scenario.yaml", Fixture.scenario(steps: 1000))
    let running = try RunningCommand(
      ["run", "--scenario", "scenario.yaml", "--paths", "20000", "--out", "reports/out", "--quiet"], in: scratch.url)

    // Wait until the run has set up its staging folder (its interrupt handler comes with it)…
    let start = Date()
    while scratch.stagingLeftovers("reports").isEmpty, running.isRunning, Date().timeIntervalSince(start) < 60 {
      try await Task.sleep(for: .milliseconds(10))
    }
    #expect(!scratch.stagingLeftovers("reports").isEmpty, "no staging folder appeared")
    // … let it simulate for half a second, then press Ctrl-C.
    try await Task.sleep(for: .milliseconds(500))
    try #require(running.isRunning, "the run finished before it could be interrupted; make it longer")
    running.interrupt(with: signal)
    let result = await running.result()

    #expect(!result.signaled && result.status == 128 + signal, "\(result)")
    #expect([SIGINT: 130, SIGTERM: 143, SIGHUP: 129][signal] == result.status, "\(result)")
    #expect(result.stderrLines.count == 1 && result.stderr.contains("interrupted"), "\(result)")
    #expect(!scratch.exists("reports/out"), "an output folder was left behind")
    #expect(scratch.stagingLeftovers("reports").isEmpty, "staging leftovers: \(scratch.entries("reports"))")
  }
}
