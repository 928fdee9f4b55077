import Foundation
import Testing

/// `run --shard I/N` and `merge`: the merged CSVs are byte-identical to a single-machine
/// run for 1, 2, 4 and 7 shards (uneven ranges: 450 paths are 8 chunks), report.md and
/// run.json differ only in run metadata, and a refused merge leaves nothing behind.
@Suite struct ShardMergeCommandTests {
  static let paths = 450

  /// Runs the `count` shards of the fixture into `prefix-i` folders; returns their names.
  static func shards(
    _ count: Int, in scratch: Scratch, prefix: String = "part", extra: [String] = []
  ) async throws -> [String] {
    try await shardFolders("run", count, paths: paths, in: scratch, prefix: prefix, extra: ["--quiet"] + extra)
  }

  @Test(arguments: [1, 2, 4, 7])
  func mergeIsByteIdenticalToOneMachine(shards: Int) async throws {
    let scratch = try Scratch("shards")
    defer { scratch.remove() }
    try await runFixture(in: scratch, out: "single", paths: Self.paths, extra: ["--quiet"])
    let names = try await Self.shards(shards, in: scratch)
    let merged = try await fundstress(["merge"] + names.reversed() + ["--out", "merged"], in: scratch.url)
    try #require(merged.status == 0, "\(merged)")
    #expect(merged.stdout.contains("merged"))
    for file in ReportFolder.csvFiles {
      let single = try scratch.data("single/\(file)")
      #expect(single == (try scratch.data("merged/\(file)")), "\(file) differs with \(shards) shards")
      #expect(single.count > 40)
    }
    // report.md: only the run's metadata differs: the date and id line under the opening
    // paragraph, and the Run section (date, id, threads, wall time, command, shards).
    let withoutRunLine = { (text: String) in
      text.components(separatedBy: "## Run")[0].split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !($0.hasPrefix("Run ") && $0.contains(" · run id ")) }.joined(separator: "\n")
    }
    let single = try scratch.read("single/report.md")
    let report = try scratch.read("merged/report.md")
    #expect(withoutRunLine(single) == withoutRunLine(report))
    #expect(Markdown.section("Run", of: report).contains("| Shards | \(shards) |"))
    // run.json: everything but the metadata's run fields is equal.
    var a = try ReportFolder(scratch.path("single")).json()
    var b = try ReportFolder(scratch.path("merged")).json()
    var metaA = try #require(a.removeValue(forKey: "metadata") as? [String: Any])
    var metaB = try #require(b.removeValue(forKey: "metadata") as? [String: Any])
    #expect(metaB["shards"] as? Int == shards && metaA["shards"] == nil)
    for key in ["threads", "wall_seconds", "command", "shards", "run_date", "run_id"] {
      metaA[key] = nil
      metaB[key] = nil
    }
    #expect(NSDictionary(dictionary: metaA).isEqual(to: metaB))
    // The scenario's smallest eigenvalue may differ in its last bits between loads.
    for key in ["scenario"] {
      var sa = try #require(a.removeValue(forKey: key) as? [String: Any])
      var sb = try #require(b.removeValue(forKey: key) as? [String: Any])
      sa["correlation"] = nil
      sb["correlation"] = nil
      #expect(NSDictionary(dictionary: sa).isEqual(to: sb))
    }
    #expect(NSDictionary(dictionary: a).isEqual(to: b))
  }

  /// The bounded-memory mode: sketched shards merge to the sketched single run byte for
  /// byte, exact shards merged with `--quantiles sketch` give the same, the report says
  /// which quantiles were used, and an exact merge of sketched partials is refused.
  @Test func sketchedQuantilesShardAndMergeToo() async throws {
    let scratch = try Scratch("sketch")
    defer { scratch.remove() }
    try await runFixture(in: scratch, out: "single", paths: Self.paths, extra: ["--quiet", "--quantiles", "sketch"])
    let sketched = try await Self.shards(3, in: scratch, prefix: "sk", extra: ["--quantiles", "sketch"])
    let exact = try await Self.shards(3, in: scratch, prefix: "ex")
    for (folders, extra, out) in [(sketched, [String](), "m1"), (exact, ["--quantiles", "sketch"], "m2")] {
      let merged = try await fundstress(["merge"] + folders + ["--out", out, "--quiet"] + extra, in: scratch.url)
      try #require(merged.status == 0, "\(merged)")
      for file in ReportFolder.csvFiles {
        #expect(try scratch.data("single/\(file)") == scratch.data("\(out)/\(file)"), "\(out)/\(file)")
      }
      #expect(try scratch.read("\(out)/report.md").contains("| Quantiles | sketch, relative error ≤ 0.1%"))
    }
    let refused = try await fundstress(
      ["merge"] + sketched + ["--out", "m3", "--quantiles", "exact"], in: scratch.url)
    #expect(refused.status == 1 && refused.stderrLines.count == 1 && refused.stderr.contains("sketched"))
    #expect(!scratch.exists("m3"))
  }

  /// Each refusal: status 1, one line naming the problem, no output folder, no staging.
  @Test func refusedMergesWriteNothing() async throws {
    let scratch = try Scratch("refusals")
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let four = try await Self.shards(4, in: scratch)
    let seeded = try await Self.shards(2, in: scratch, prefix: "seed", extra: ["--seed", "11"])
    let richer = try await Self.shards(2, in: scratch, prefix: "rich", extra: ["--set", "fund.balance=x2"])
    try Data("not json".utf8).write(to: scratch.path("rich2-0/partial.json"))
    let cases: [([String], String)] = [
      ([four[0], four[1], four[3]], "are in no partial"),
      (four + [four[1]], "overlaps"),
      ([four[0], seeded[1]], "different seeds"),
      ([four[0], four[1], "rich2-1"], "different scenarios"),
      (["rich2-0", four[1]], "not valid JSON"),
      (["nowhere"], "not a fundstress partial"),
    ]
    // The report may not replace one of the partials it reads.
    let clash = try await fundstress(["merge"] + four + ["--out", four[2]], in: scratch.url)
    #expect(clash.status == 1 && clash.stderrLines.count == 1 && clash.stderr.contains("is the partial"), "\(clash)")
    #expect(scratch.exists("\(four[2])/partial.json"))
    for (folders, message) in cases {
      let result = try await fundstress(["merge"] + folders + ["--out", "merged"], in: scratch.url)
      #expect(result.status == 1, "\(result)")
      #expect(result.stderrLines.count == 1 && result.stderr.contains(message), "\(result)")
      #expect(!scratch.exists("merged") && scratch.stagingLeftovers().isEmpty)
    }
  }

  /// `merge --fail-if`: the same syntax and exit status 3 as `run`, with the report
  /// written; the breach lines are those of the single-machine run with the same condition.
  @Test func mergeFailIfExitsThreeLikeRun() async throws {
    let scratch = try Scratch("merge-fail-if")
    defer { scratch.remove() }
    // `depletion>=0` holds for any probability; `depletion>1` for none.
    let breach = ["--fail-if", "depletion>=0", "--fail-if", "depletion>1"]
    try scratch.write("scenario.yaml", Fixture.scenario())
    let single = try await fundstress(
      ["run", "--scenario", "scenario.yaml", "--paths", "128", "--out", "single", "--quiet"] + breach, in: scratch.url)
    #expect(single.status == 3, "\(single)")
    var names: [String] = []
    for index in 0..<2 {
      let result = try await fundstress(
        [
          "run", "--scenario", "scenario.yaml", "--paths", "128", "--shard", "\(index)/2", "--out", "p\(index)",
          "--quiet",
        ],
        in: scratch.url)
      try #require(result.status == 0, "\(result)")
      names.append("p\(index)")
    }
    let merged = try await fundstress(["merge"] + names + ["--out", "merged", "--quiet"] + breach, in: scratch.url)
    #expect(merged.status == 3, "\(merged)")
    #expect(merged.stderrLines.count == 1 && merged.stderr.contains("threshold breached: "), "\(merged)")
    #expect(merged.stderr == single.stderr)
    #expect(try scratch.data("merged/summary.csv") == scratch.data("single/summary.csv"))
    let json = try ReportFolder(scratch.path("merged")).json()
    #expect(((json["metadata"] as? [String: Any])?["fail_if"] as? [Any])?.count == 2, "\(json.keys)")

    let calm = try await fundstress(
      ["merge"] + names + ["--out", "calm", "--quiet", "--fail-if", "depletion>1"], in: scratch.url)
    #expect(calm.status == 0 && calm.stderr.isEmpty, "\(calm)")
    let bad = try await fundstress(
      ["merge"] + names + ["--out", "bad", "--fail-if", "depletion=0.01"], in: scratch.url)
    #expect(bad.status == 64 && bad.stderrLines.count == 1 && bad.stderr.contains("depletion=0.01"), "\(bad)")
    #expect(!scratch.exists("bad"))
  }

  @Test func shardOptionsAreChecked() async throws {
    let scratch = try Scratch("shard-options")
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let cases: [([String], String)] = [
      (["--shard", "4/4"], "does not exist"),
      (["--shard", "two"], "is not I/N"),
      (["--shard", "0/9"], "at most 8 shards"),
      (["--shard", "0/2", "--fail-if", "depletion>0.5"], "--fail-if needs the whole run"),
    ]
    for (extra, message) in cases {
      let result = try await fundstress(
        ["run", "--scenario", "scenario.yaml", "--paths", "450", "--out", "p"] + extra, in: scratch.url)
      #expect(result.status != 0 && result.stderrLines.count == 1 && result.stderr.contains(message), "\(result)")
      #expect(!scratch.exists("p"))
    }
  }
}
