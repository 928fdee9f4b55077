import Foundation
import Testing

@testable import FundReports

/// Splitting off the per-path values (for a partial's binary file) and putting them back.
@Suite struct RunStatisticsPerPathTests {
  @Test func splitEncodeDecodeRestoreGivesTheSameStatistics() throws {
    let statistics = Fixtures.statistics(Fixtures.randomOutcomes(count: 500))
    let split = statistics.splittingPerPathValues()
    #expect(split.statistics.fundLosses.isEmpty && split.statistics.perPathValuesSplit)
    #expect(split.losses == statistics.fundLosses && split.drawdowns == statistics.drawdowns)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    var decoded = try JSONDecoder().decode(RunStatistics.self, from: encoder.encode(split.statistics))
    let short = decoded.restorePerPathValues(losses: Array(split.losses.dropLast()), drawdowns: split.drawdowns)
    #expect(!short)
    let restored = decoded.restorePerPathValues(losses: split.losses, drawdowns: split.drawdowns)
    #expect(restored)
    #expect(try encoder.encode(decoded) == encoder.encode(statistics))
    // Restoring twice, or into statistics never split, is refused.
    let again = decoded.restorePerPathValues(losses: split.losses, drawdowns: split.drawdowns)
    #expect(!again)
  }

  @Test func sketchedStatisticsHaveNothingToSplit() {
    var statistics = Fixtures.emptyStatistics()
    statistics.useQuantileMode(.sketch)
    Fixtures.randomOutcomes(count: 50).forEach { statistics.add($0) }
    let split = statistics.splittingPerPathValues()
    #expect(!split.statistics.perPathValuesSplit && split.losses.isEmpty)
  }
}
