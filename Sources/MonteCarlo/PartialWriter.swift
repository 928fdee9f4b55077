import Foundation
import FundReports

/// Runs one shard of a Monte Carlo run and writes its partial (``RunPartial``) into a
/// folder: the rows streamed chunk by chunk, then the statistics, then the header.
public enum PartialWriter {
  /// Simulates `shard` of a `totalPaths`-path run of `run`'s scenario into `folder`.
  ///
  /// - Parameters:
  ///   - description: the scenario's description (its seed must be the scenario's).
  ///   - version: the fundstress version recorded in the header.
  ///   - progress: called on the calling thread with the paths done so far.
  /// - Returns: the header written.
  /// - Throws: ``RunShardError`` for a shard with no paths, file-system errors.
  /// - Complexity: O(shard paths) simulations; memory 16 bytes a shard path.
  @discardableResult
  public static func write(
    _ run: MonteCarloRun, shard: RunShard, totalPaths: Int, threads: Int, description: RunDescription,
    version: String, to folder: URL, progress: (Int) -> Void = { _ in }
  ) throws -> RunPartial {
    precondition(description.seed == run.scenario.seed, "the description is of another seed")
    let paths = try shard.paths(of: totalPaths)
    let rowsURL = folder.appendingPathComponent(RunPartial.File.rows)
    // A file that cannot be created is reported by opening it, on the next line.
    _ = FileManager.default.createFile(atPath: rowsURL.path, contents: nil)
    let rowsFile = try FileHandle(forWritingTo: rowsURL)
    defer { try? rowsFile.close() }
    var rowsChecksum = ContentChecksum()
    var done = 0
    let statistics = try run.run(paths: paths, threads: threads) { chunk in
      try rowsFile.write(contentsOf: chunk.rows)
      rowsChecksum.update(chunk.rows)
      done += chunk.statistics.pathCount
      progress(done)
    }
    try rowsFile.synchronize()

    let split = statistics.splittingPerPathValues()
    let perPath =
      statistics.quantileMode == .exact
      ? try PerPathFile.write(
        losses: split.losses, drawdowns: split.drawdowns,
        to: folder.appendingPathComponent(RunPartial.File.perPath))
      : nil
    let statisticsData = try PartialCoding.encoder.encode(split.statistics)
    try statisticsData.write(to: folder.appendingPathComponent(RunPartial.File.statistics))
    let header = RunPartial(
      format: RunPartial.formatName, formatVersion: RunPartial.currentVersion, fundstressVersion: version,
      fingerprint: try description.fingerprint, seed: description.seed, totalPaths: totalPaths, shard: shard,
      firstPath: paths.lowerBound, endPath: paths.upperBound, description: description,
      statistics: .init(
        name: RunPartial.File.statistics, bytes: statisticsData.count,
        checksum: ContentChecksum.hex(of: statisticsData)),
      rows: .init(name: RunPartial.File.rows, bytes: rowsChecksum.byteCount, checksum: rowsChecksum.hex),
      perPath: perPath)
    try PartialHeaderCheck.data(header).write(to: folder.appendingPathComponent(RunPartial.File.header))
    return header
  }
}
