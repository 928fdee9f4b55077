import Foundation
import Testing

@testable import FundReports

@Suite struct PathsCSVSinkTests {
  /// Rows of 3 000 random paths in chunks of 64, as a run writes them.
  static func chunks() -> [[UInt8]] {
    let outcomes = Fixtures.randomOutcomes(count: 3_000)
    return stride(from: 0, to: outcomes.count, by: 64).map { start in
      var bytes: [UInt8] = []
      for outcome in outcomes[start..<min(start + 64, outcomes.count)] { PathsTable.appendRow(outcome, to: &bytes) }
      return bytes
    }
  }

  func write(_ mode: PathsCSVMode, chunks: [[UInt8]]) throws -> URL {
    let folder = Fixtures.temporaryDirectory()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let sink = try PathsCSVSink(mode: mode, folder: folder)
    for chunk in chunks { try sink.write(chunk) }
    try sink.finish()
    return folder
  }

  @Test func gzipHoldsExactlyTheFullBytes() throws {
    let chunks = Self.chunks()
    let full = try write(.full, chunks: chunks)
    let gzip = try write(.gzip, chunks: chunks)
    defer { for folder in [full, gzip] { try? FileManager.default.removeItem(at: folder) } }
    let plain = try Data(contentsOf: full.appendingPathComponent("paths.csv"))
    #expect(plain == Data(PathsTable.header.utf8) + Data(chunks.joined()))
    let compressed = try Data(contentsOf: gzip.appendingPathComponent("paths.csv.gz"))
    // RFC 1952: magic 1f 8b, method 8 (deflate); far smaller than the text.
    #expect(Array(compressed.prefix(3)) == [0x1F, 0x8B, 0x08])
    #expect(compressed.count * 2 < plain.count, "\(compressed.count) vs \(plain.count)")
    #expect(try PathsCSVSink.gunzip(compressed, file: "x") == plain)
    #expect(!FileManager.default.fileExists(atPath: gzip.appendingPathComponent("paths.csv").path))
    // Deterministic: the same rows give the same bytes.
    let again = try write(.gzip, chunks: chunks)
    defer { try? FileManager.default.removeItem(at: again) }
    #expect(try Data(contentsOf: again.appendingPathComponent("paths.csv.gz")) == compressed)
  }

  @Test func noneWritesNothing() throws {
    let folder = try write(.none, chunks: Self.chunks())
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func notGzipIsOneLineError() {
    #expect(throws: RunFolderError.self) { try PathsCSVSink.gunzip(Data("path,min_fund\n".utf8), file: "f") }
  }
}
