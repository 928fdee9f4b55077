import Foundation
import FundSimulation
import Testing

@testable import FundReports

@Suite struct ChunkReportTests {
  /// Chunks of 64 put together in order give exactly the rows and the statistics of the
  /// whole run formatted and accumulated path by path.
  @Test func chunksInOrderEqualTheWholeRun() {
    let outcomes = Fixtures.randomOutcomes(count: 300)
    var wholeRows: [UInt8] = []
    for outcome in outcomes { PathsTable.appendRow(outcome, to: &wholeRows) }
    let wholeStatistics = Fixtures.statistics(outcomes)

    let template = Fixtures.emptyStatistics()
    var rows: [UInt8] = []
    var statistics = template
    for start in stride(from: 0, to: outcomes.count, by: 64) {
      let chunk = ChunkReport(outcomes: Array(outcomes[start..<min(start + 64, outcomes.count)]), template: template)
      rows += chunk.rows
      statistics.merge(chunk.statistics)
    }
    #expect(rows == wholeRows)
    #expect(statistics.pathCount == 300)
    #expect(
      RunTables.summaryCSV(RunSummary(statistics: statistics))
        == RunTables.summaryCSV(RunSummary(statistics: wholeStatistics)))
  }

  /// One row per path, and none for an empty chunk.
  @Test func oneRowPerPath() {
    let outcomes = Fixtures.randomOutcomes(count: 5)
    let chunk = ChunkReport(outcomes: outcomes, template: Fixtures.emptyStatistics())
    #expect(chunk.rows.filter { $0 == UInt8(ascii: "\n") }.count == 5)
    #expect(ChunkReport(outcomes: [], template: Fixtures.emptyStatistics()).rows.isEmpty)
  }
}
