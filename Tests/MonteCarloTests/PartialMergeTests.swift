import Foundation
import FundReports
import MonteCarlo
import Testing

/// Partials written by ``PartialWriter`` merge (``PartialMerge``) into the statistics and
/// rows of the single run, and every refusal is one line naming the partial.
@Suite struct PartialMergeTests {
  static let paths = 450

  /// Writes the `count` shards of a `paths`-path run of the tiny scenario into `root`.
  static func writeShards(
    _ count: Int, paths: Int = paths, root: URL, seed: UInt64? = nil, fund: String? = nil
  ) throws -> [URL] {
    var scenario = try TinyScenario.scenario(fund.map { [("balance: 300000", "balance: \($0)")] } ?? [])
    if let seed { scenario = scenario.withSeed(seed) }
    let description = try RunDescription(scenario: scenario, lines: ["tiny"])
    return try (0..<count).map { index in
      let folder = root.appendingPathComponent("\(paths)-\(count)-\(index)-\(seed ?? 0)-\(fund ?? "")")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try PartialWriter.write(
        MonteCarloRun(scenario: scenario), shard: try RunShard(index: index, count: count), totalPaths: paths,
        threads: 2, description: description, version: "test", to: folder)
      return folder
    }
  }

  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("partials-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test(arguments: [1, 2, 4, 7])
  func mergedShardsEqualTheSingleRun(shards: Int) throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let run = MonteCarloRun(scenario: try TinyScenario.scenario())
    var singleRows = Data()
    let single = try run.run(paths: 0..<Self.paths, threads: 2) { singleRows.append(contentsOf: $0.rows) }
    // Given in reverse order: the merge sorts by path range.
    let merge = try PartialMerge(folders: try Self.writeShards(shards, root: root).reversed())
    var rows = Data()
    try merge.copyRows { rows.append($0) }
    #expect(rows == singleRows)
    #expect(try MonteCarloRunTests.bytes(merge.statistics()) == MonteCarloRunTests.bytes(single))
    #expect(merge.totalPaths == Self.paths && merge.partials.count == shards)
  }

  /// Runs the merge of `folders` (headers, statistics and rows) and returns its error.
  static func refusal(_ folders: [URL]) throws -> String {
    let error = try #require(throws: PartialError.self) {
      let merge = try PartialMerge(folders: folders)
      _ = try merge.statistics()
      try merge.copyRows { _ in }
    }
    #expect(!error.description.contains("\n"), "not one line: \(error)")
    return error.description
  }

  @Test func refusesGapsOverlapsAndOtherRuns() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let four = try Self.writeShards(4, root: root)
    let two = try Self.writeShards(2, root: root)
    #expect(try Self.refusal([four[0], four[1], four[3]]).contains("paths 256..<384 of 450 are in no partial"))
    #expect(try Self.refusal([four[0], four[1], four[2]]).contains("paths 384..<450 of 450 are in no partial"))
    #expect(try Self.refusal(Array(four[1...])).contains("paths 0..<128"))
    #expect(try Self.refusal(four + [four[2]]).contains("overlaps"))
    #expect(try Self.refusal([two[0], four[1], two[1]]).contains("overlaps"))
    let seeded = try Self.writeShards(2, root: root, seed: 9)
    #expect(try Self.refusal([two[0], seeded[1]]).contains("different seeds"))
    let richer = try Self.writeShards(2, root: root, fund: "400000")
    #expect(try Self.refusal([two[0], richer[1]]).contains("different scenarios"))
    let longer = try Self.writeShards(2, paths: 500, root: root)
    #expect(try Self.refusal([two[0], longer[1]]).contains("runs of 500 and 450 paths"))
  }

  @Test func refusesDamagedPartials() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let shards = try Self.writeShards(2, root: root)
    let rows = shards[1].appendingPathComponent(RunPartial.File.rows)
    let statistics = shards[1].appendingPathComponent(RunPartial.File.statistics)
    let header = shards[1].appendingPathComponent(RunPartial.File.header)
    let perPath = shards[1].appendingPathComponent(RunPartial.File.perPath)
    let files = [rows, statistics, header, perPath]
    let saved = try files.map { try Data(contentsOf: $0) }
    func restore() throws { for (url, data) in zip(files, saved) { try data.write(to: url) } }
    // 194 paths (256..<450), 16 bytes each.
    #expect(saved[3].count == 16 * 194)

    try saved[3].prefix(saved[3].count - 8).write(to: perPath)
    #expect(try Self.refusal(shards).contains("per_path.f64: \(16 * 194 - 8) bytes"))
    try restore()
    var flippedValue = saved[3]
    flippedValue[100] ^= 1
    try flippedValue.write(to: perPath)
    #expect(try Self.refusal(shards).contains("per_path.f64: checksum"))
    try restore()

    try saved[0].prefix(saved[0].count - 10).write(to: rows)
    #expect(try Self.refusal(shards).contains("truncated"))
    try restore()
    var flipped = saved[1]
    let digit = flipped.firstIndex(of: UInt8(ascii: "7"))!
    flipped[digit] = UInt8(ascii: "8")
    try flipped.write(to: statistics)
    #expect(try Self.refusal(shards).contains("corrupt"))
    try restore()
    try saved[2].prefix(saved[2].count / 2).write(to: header)
    #expect(try Self.refusal(shards).contains("not valid JSON"))
    try restore()
    let newer = String(decoding: saved[2], as: UTF8.self).replacingOccurrences(
      of: "\"format_version\" : 1", with: "\"format_version\" : 2")
    try Data(newer.utf8).write(to: header)
    #expect(try Self.refusal(shards).contains("partial format version 2"))
    try restore()
    try FileManager.default.removeItem(at: header)
    #expect(try Self.refusal(shards).contains("not a fundstress partial"))
    try restore()
    _ = try PartialMerge(folders: shards).statistics()
  }
}
