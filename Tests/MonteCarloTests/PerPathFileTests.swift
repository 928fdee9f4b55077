import Foundation
import Testing

@testable import MonteCarlo

@Suite struct PerPathFileTests {
  /// Values round-trip bit for bit (−0, subnormals, infinities, more than one block), and
  /// the layout is little-endian losses then drawdowns: 1.0 is 00 00 00 00 00 00 F0 3F.
  @Test func roundTripsEveryBitAndUsesTheDocumentedLayout() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("per-path-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let count = PerPathFile.block + 3
    var losses = (0..<count).map { Double($0) * 0.1 - 7 }
    losses[0] = 1.0
    losses[1] = -0.0
    losses[2] = .leastNonzeroMagnitude
    losses[3] = .infinity
    let drawdowns = losses.reversed().map { $0 * 3 }
    let url = folder.appendingPathComponent(RunPartial.File.perPath)
    let entry = try PerPathFile.write(losses: losses, drawdowns: Array(drawdowns), to: url)
    #expect(entry.bytes == 16 * count)
    let bytes = try Data(contentsOf: url)
    #expect(Array(bytes.prefix(8)) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    let read = try PerPathFile.read(url, count: count, limit: entry.bytes)
    #expect(read.checksum.hex == entry.checksum && read.checksum.byteCount == entry.bytes)
    let values = try #require(read.values)
    #expect(values.losses.map(\.bitPattern) == losses.map(\.bitPattern))
    #expect(values.drawdowns.map(\.bitPattern) == drawdowns.map(\.bitPattern))
    // A file of another length than 16 bytes a path gives no values.
    #expect(try PerPathFile.read(url, count: count - 1, limit: entry.bytes).values == nil)
  }
}
