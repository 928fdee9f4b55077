import CompressNIO
import Foundation
import NIOCore

/// How `fundstress run` keeps the per-path table (`--paths-csv`).
public enum PathsCSVMode: String, Sendable, CaseIterable {
  /// `paths.csv`, about 110 bytes a path (11 MB per 100 000 paths).
  case full
  /// `paths.csv.gz`: the same bytes gzip-compressed (RFC 1952) by zlib through the
  /// compress-nio package, about a third of the size; `gunzip` gives `paths.csv` back
  /// byte for byte, and `fundstress compare` reads it directly.
  case gzip
  /// No per-path table (the summary, markets and quantiles are unaffected; `compare`
  /// is then unpaired).
  case none

  /// The file written, if any.
  public var fileName: String? {
    switch self {
    case .full: ReportWriter.File.paths
    case .gzip: ReportWriter.File.pathsGzip
    case .none: nil
    }
  }
}

/// Where the run's `paths.csv` rows go, chunk by chunk in path order: a plain file, a gzip
/// stream or nowhere.
///
/// The gzip stream is deterministic (zlib writes no time stamp or file name in the header),
/// so the same run gives the same `paths.csv.gz` bytes.
public final class PathsCSVSink {
  public let mode: PathsCSVMode
  private let file: FileHandle?
  private let compressor: NIOCompressor?

  /// Creates the file in `folder` and writes the header.
  ///
  /// - Throws: file-system errors; compression set-up errors.
  public init(mode: PathsCSVMode, folder: URL) throws {
    self.mode = mode
    guard let name = mode.fileName else {
      (file, compressor) = (nil, nil)
      return
    }
    let url = folder.appendingPathComponent(name)
    // A file that cannot be created is reported by opening it, on the next line.
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    file = try FileHandle(forWritingTo: url)
    if mode == .gzip {
      let compressor = CompressionAlgorithm.gzip().compressor
      compressor.window = ByteBufferAllocator().buffer(capacity: 1 << 16)
      try compressor.startStream()
      self.compressor = compressor
    } else {
      compressor = nil
    }
    try write(Array(PathsTable.header.utf8))
  }

  deinit { try? file?.close() }

  /// Appends rows (`\n`-terminated records).
  ///
  /// - Complexity: O(bytes).
  public func write(_ rows: [UInt8]) throws {
    guard let file else { return }
    guard let compressor else {
      try file.write(contentsOf: rows)
      return
    }
    var buffer = ByteBuffer(bytes: rows)
    try buffer.compressStream(with: compressor, flush: .no) { try file.write(contentsOf: Data($0.readableBytesView)) }
  }

  /// Ends the stream (the gzip trailer) and closes the file.
  public func finish() throws {
    guard let file else { return }
    if let compressor {
      var empty = ByteBuffer()
      try empty.compressStream(with: compressor, flush: .finish) {
        try file.write(contentsOf: Data($0.readableBytesView))
      }
      try compressor.finishStream()
    }
    try file.close()
  }

  /// The bytes of a gzip stream, decompressed (to read `paths.csv.gz` back).
  ///
  /// - Throws: ``RunFolderError`` naming `file` when the data is not gzip.
  public static func gunzip(_ data: Data, file: String) throws -> Data {
    var buffer = ByteBuffer(bytes: data)
    do {
      let plain = try buffer.decompress(with: .gzip())
      return Data(plain.readableBytesView)
    } catch {
      throw RunFolderError(message: "\(file): is not a readable gzip file (\(error)); rerun with --paths-csv full")
    }
  }
}
