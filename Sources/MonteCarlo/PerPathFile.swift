import Foundation

/// A partial's per-path values in binary: the fund losses of the shard's paths in path
/// order, then their drawdowns, each a little-endian IEEE 754 double (8 bytes), so 16 bytes
/// a path, exact, and written or read a block at a time.
enum PerPathFile {
  /// Values per block written or read.
  static let block = 1 << 16

  /// Writes `losses` then `drawdowns` to `url`.
  ///
  /// - Returns: the file's entry (size and ``ContentChecksum``).
  /// - Complexity: O(values); memory one block.
  static func write(losses: [Double], drawdowns: [Double], to url: URL) throws -> RunPartial.FileEntry {
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let file = try FileHandle(forWritingTo: url)
    defer { try? file.close() }
    var checksum = ContentChecksum()
    for values in [losses, drawdowns] {
      for start in stride(from: 0, to: values.count, by: block) {
        var bytes = [UInt8]()
        bytes.reserveCapacity(8 * block)
        for value in values[start..<min(values.count, start + block)] {
          withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        checksum.update(bytes)
        try file.write(contentsOf: bytes)
      }
    }
    return .init(name: url.lastPathComponent, bytes: checksum.byteCount, checksum: checksum.hex)
  }

  /// Reads `count` losses and `count` drawdowns from the file of `entry` in `folder`.
  ///
  /// - Throws: ``PartialError`` when the file is missing, of another size or checksum.
  /// - Complexity: O(values); memory 16 bytes a path plus one block.
  static func read(
    _ entry: RunPartial.FileEntry, in folder: URL, count: Int, shard: RunShard
  ) throws -> (losses: [Double], drawdowns: [Double]) {
    let url = folder.appendingPathComponent(entry.name)
    guard entry.bytes == 16 * count else {
      throw PartialError(
        "\(url.path): \(RunPartial.File.header) gives \(entry.bytes) bytes for \(count) paths, not 16 a path; "
          + "rerun shard \(shard)")
    }
    guard let file = FileHandle(forReadingAtPath: url.path) else {
      throw PartialError("\(url.path): missing; rerun shard \(shard)")
    }
    defer { try? file.close() }
    var checksum = ContentChecksum()
    var values: [Double] = []
    values.reserveCapacity(2 * count)
    while values.count < 2 * count + 1, let piece = try file.read(upToCount: 8 * block), !piece.isEmpty {
      checksum.update(piece)
      guard checksum.byteCount <= entry.bytes else { break }
      piece.withUnsafeBytes { raw in
        for offset in stride(from: 0, to: raw.count - 7, by: 8) {
          values.append(
            Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))))
        }
      }
    }
    guard checksum.byteCount == entry.bytes, values.count == 2 * count else {
      throw PartialError(
        "\(url.path): \(checksum.byteCount) bytes, \(RunPartial.File.header) says \(entry.bytes) (truncated or longer); "
          + "rerun shard \(shard)")
    }
    guard checksum.hex == entry.checksum else {
      throw PartialError(
        "\(url.path): checksum \(checksum.hex), \(RunPartial.File.header) says \(entry.checksum) (corrupt); "
          + "rerun shard \(shard)")
    }
    return (Array(values[..<count]), Array(values[count...]))
  }
}
