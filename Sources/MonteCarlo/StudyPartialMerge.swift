import Foundation
import FundReports

/// The merge of a sharded sweep's or sizing's partials (``StudyPartial``) into the data of
/// the whole study, exactly as one machine computes it.
///
/// ``init(folders:)`` reads every header and refuses, with one line naming the partials:
/// partials of another kind, seed, study (fingerprint: scenario, grid or targets) or total
/// path count than the first; overlapping ranges; paths no partial covers
/// (``ShardCoverage``).
///
/// A sweep merges point by point: each point's shards are read in path order, their
/// statistics merged (exactly) and marks concatenated, then sorted as a single-machine
/// sweep sorts them, so every paired difference is the same. A sizing concatenates the
/// funds needed in path order and sorts them into one ``FundNeededSample``.
///
/// - Complexity: memory that of the single-machine study (a sweep: two points' samples).
public struct StudyPartialMerge: Sendable {
  /// The partials, in path order.
  public let partials: [StudyPartialReader]

  /// - Throws: ``PartialError``.
  public init(folders: [URL]) throws {
    guard !folders.isEmpty else { throw PartialError("no partials given; give the folders of every shard") }
    let readers = try folders.map { try StudyPartialReader(folder: $0) }
    let first = readers[0]
    for other in readers.dropFirst() {
      let pair = "\(other.folder.path) and \(first.folder.path)"
      if first.kind != other.kind {
        throw PartialError(
          "\(pair) are \(other.kind.rawValue) and \(first.kind.rawValue) partials; merge the partials of one command")
      }
      try PartialHeaderCheck.sameRun(
        .init(folder: first.folder, header: first.header), .init(folder: other.folder, header: other.header),
        studies: "\(first.kind.rawValue)s", causes: "another file, --set, --vary, --target or --levels")
    }
    let order = try ShardCoverage.pathOrder(
      readers.map { .init(folder: $0.folder, header: $0.header) }, totalPaths: first.header.totalPaths)
    partials = order.map { readers[$0] }
  }

  public var kind: StudyPartial.Kind { partials[0].kind }
  /// The base scenario's description (the same in every partial).
  public var description: RunDescription { partials[0].header.description }
  public var totalPaths: Int { partials[0].header.totalPaths }
  /// The sweep's grid, for a sweep.
  public var sweep: SweepPlan? { partials[0].header.sweep }
  /// The sizing's targets and levels, for a sizing.
  public var size: SizingPlan? { partials[0].header.size }

  /// Sweep point `index` over every path, per-path values sorted (as
  /// ``PairedSample/run(_:paths:threads:sorted:progress:)`` leaves them).
  ///
  /// - Throws: ``PartialError`` for a bad data file.
  public func point(_ index: Int) throws -> PairedSample {
    var merged = try partials[0].point(index)
    for reader in partials.dropFirst() { merged.append(try reader.point(index)) }
    merged.statistics.sortPerPathValues()
    return merged
  }

  /// The sweep's table: the base point, then every cell in grid order.
  ///
  /// - Precondition: a sweep's partials.
  /// - Throws: ``PartialError`` for a bad data file.
  public func sweepTable(currency: String, conditions: [FailCondition] = []) throws -> SweepTable {
    let plan = sweep!
    var table = SweepTable(plan: plan, base: try point(plan.basePoint), currency: currency, conditions: conditions)
    for cell in plan.cells.indices {
      let point = plan.point(ofCell: cell)
      table.add(cell: cell, point == plan.basePoint ? table.base : try self.point(point))
    }
    return table
  }

  /// The sizing's sample over every path.
  ///
  /// - Throws: ``PartialError`` for a bad data file.
  public func fundNeededSample() throws -> FundNeededSample {
    var all = FundNeededPaths()
    for reader in partials { all.append(contentsOf: try reader.fundNeeded()) }
    return all.sample(threshold: description.depletionThreshold)
  }
}
