import Foundation

/// The check of a partial's data file against its header's entry (size, then checksum),
/// shared by every kind of partial.
enum PartialFileCheck {
  /// - Throws: ``PartialError`` naming `url`: truncated or longer than written, or
  ///   corrupt; the fix reruns `shard`.
  static func check(_ entry: RunPartial.FileEntry, _ checksum: ContentChecksum, url: URL, shard: RunShard) throws {
    guard checksum.byteCount == entry.bytes else {
      let kind = checksum.byteCount < entry.bytes ? "truncated" : "longer than written"
      throw PartialError(
        "\(url.path): \(checksum.byteCount) bytes, \(RunPartial.File.header) says \(entry.bytes) (\(kind)); "
          + "rerun shard \(shard)")
    }
    guard checksum.hex == entry.checksum else {
      throw PartialError(
        "\(url.path): checksum \(checksum.hex), \(RunPartial.File.header) says \(entry.checksum) (corrupt); "
          + "rerun shard \(shard)")
    }
  }

  /// The file's bytes, checked.
  static func verifiedData(_ entry: RunPartial.FileEntry, in folder: URL, shard: RunShard) throws -> Data {
    let url = folder.appendingPathComponent(entry.name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw PartialError("\(url.path): missing; rerun shard \(shard)")
    }
    var checksum = ContentChecksum()
    checksum.update(data)
    try check(entry, checksum, url: url, shard: shard)
    return data
  }
}
