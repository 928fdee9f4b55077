import Foundation
import Testing

@testable import FundReports

@Suite struct IntegerTallyTests {
  func tally(_ values: [Int]) -> IntegerTally {
    var tally = IntegerTally()
    for value in values { tally.add(value) }
    return tally
  }

  @Test func quantilesMeanAndMaximum() throws {
    // 1, 1, 2, 3, 10: median 2; Q₇(0.9): h = 3.6 → 3 + 0.6 × 7 = 7.2; mean 17/5 = 3.4.
    let counts = tally([3, 1, 10, 1, 2])
    #expect(counts.quantile(0.5) == 2)
    #expect(try #require(counts.quantile(0.9)).isApproximately(7.2, tolerance: 1e-12))
    #expect(counts.meanEstimate().value == 3.4)
    #expect(counts.maximum == 10)
    #expect(counts.total == 5)
  }

  @Test func scaledQuantileEstimate() {
    // Depletion steps 60, 120, 180 with 60-s steps in hours: median 2 h.
    let counts = tally([60, 120, 180])
    #expect(counts.quantileEstimate(0.5) { $0 * 60 / 3600 }.value == 2)
  }

  @Test func mergeAndCodableAreCanonical() throws {
    var first = tally([5, 1, 1])
    let second = tally([1, 7])
    first.merge(second)
    #expect(first == tally([1, 1, 1, 5, 7]))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(first), as: UTF8.self)
    #expect(json == #"{"counts":[3,1,1],"values":[1,5,7]}"#)
    #expect(try JSONDecoder().decode(IntegerTally.self, from: Data(json.utf8)) == first)
  }

  @Test func emptyTally() {
    let counts = IntegerTally()
    #expect(counts.quantile(0.5) == nil)
    #expect(counts.quantileEstimate(0.5) == .notApplicable)
    #expect(counts.meanEstimate() == .notApplicable)
    #expect(counts.maximum == nil)
  }
}
