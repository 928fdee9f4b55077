import Foundation
import PricePaths
import Testing

@Suite("Horizon")
struct HorizonTests {
  // Expected: docs/MODEL.md, "Price paths", a year is 365 days of 24 h, so one minute is 1/525 600 of a year,
  // 1/1440 of a day, and 1440 one-minute steps are 24 hours.
  @Test func timeUnits() {
    let h = Horizon(steps: 1440, stepSeconds: 60)
    #expect(Horizon.secondsPerYear == 31_536_000)
    #expect(h.stepYears == 60.0 / 31_536_000)
    #expect(abs(h.stepYears * 525_600 - 1) <= 1e-15)
    #expect(h.stepDays == 60.0 / 86_400)
    #expect(h.hours == 24)
  }

  @Test(arguments: [0, -1, 10_000_001])
  func badStepCountIsRefused(steps: Int) {
    #expect(throws: HorizonError.steps(steps)) { try Horizon(steps: steps, stepSeconds: 60).validate() }
  }

  /// Outside a millisecond to a year: 10¹² s steps took every gbm price to exactly 0, and
  /// 10²⁰ s crashed the report (an integer conversion of the step length).
  @Test(arguments: [0.0, -60.0, Double.nan, Double.infinity, 1e-300, 0.000_9, 31_536_001, 1e12, 1e20])
  func badStepLengthIsRefused(seconds: Double) {
    expectThrows(HorizonError.stepSeconds(seconds)) { try Horizon(steps: 10, stepSeconds: seconds).validate() }
  }

  @Test func stepsFromOneToTenMillionPass() throws {
    try Horizon(steps: 1, stepSeconds: 60).validate()
    try Horizon(steps: 10_000_000, stepSeconds: 60).validate()
    #expect(Horizon.stepsRange == 1...10_000_000)
  }

  @Test(arguments: [0.001, 0.5, 60, 3_600, 86_400, 31_536_000])
  func stepLengthsFromAMillisecondToAYearPass(seconds: Double) throws {
    try Horizon(steps: 10, stepSeconds: seconds).validate()
  }

  @Test func validHorizonPassesAndRoundTripsThroughJSON() throws {
    let h = Horizon(steps: 1, stepSeconds: 0.5)
    try h.validate()
    let decoded = try JSONDecoder().decode(Horizon.self, from: JSONEncoder().encode(h))
    #expect(decoded == h)
  }
}
