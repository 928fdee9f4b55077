import Foundation
import FundReports
import MonteCarlo
import Testing

/// A sweep point as saved: statistics and marks round-trip exactly; columns that do not
/// fit the path count are refused.
@Suite struct PairedSampleCodableTests {
  @Test func roundTripsExactlyAndRefusesMisfits() throws {
    let sample = try PairedSample.run(
      MonteCarloRun(scenario: try TinyScenario.scenario()), paths: 64..<192, threads: 2, sorted: false)
    let data = try JSONEncoder().encode(sample)
    let back = try JSONDecoder().decode(PairedSample.self, from: data)
    #expect(back.marks == sample.marks)
    #expect(try MonteCarloRunTests.bytes(back.statistics) == MonteCarloRunTests.bytes(sample.statistics))
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    object["shortfall"] = (object["shortfall"] as? [Double]).map { Array($0.dropLast()) }
    let cut = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(PairedSample.self, from: cut) }
  }
}
