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

  /// Reads `count` losses and `count` drawdowns from `url`, reading at most `limit` bytes.
  ///
  /// - Returns: the values, or `nil` when the file holds fewer or more than `16·count`
  ///   bytes, and the checksum of what was read (for the caller to check against the
  ///   header).
  /// - Complexity: O(values); memory 16 bytes a path plus one block.
  static func read(
    _ url: URL, count: Int, limit: Int
  ) throws -> (values: (losses: [Double], drawdowns: [Double])?, checksum: ContentChecksum) {
    guard let file = FileHandle(forReadingAtPath: url.path) else {
      throw CocoaError(.fileReadNoSuchFile)
    }
    defer { try? file.close() }
    var checksum = ContentChecksum()
    var values: [Double] = []
    values.reserveCapacity(2 * count)
    while values.count < 2 * count + 1, let piece = try file.read(upToCount: 8 * block), !piece.isEmpty {
      checksum.update(piece)
      guard checksum.byteCount <= limit else { break }
      piece.withUnsafeBytes { raw in
        for offset in stride(from: 0, to: raw.count - 7, by: 8) {
          values.append(
            Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))))
        }
      }
    }
    guard values.count == 2 * count else { return (nil, checksum) }
    return ((Array(values[..<count]), Array(values[count...])), checksum)
  }
}
