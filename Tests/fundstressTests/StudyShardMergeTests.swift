import Foundation
import Testing

/// `sweep --shard I/N` and `size --shard I/N` (one-run method) with `merge`: the merged CSVs
/// are byte-identical to the single-machine command for 1, 2, 4 and 7 shards (uneven
/// ranges: 450 paths are 8 chunks, the last of 2 paths), the other files are written, and
/// mixed kinds, bisection and `--fail-if` on a size merge are refused with one line.
@Suite struct StudyShardMergeTests {
  static let paths = 450
  static let sweep = ["--vary", "markets.*.depth=x0.5,x1"]
  static let size = ["--target", "depletion<=0.05", "--target", "adl<=0.2", "--levels", "12"]

  /// Runs the `count` shards of `command` into `prefix-count-i` folders; returns their names.
  static func shards(
    _ command: String, _ count: Int, in scratch: Scratch, prefix: String, extra: [String]
  ) async throws -> [String] {
    try await shardFolders(command, count, paths: paths, in: scratch, prefix: prefix, extra: extra)
  }

  @Test(arguments: [1, 2, 4, 7])
  func sweepShardsMergeByteIdentically(shards: Int) async throws {
    let scratch = try Scratch("sweep-shards")
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let single = try await fundstress(
      ["sweep", "--scenario", "scenario.yaml", "--paths", String(Self.paths), "--out", "single", "--quiet"]
        + Self.sweep,
      in: scratch.url)
    try #require(single.status == 0, "\(single)")
    let names = try await Self.shards("sweep", shards, in: scratch, prefix: "sw", extra: Self.sweep + ["--quiet"])
    let merged = try await fundstress(["merge"] + names.reversed() + ["--out", "merged", "--quiet"], in: scratch.url)
    try #require(merged.status == 0, "\(merged)")
    #expect(scratch.entries("merged") == scratch.entries("single"))
    let csv = try scratch.data("single/sweep.csv")
    #expect(csv.count > 200)
    #expect(csv == (try scratch.data("merged/sweep.csv")), "sweep.csv differs with \(shards) shards")
    // The paired differences are not all zero: the merge must carry the per-path marks.
    #expect(try scratch.read("merged/sweep.csv").contains("x0.5,depletion_probability,"))
  }

  @Test(arguments: [1, 2, 4, 7])
  func sizeShardsMergeByteIdentically(shards: Int) async throws {
    let scratch = try Scratch("size-shards")
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let single = try await fundstress(
      ["size", "--scenario", "scenario.yaml", "--paths", String(Self.paths), "--out", "single", "--quiet"] + Self.size,
      in: scratch.url)
    try #require(single.status == 0, "\(single)")
    let names = try await Self.shards("size", shards, in: scratch, prefix: "sz", extra: Self.size + ["--quiet"])
    let merged = try await fundstress(["merge"] + names.reversed() + ["--out", "merged"], in: scratch.url)
    try #require(merged.status == 0, "\(merged)")
    #expect(merged.stdout.contains("fund needed") && merged.stdout.contains("one-run"), "\(merged)")
    #expect(scratch.entries("merged") == scratch.entries("single"))
    for file in ["sizing.csv", "targets.csv"] {
      let data = try scratch.data("single/\(file)")
      #expect(data.count > 100)
      #expect(data == (try scratch.data("merged/\(file)")), "\(file) differs with \(shards) shards")
    }
  }

  /// Refusals: mixed kinds, shards of two sweeps, a corrupt point file, bisection with
  /// --shard, --fail-if on a size merge; each one line, no output.
  @Test func refusalsWriteNothing() async throws {
    let scratch = try Scratch("study-refusals")
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let sweep = try await Self.shards("sweep", 2, in: scratch, prefix: "sw", extra: Self.sweep + ["--quiet"])
    let other = try await Self.shards(
      "sweep", 2, in: scratch, prefix: "ot", extra: ["--vary", "markets.*.depth=x0.5,x2", "--quiet"])
    let size = try await Self.shards("size", 2, in: scratch, prefix: "sz", extra: Self.size + ["--quiet"])
    let run = try await fundstress(
      [
        "run", "--scenario", "scenario.yaml", "--paths", String(Self.paths), "--shard", "1/2", "--out", "run1",
        "--quiet",
      ],
      in: scratch.url)
    try #require(run.status == 0, "\(run)")
    try scratch.write("corrupt/x", "")
    try FileManager.default.removeItem(at: scratch.path("corrupt"))
    try FileManager.default.copyItem(at: scratch.path(sweep[1]), to: scratch.path("corrupt"))
    var bytes = try scratch.data("corrupt/point-1.json")
    bytes[bytes.count / 2] ^= 0x01
    try bytes.write(to: scratch.path("corrupt/point-1.json"))
    let cases: [([String], Int32, String)] = [
      ([sweep[0], "run1"], 1, "merge the partials of one command"),
      ([size[0], sweep[1]], 1, "merge the partials of one command"),
      ([sweep[0], other[1]], 1, "different sweeps"),
      ([sweep[0]], 1, "are in no partial"),
      ([sweep[0], "corrupt"], 1, "corrupt"),
      (size + ["--fail-if", "depletion>0.5"], 1, "--fail-if applies to run and sweep partials"),
      (size + ["--quantiles", "exact"], 1, "--quantiles applies to run partials"),
    ]
    for (arguments, status, message) in cases {
      let result = try await fundstress(["merge"] + arguments + ["--out", "merged"], in: scratch.url)
      #expect(result.status == status, "\(result)")
      #expect(result.stderrLines.count == 1 && result.stderr.contains(message), "\(result)")
      #expect(!scratch.exists("merged") && scratch.stagingLeftovers().isEmpty)
    }
    let bisection = try await fundstress(
      [
        "size", "--scenario", "scenario.yaml", "--paths", "450", "--shard", "0/2", "--method", "bisection", "--out",
        "b",
      ],
      in: scratch.url)
    #expect(bisection.status == 64 && bisection.stderrLines.count == 1, "\(bisection)")
    #expect(bisection.stderr.contains("bisection cannot be sharded"), "\(bisection)")
    try scratch.write("takeover.yaml", Fixture.scenario(waterfall: "takeover"))
    let auto = try await fundstress(
      ["size", "--scenario", "takeover.yaml", "--paths", "450", "--shard", "0/2", "--out", "b"], in: scratch.url)
    #expect(auto.status == 1 && auto.stderrLines.count == 1, "\(auto)")
    #expect(auto.stderr.contains("bisection cannot be sharded"), "\(auto)")
    #expect(!scratch.exists("b"))
  }

  /// `merge --fail-if` over sweep shards reports the breaching cells like `sweep` does.
  @Test func sweepMergeFailIfReportsCells() async throws {
    let scratch = try Scratch("sweep-fail-if")
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let names = try await Self.shards("sweep", 2, in: scratch, prefix: "sw", extra: Self.sweep + ["--quiet"])
    // `depletion>=0` holds in every cell.
    let merged = try await fundstress(
      ["merge"] + names + ["--out", "merged", "--quiet", "--fail-if", "depletion>=0"], in: scratch.url)
    #expect(merged.status == 3 && merged.stderrLines.count == 2, "\(merged)")
    #expect(merged.stderr.contains("threshold breached in cell 0 (markets.*.depth=x0.5)"), "\(merged)")
    #expect(scratch.exists("merged/sweep.csv"))
    let refused = try await fundstress(
      [
        "sweep", "--scenario", "scenario.yaml", "--paths", "450", "--shard", "0/2", "--out", "x", "--fail-if",
        "depletion>0.5",
      ] + Self.sweep, in: scratch.url)
    #expect(refused.status == 64 && refused.stderr.contains("--fail-if needs the whole sweep"), "\(refused)")
  }
}
