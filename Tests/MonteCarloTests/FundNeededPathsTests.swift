import Foundation
import MonteCarlo
import Testing

/// Funds needed in path order: appending shards, sorting into the sample, JSON round trip.
@Suite struct FundNeededPathsTests {
  @Test func appendingShardsGivesTheSampleOfAllPaths() throws {
    var first = FundNeededPaths()
    first.append(needed: 5, adlNeeded: .infinity, adl: true)
    first.append(needed: 1, adlNeeded: 2, adl: false)
    var second = FundNeededPaths()
    second.append(needed: 3, adlNeeded: 4, adl: false)
    first.append(contentsOf: second)
    #expect(first.count == 3 && first.isConsistent)
    let sample = first.sample(threshold: 0)
    // By hand: needed sorted 1, 3, 5; the paths without ADL need 2 and 4; one has ADL at any balance.
    #expect(sample.needed == [1, 3, 5] && sample.neededWithoutADL == [2, 4] && sample.adlAtAnyBalance == 1)
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    #expect(try decoder.decode(FundNeededPaths.self, from: encoder.encode(first)) == first)
  }
}
