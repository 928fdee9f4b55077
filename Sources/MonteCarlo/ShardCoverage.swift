import Foundation

/// The check that a set of partials covers a run's paths exactly once, shared by every
/// kind of partial (``PartialMerge``, ``StudyPartialMerge``).
///
/// Sorted by first path, the ranges must tile `0..<totalPaths`: a gap is a missing shard
/// (named as a range of paths), an overlap a shard given twice or shards of two splits.
enum ShardCoverage {
  /// One partial's place in the run.
  struct Piece {
    var folder: URL
    var shard: RunShard
    var paths: Range<Int>
  }

  /// The indices of `pieces` in path order.
  ///
  /// - Throws: ``PartialError`` for a gap or an overlap.
  /// - Complexity: O(k log k) for k pieces.
  static func pathOrder(_ pieces: [Piece], totalPaths: Int) throws -> [Int] {
    let order = pieces.indices.sorted {
      (pieces[$0].paths.lowerBound, pieces[$0].paths.upperBound)
        < (pieces[$1].paths.lowerBound, pieces[$1].paths.upperBound)
    }
    var covered = 0
    var previous: Piece?
    for piece in order.map({ pieces[$0] }) {
      let range = piece.paths
      if range.lowerBound > covered {
        let after = previous.map { " (after \($0.folder.path))" } ?? ""
        throw PartialError(
          "paths \(covered)..<\(range.lowerBound) of \(totalPaths) are in no partial\(after); "
            + "run the missing shard and merge again")
      }
      if range.lowerBound < covered, let previous {
        throw PartialError(
          "\(piece.folder.path) (shard \(piece.shard), paths \(text(range))) overlaps "
            + "\(previous.folder.path) (shard \(previous.shard), paths \(text(previous.paths))); "
            + "give each shard of one split once")
      }
      covered = range.upperBound
      previous = piece
    }
    if covered < totalPaths {
      throw PartialError(
        "paths \(covered)..<\(totalPaths) of \(totalPaths) are in no partial "
          + "(after \(previous!.folder.path)); run the missing shard and merge again")
    }
    return order
  }

  static func text(_ range: Range<Int>) -> String { "\(range.lowerBound)..<\(range.upperBound)" }
}
