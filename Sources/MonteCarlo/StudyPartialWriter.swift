import Foundation
import FundReports
import ScenarioFiles

/// Runs one shard of a sweep or of a one-run sizing and writes its partial
/// (``StudyPartial``) into a folder: the data files, then the header last.
public enum StudyPartialWriter {
  /// Runs `shard` of a `totalPaths`-path sweep: the shard's paths at every point of
  /// `plan` (`points[k]` the scenario of point `k`), one ``PairedSample`` file a point.
  ///
  /// - Parameter progress: called on the calling thread with the paths done so far, all
  ///   points together.
  /// - Returns: the header written.
  /// - Complexity: O(shard paths × points) simulations; memory one point's sample.
  @discardableResult
  public static func writeSweep(
    _ points: [MonteCarloRun], plan: SweepPlan, shard: RunShard, totalPaths: Int, threads: Int,
    description: RunDescription, version: String, to folder: URL, progress: (Int) -> Void = { _ in }
  ) throws -> StudyPartial {
    precondition(points.count == plan.pointCount, "one scenario a point")
    let paths = try shard.paths(of: totalPaths)
    var files: [RunPartial.FileEntry] = []
    for (index, run) in points.enumerated() {
      let done = index * paths.count
      let sample = try PairedSample.run(run, paths: paths, threads: threads, sorted: false) { progress(done + $0) }
      files.append(try write(sample, named: StudyPartial.File.point(index), in: folder))
    }
    return try writeHeader(
      .sweep, description: description, sweep: plan, size: nil, shard: shard, totalPaths: totalPaths,
      files: files, version: version, in: folder)
  }

  /// Runs `shard` of a `totalPaths`-path one-run sizing and writes every path's fund
  /// needed (``FundNeededPaths``).
  ///
  /// - Precondition: ``FundSimulation/FundSimulator/fundNeededFromOneRun``.
  /// - Returns: the header written.
  /// - Complexity: O(shard paths) simulations; memory 17 bytes a shard path.
  @discardableResult
  public static func writeSizing(
    _ run: MonteCarloRun, plan: SizingPlan, shard: RunShard, totalPaths: Int, threads: Int,
    description: RunDescription, version: String, to folder: URL, progress: (Int) -> Void = { _ in }
  ) throws -> StudyPartial {
    let paths = try shard.paths(of: totalPaths)
    let needed = try FundSizing.paths(run, paths: paths, threads: threads, progress: progress)
    let file = try write(needed, named: StudyPartial.File.fundNeeded, in: folder)
    return try writeHeader(
      .size, description: description, sweep: nil, size: plan, shard: shard, totalPaths: totalPaths,
      files: [file], version: version, in: folder)
  }

  /// Writes `value` as canonical JSON into `folder/name`.
  static func write(_ value: some Encodable, named name: String, in folder: URL) throws -> RunPartial.FileEntry {
    let data = try PartialCoding.encoder.encode(value)
    try data.write(to: folder.appendingPathComponent(name))
    return .init(name: name, bytes: data.count, checksum: ContentChecksum.hex(of: data))
  }

  static func writeHeader(
    _ kind: StudyPartial.Kind, description: RunDescription, sweep: SweepPlan?, size: SizingPlan?, shard: RunShard,
    totalPaths: Int, files: [RunPartial.FileEntry], version: String, in folder: URL
  ) throws -> StudyPartial {
    let paths = try shard.paths(of: totalPaths)
    let header = StudyPartial(
      format: kind.formatName, formatVersion: StudyPartial.currentVersion, fundstressVersion: version,
      fingerprint: try StudyPartial.fingerprint(description, sweep: sweep, size: size), seed: description.seed,
      totalPaths: totalPaths, shard: shard, firstPath: paths.lowerBound, endPath: paths.upperBound,
      description: description, sweep: sweep, size: size, files: files)
    try PartialHeaderCheck.data(header).write(to: folder.appendingPathComponent(StudyPartial.File.header))
    return header
  }
}

extension SweepPlan {
  /// The plan of a sweep whose points simulate `scenarios` (see ``SweepPlan/points``).
  public init(keys: [String], values: [[String]], cells: [[String]], baseCell: Int?, scenarios: [Scenario]) throws {
    self.init(
      keys: keys, values: values, cells: cells, baseCell: baseCell,
      points: try scenarios.map { try RunDescription(scenario: $0, lines: []).fingerprint })
  }
}
