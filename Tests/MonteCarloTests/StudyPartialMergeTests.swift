import Foundation
import FundReports
import MonteCarlo
import Testing

/// Sweep and size partials written by ``StudyPartialWriter`` merge (``StudyPartialMerge``)
/// into exactly the single-machine study, and every refusal is one line.
@Suite struct StudyPartialMergeTests {
  static let paths = 300

  /// The sweep of the tiny scenario over two fund balances (neither the base's 300 000).
  static func sweepPoints() throws -> (SweepPlan, [MonteCarloRun]) {
    let scenarios =
      [try TinyScenario.scenario()]
      + (try ["150000", "600000"].map {
        try TinyScenario.scenario([("balance: 300000", "balance: \($0)")])
      })
    let plan = try SweepPlan(
      keys: ["fund.balance"], values: [["150000", "600000"]], cells: [["150000"], ["600000"]], baseCell: nil,
      scenarios: scenarios)
    return (plan, scenarios.map { MonteCarloRun(scenario: $0) })
  }

  static func writeSweep(_ count: Int, root: URL, plan: SweepPlan? = nil) throws -> [URL] {
    let (defaultPlan, points) = try sweepPoints()
    let description = try RunDescription(scenario: points[0].scenario, lines: ["tiny"])
    return try (0..<count).map { index in
      let folder = root.appendingPathComponent("sweep-\(count)-\(index)-\(plan == nil)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try StudyPartialWriter.writeSweep(
        points, plan: plan ?? defaultPlan, shard: try RunShard(index: index, count: count), totalPaths: paths,
        threads: 2, description: description, version: "test", to: folder)
      return folder
    }
  }

  static func writeSize(_ count: Int, root: URL) throws -> [URL] {
    let run = MonteCarloRun(scenario: try TinyScenario.scenario())
    let description = try RunDescription(scenario: run.scenario, lines: ["tiny"])
    return try (0..<count).map { index in
      let folder = root.appendingPathComponent("size-\(count)-\(index)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try StudyPartialWriter.writeSizing(
        run, plan: SizingPlan(targets: ["depletion<=0.05"], levels: 10),
        shard: try RunShard(index: index, count: count),
        totalPaths: paths, threads: 2, description: description, version: "test", to: folder)
      return folder
    }
  }

  @Test(arguments: [1, 3, 5])
  func mergedSweepEqualsTheSingleSweep(shards: Int) throws {
    let root = try PartialMergeTests.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let (plan, points) = try Self.sweepPoints()
    let samples = try points.map { try PairedSample.run($0, paths: 0..<Self.paths, threads: 2) }
    var single = SweepTable(plan: plan, base: samples[0], currency: "USDC")
    for cell in plan.cells.indices { single.add(cell: cell, samples[plan.point(ofCell: cell)]) }
    let merge = try StudyPartialMerge(folders: try Self.writeSweep(shards, root: root).reversed())
    #expect(merge.kind == .sweep && merge.partials.count == shards)
    let merged = try merge.sweepTable(currency: "USDC")
    #expect(merged.rows == single.rows)
    // The richer fund depletes less: a non-zero paired difference, so the marks are used.
    #expect(merged.rows.contains { $0.metric == "depletion_probability" && ($0.difference.value ?? 0) < 0 })
    for point in 0..<plan.pointCount {
      #expect(
        try MonteCarloRunTests.bytes(merge.point(point).statistics)
          == MonteCarloRunTests.bytes(samples[point].statistics))
      #expect(try merge.point(point).marks == samples[point].marks)
    }
  }

  @Test(arguments: [1, 2, 5])
  func mergedSizingEqualsTheSingleSample(shards: Int) throws {
    let root = try PartialMergeTests.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let run = MonteCarloRun(scenario: try TinyScenario.scenario())
    let single = try FundSizing.sample(run, paths: 0..<Self.paths, threads: 2)
    let merge = try StudyPartialMerge(folders: try Self.writeSize(shards, root: root))
    #expect(merge.kind == .size && merge.size == SizingPlan(targets: ["depletion<=0.05"], levels: 10))
    let merged = try merge.fundNeededSample()
    #expect(merged.needed == single.needed && merged.neededWithoutADL == single.neededWithoutADL)
    #expect(merged.adlAtAnyBalance == single.adlAtAnyBalance && merged.paths == Self.paths)
  }

  static func refusal(_ folders: [URL]) throws -> String {
    let error = try #require(throws: PartialError.self) {
      let merge = try StudyPartialMerge(folders: folders)
      if merge.kind == .sweep { _ = try merge.sweepTable(currency: "USDC") } else { _ = try merge.fundNeededSample() }
    }
    #expect(!error.description.contains("\n"), "not one line: \(error)")
    return error.description
  }

  @Test func refusals() throws {
    let root = try PartialMergeTests.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let sweep = try Self.writeSweep(2, root: root)
    let size = try Self.writeSize(2, root: root)
    var otherPlan = try Self.sweepPoints().0
    otherPlan.values = [["150000", "600000.0"]]
    let other = try Self.writeSweep(2, root: root, plan: otherPlan)
    #expect(try Self.refusal([sweep[0], size[1]]).contains("are size and sweep partials"))
    #expect(throws: PartialError.self) { try StudyPartial.Kind.common(of: [sweep[0], size[1]]) }
    #expect(try StudyPartial.Kind.common(of: [size[0], root.appendingPathComponent("nowhere")]) == .size)
    #expect(try Self.refusal([sweep[0], other[1]]).contains("different sweeps"))
    #expect(try Self.refusal([sweep[1]]).contains("paths 0..<"))
    #expect(try Self.refusal([sweep[0], sweep[1], sweep[1]]).contains("overlaps"))

    // A flipped byte in a point file, a truncated funds-needed file.
    let point = sweep[1].appendingPathComponent(StudyPartial.File.point(2))
    var bytes = try Data(contentsOf: point)
    bytes[bytes.count / 2] ^= 0x01
    try bytes.write(to: point)
    #expect(try Self.refusal(sweep).contains("(corrupt)"))
    let needed = size[0].appendingPathComponent(StudyPartial.File.fundNeeded)
    try Data(try Data(contentsOf: needed).prefix(100)).write(to: needed)
    #expect(try Self.refusal(size).contains("(truncated)"))

    // A header edited by hand: another seed, then another version.
    let header = size[1].appendingPathComponent(StudyPartial.File.header)
    let text = try String(contentsOf: header, encoding: .utf8)
    try text.replacingOccurrences(of: "\"seed\" : 3", with: "\"seed\" : 4").write(
      to: header, atomically: true, encoding: .utf8)
    #expect(try Self.refusal([size[1]]).contains("does not agree with itself"))
    try text.replacingOccurrences(of: "\"format_version\" : 1", with: "\"format_version\" : 2").write(
      to: header, atomically: true, encoding: .utf8)
    #expect(try Self.refusal([size[1]]).contains("partial format version 2"))
    #expect(try Self.refusal([root.appendingPathComponent("nowhere")]).contains("not a fundstress partial"))
  }
}
