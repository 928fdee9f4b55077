import Foundation
import FundReports

/// The merge of a run's partials into the statistics and `paths.csv` of the whole run.
///
/// ``init(folders:)`` reads every header and refuses, with one line naming the partials:
/// partials of another format version, scenario (fingerprint), seed or total path count
/// than the first; two partials whose path ranges overlap (the same shard twice, or shards
/// of two different splits); paths that no partial covers (a missing shard). Sorted by
/// first path, the ranges then tile `0..<totalPaths` exactly once.
///
/// The data files are read afterwards, one partial at a time, in path order; merging
/// ``RunStatistics`` is exact, and appending rows in path order gives the single-machine
/// `paths.csv`, so the merged report is byte-identical to a single-machine run's.
///
/// - Complexity: memory 16 bytes a path (the merged per-path values) plus one partial's
///   statistics file.
public struct PartialMerge: Sendable {
  /// The partials, in path order.
  public let partials: [PartialReader]

  /// Reads the headers of `folders` and checks that they cover one run exactly once.
  ///
  /// - Throws: ``PartialError``.
  public init(folders: [URL]) throws {
    guard !folders.isEmpty else { throw PartialError("no partials given; give the folders of every shard") }
    let readers = try folders.map { try PartialReader(folder: $0) }
    let first = readers[0]
    for other in readers.dropFirst() {
      try PartialHeaderCheck.sameRun(
        .init(folder: first.folder, header: first.header), .init(folder: other.folder, header: other.header),
        studies: "scenarios", causes: "another file or --set")
    }
    let order = try ShardCoverage.pathOrder(
      readers.map { .init(folder: $0.folder, header: $0.header) }, totalPaths: first.header.totalPaths)
    partials = order.map { readers[$0] }
  }

  /// The run's description (the same in every partial).
  public var description: RunDescription { partials[0].header.description }
  /// The run's path count.
  public var totalPaths: Int { partials[0].header.totalPaths }

  /// The statistics of the whole run, per-path values in path order.
  ///
  /// - Parameter sketch: sketch the per-path values (``QuantileMode/sketch``) as each
  ///   partial is read, so that memory stays that of one partial; sketched partials are
  ///   merged as sketches either way.
  /// - Parameter requireExact: refuse sketched partials instead.
  /// - Throws: ``PartialError`` for a missing, truncated or corrupt statistics file, or a
  ///   sketched partial when `requireExact`.
  /// - Complexity: memory 16 bytes a path for exact partials merged exactly; otherwise
  ///   one partial plus the sketches.
  public func statistics(sketch: Bool = false, requireExact: Bool = false) throws -> RunStatistics {
    var merged: RunStatistics?
    for reader in partials {
      let part = try reader.statistics()
      if requireExact, part.quantileMode != .exact {
        throw PartialError(
          "\(reader.folder.path): its quantiles are sketched (\(part.quantileMode)); exact quantiles need exact "
            + "partials: rerun the shards with --quantiles exact, or merge with --quantiles sketch")
      }
      if merged == nil {
        merged = part
        if sketch { merged!.useQuantileMode(.sketch) }
        merged!.reserveCapacity(paths: totalPaths - part.pathCount)
      } else {
        merged!.merge(part)
      }
    }
    return merged!
  }

  /// Hands every partial's rows to `sink` in path order, checking each file.
  ///
  /// - Throws: ``PartialError`` for a missing, truncated or corrupt rows file (the caller
  ///   discards its output).
  public func copyRows(to sink: (Data) throws -> Void) throws {
    for reader in partials { try reader.copyRows(to: sink) }
  }
}
