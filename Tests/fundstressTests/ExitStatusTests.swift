import Foundation
import Testing

/// The exit statuses the code uses (BadInputTests, FailIfTests and InterruptTests check
/// them on real runs) are the ones `fundstress --help`, the README and docs/REPORTS.md state.
@Suite struct ExitStatusTests {
  /// The repository's root, from this file's place in it.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func helpReadmeAndReportsStateTheSameStatuses() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let help = try await fundstress(["--help"], in: scratch.url)
    try #require(help.status == 0, "\(help)")
    // --help wraps its text at the terminal width: compare with single spaces.
    let helpText = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for phrase in [
      "1 bad input", "3 a --fail-if threshold", "64 usage error", "--paths 0", "130 interrupted by Ctrl-C",
      "143 by SIGTERM", "129 by SIGHUP",
    ] {
      #expect(helpText.contains(phrase), "--help does not say '\(phrase)': \(helpText)")
    }
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for phrase in [
      "`64` a command-line usage error", "`--paths 0`, `--threads 0`", "`--fail-if 'depletion=0.01'`",
      "`130` interrupted by Ctrl-C", "`143` stopped by SIGTERM", "`129` by SIGHUP",
    ] {
      #expect(readme.contains(phrase), "README does not say '\(phrase)'")
    }
    let reports = try String(contentsOf: Self.root.appendingPathComponent("docs/REPORTS.md"), encoding: .utf8)
    for phrase in [
      "| 64 |", "`--paths 0`, `--threads 0`, `--fail-if 'depletion=0.01'`",
      "130 Ctrl-C (SIGINT), 143 SIGTERM, 129 SIGHUP",
    ] {
      #expect(reports.contains(phrase), "docs/REPORTS.md does not say '\(phrase)'")
    }
  }
}
