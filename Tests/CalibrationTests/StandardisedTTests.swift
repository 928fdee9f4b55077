import Calibration
import Testing

@Suite struct StandardisedTTests {
  // Expected (published tables): Student's t with ν = 5 has P(T ≤ 2.015048) = 0.95 and
  // ν = 10 has P(T ≤ 2.763769) = 0.99. The unit-variance t is T·√((ν − 2)/ν).
  @Test func cdfMatchesTheTables() {
    for (dof, t, p) in [(5.0, 2.015048, 0.95), (10.0, 2.763769, 0.99)] {
      let law = StandardisedT(dof: dof)
      let z = t * ((dof - 2) / dof).squareRoot()
      #expect(abs(law.cdf(z) - p) < 1e-6)
      #expect(abs(law.cdf(-z) - (1 - p)) < 1e-6)
      #expect(abs(law.quantile(p) - z) < 1e-6)
    }
  }

  // Expected: the density integrates to 1 and has unit variance (trapezoid rule on [−60, 60]).
  @Test func densityHasUnitMassAndVariance() {
    let law = StandardisedT(dof: 6)
    var mass = 0.0
    var variance = 0.0
    let step = 0.001
    for k in -60_000...60_000 {
      let z = Double(k) * step
      let f = Double.exp(law.logDensity(z)) * step
      mass += f
      variance += z * z * f
    }
    #expect(abs(mass - 1) < 1e-6)
    #expect(abs(variance - 1) < 2e-3)  // the tail beyond ±60 holds ≈ 1e-3 of ν = 6's variance
  }

  // Expected: Φ(1.959964) = 0.975.
  @Test func normalCDF() {
    #expect(abs(StandardNormal.cdf(1.959964) - 0.975) < 1e-7)
    #expect(abs(StandardNormal.quantile(0.975) - 1.959964) < 1e-6)
  }
}

@Suite struct GoodnessOfFitTests {
  // Expected (hand calculation): residuals {−1, 0, 1} against the normal: Φ(−1) = 0.158655,
  // Φ(0) = 0.5, Φ(1) = 0.841345; D = max over k of (k/3 − F, F − (k − 1)/3) = 0.841345 − 2/3
  // = 0.174679 (also 1/3 − 0.158655 = 0.174679).
  @Test func ksStatisticByHand() {
    let fit = GoodnessOfFit(residuals: [1, -1, 0], dof: nil)
    #expect(abs(fit.statistic - 0.174679) < 1e-6)
    #expect(fit.quantiles.count == 3)
    #expect(fit.quantiles.map(\.sample) == [-1, 0, 1])
    #expect(abs(fit.quantiles[0].theoretical - StandardNormal.quantile(0.5 / 3)) < 1e-12)
  }
}
