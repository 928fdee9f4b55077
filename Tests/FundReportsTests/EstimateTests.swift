import Foundation
import Testing

@testable import FundReports

@Suite struct EstimateTests {
  @Test func normalQuantileIsTheTwoSided95PercentPoint() {
    // Φ(z) = erfc(−z/√2)/2 = 0.975 at z = 1.959964 (to 7 digits).
    let phi = erfc(-normalQuantile975 / 2.0.squareRoot()) / 2
    #expect(phi.isApproximately(0.975, tolerance: 1e-7))
  }

  @Test func notApplicableHasNothing() {
    #expect(Estimate.notApplicable == Estimate(value: nil, low: nil, high: nil))
  }
}
