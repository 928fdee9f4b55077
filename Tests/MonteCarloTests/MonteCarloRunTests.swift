import Foundation
import FundReports
import MonteCarlo
import Testing

/// The library run: shards merge into the whole run, the thread count changes nothing, and
/// rows can be left out without changing the statistics.
@Suite struct MonteCarloRunTests {
  /// Statistics compared byte for byte through their JSON encoding (sorted per-path values).
  static func bytes(_ statistics: RunStatistics) throws -> Data {
    var sorted = statistics
    sorted.sortPerPathValues()
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return try encoder.encode(sorted)
  }

  @Test func shardsMergeIntoTheWholeRunByteForByte() throws {
    let run = MonteCarloRun(scenario: try TinyScenario.scenario())
    var wholeRows: [UInt8] = []
    let whole = try run.run(paths: 0..<300, threads: 2) { wholeRows += $0.rows }
    // 130 is not a multiple of the chunk size: the shards' chunks differ from the whole's.
    var shardRows: [UInt8] = []
    var merged = try run.run(paths: 0..<130, threads: 1) { shardRows += $0.rows }
    merged.merge(try run.run(paths: 130..<300, threads: 2) { shardRows += $0.rows })
    #expect(merged.pathCount == 300)
    #expect(whole.depletedPaths > 0 && whole.depletedPaths < 300, "the fixture must deplete on some paths")
    #expect(try Self.bytes(merged) == Self.bytes(whole))
    #expect(shardRows == wholeRows)
    let lines = String(decoding: wholeRows, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 300)
    #expect(lines.first?.hasPrefix("0,") == true && lines.last?.hasPrefix("299,") == true)
  }

  @Test func threadCountAndRowsChangeNoStatistic() throws {
    let run = MonteCarloRun(scenario: try TinyScenario.scenario())
    let one = try run.run(paths: 0..<150, threads: 1)
    var chunks = 0
    let noRows = try run.run(paths: 0..<150, threads: 3, rows: false) { chunk in
      #expect(chunk.rows.isEmpty)
      chunks += 1
    }
    #expect(chunks == (150 + MonteCarloRun.chunkSize - 1) / MonteCarloRun.chunkSize)
    #expect(try Self.bytes(one) == Self.bytes(noRows))
  }

  @Test func aThrowingSinkStopsTheRun() throws {
    struct Stop: Error {}
    let run = MonteCarloRun(scenario: try TinyScenario.scenario())
    var seen = 0
    #expect(throws: Stop.self) {
      _ = try run.run(paths: 0..<1_000, threads: 2) { _ in
        seen += 1
        if seen == 2 { throw Stop() }
      }
    }
    #expect(seen == 2)
  }
}
