import Foundation

/// The run facts every partial header holds (``RunPartial``, ``StudyPartial``), under the
/// same JSON keys in each: which run the partial is a shard of and which of its paths it
/// holds.
///
/// Each header declares these as stored properties of its own, so that its JSON layout and
/// bytes are its format's; the checks on them are written once, here and in
/// ``PartialHeaderCheck`` and ``ShardCoverage``.
protocol PartialHeader {
  /// ``ContentChecksum`` of what the shards of one run share (the description, and a study's plan).
  var fingerprint: String { get }
  var seed: UInt64 { get }
  /// Paths of the whole run, all shards together.
  var totalPaths: Int { get }
  var shard: RunShard { get }
  /// The shard's paths.
  var paths: Range<Int> { get }
  /// The (base) scenario.
  var description: RunDescription { get }
}

extension PartialHeader {
  /// Whether the seed is the description's and the path range is the shard's of a run of
  /// at least one path.
  var runFactsAgree: Bool {
    seed == description.seed && totalPaths >= 1 && (try? shard.paths(of: totalPaths)) == paths
  }
}

extension RunPartial: PartialHeader {}
extension StudyPartial: PartialHeader {}

extension PartialHeaderCheck.Facts {
  /// The run facts of the partial in `folder`.
  init(folder: URL, header: some PartialHeader) {
    self.init(folder: folder, seed: header.seed, fingerprint: header.fingerprint, totalPaths: header.totalPaths)
  }
}

extension ShardCoverage.Piece {
  /// The place in its run of the partial in `folder`.
  init(folder: URL, header: some PartialHeader) {
    self.init(folder: folder, shard: header.shard, paths: header.paths)
  }
}
