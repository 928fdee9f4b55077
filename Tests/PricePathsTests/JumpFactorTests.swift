import Foundation
import PricePaths
import RealModule
import Testing

@Suite("JumpFactor")
struct JumpFactorTests {
  // Expected: for J ~ N(μ, s²), E[e^{βJ}] = exp(βμ + β²s²/2) (the normal moment generating
  // function; Merton 1976), so κ(β) = exp(βμ + β²s²/2) − 1, and κ(0) = 0.
  @Test(arguments: [0.0, 0.5, 1.0, 2.0, -1.0])
  func expectedRelativeJump(beta: Double) {
    let j = JumpFactor(intensityPerDay: 0.5, mean: -0.08, stdev: 0.04)
    let expected = Double.exp(beta * -0.08 + 0.5 * beta * beta * 0.04 * 0.04) - 1
    #expect(abs(j.expectedRelativeJump(beta: beta) - expected) <= 1e-16)
  }

  @Test(arguments: [-0.1, Double.nan, Double.infinity])
  func badIntensityIsRefused(value: Double) {
    expectThrows(JumpFactorError.intensity(value)) {
      try JumpFactor(intensityPerDay: value, mean: -0.05, stdev: 0.02).validate()
    }
  }

  @Test(arguments: [5.0, -6.0, Double.nan])
  func badMeanIsRefused(value: Double) {
    expectThrows(JumpFactorError.mean(value)) {
      try JumpFactor(intensityPerDay: 1, mean: value, stdev: 0.02).validate()
    }
  }

  @Test(arguments: [-0.01, 5.0, Double.nan])
  func badStdevIsRefused(value: Double) {
    expectThrows(JumpFactorError.stdev(value)) {
      try JumpFactor(intensityPerDay: 1, mean: -0.05, stdev: value).validate()
    }
  }

  @Test func validFactorPassesAndRoundTripsThroughJSON() throws {
    let j = JumpFactor(intensityPerDay: 0, mean: -4.9, stdev: 0)
    try j.validate()
    #expect(try JSONDecoder().decode(JumpFactor.self, from: JSONEncoder().encode(j)) == j)
  }
}
