import Foundation
import Testing

/// `fundstress run --paths-csv full|gzip|none`.
@Suite struct PathsCSVOptionTests {
  /// The same run three ways: the summary is identical; gzip -dc of paths.csv.gz gives
  /// paths.csv byte for byte; none writes no per-path table; compare pairs gzip runs.
  @Test func gzipAndNoneKeepTheSummaryAndGzipKeepsThePaths() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try await runFixture(in: scratch, out: "full", paths: 300)
    for mode in ["gzip", "none"] {
      let run = try await fundstress(
        ["run", "--scenario", "scenario.yaml", "--paths", "300", "--out", mode, "--paths-csv", mode], in: scratch.url)
      try #require(run.status == 0, "\(run)")
    }
    for folder in ["gzip", "none"] {
      #expect(try scratch.data("\(folder)/summary.csv") == scratch.data("full/summary.csv"), "\(folder)")
      #expect(try scratch.data("\(folder)/markets.csv") == scratch.data("full/markets.csv"), "\(folder)")
      #expect(!scratch.exists("\(folder)/paths.csv"))
    }
    #expect(!scratch.exists("none/paths.csv.gz"))
    let gunzip = try await command("/bin/sh", ["-c", "gzip -dc gzip/paths.csv.gz > unzipped.csv"], in: scratch.url)
    #expect(gunzip.status == 0, "\(gunzip)")
    #expect(try scratch.data("unzipped.csv") == scratch.data("full/paths.csv"))
    #expect(try scratch.data("gzip/paths.csv.gz").count * 2 < scratch.data("full/paths.csv").count)

    // compare reads paths.csv.gz (paired) and falls back to unpaired without a table.
    let paired = try await fundstress(["compare", "full", "gzip", "--out", "cmp1"], in: scratch.url)
    #expect(paired.stdout.contains("paired (common random numbers)"), "\(paired)")
    let unpaired = try await fundstress(["compare", "full", "none", "--out", "cmp2"], in: scratch.url)
    #expect(unpaired.stdout.contains("unpaired: a run has no paths.csv"), "\(unpaired)")
  }

  @Test func anUnknownModeIsAUsageError() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let result = try await fundstress(["run", "--paths-csv", "zip", "--paths", "10", "--out", "x"], in: scratch.url)
    #expect(result.status == 64 && result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("--paths-csv"), "\(result.stderr)")
    #expect(!scratch.exists("x"))
  }
}
