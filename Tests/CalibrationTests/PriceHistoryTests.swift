import Calibration
import Foundation
import Testing

@Suite struct PriceHistoryTests {
  // Expected: rows at 0, 60, 120, 300, 360 s: the interval is 60 s (three of four gaps);
  // the 120 → 300 return is dropped, so three returns, ending at rows 1, 2 and 4.
  @Test func gapsAreSkipped() throws {
    let h = try PriceHistory(
      symbols: ["A"], timestamps: [0, 60, 120, 300, 360], rows: [[100], [110], [99], [50], [55]])
    #expect(h.interval == 60)
    #expect(h.returnEnds == [1, 2, 4])
    #expect(h.gaps == 1)
    #expect(abs(h.returns(market: 0)[2] - Foundation.log(55.0 / 50)) < 1e-15)
    #expect(h.lastPrices == [55])
  }

  @Test func timestampsMustIncrease() {
    #expect(throws: CalibrationError.self) {
      try PriceHistory(symbols: ["A"], timestamps: [0, 60, 60], rows: [[1], [2], [3]])
    }
  }
}

@Suite struct ReturnSeriesTests {
  @Test func constantPricesAreRefusedByMarket() {
    #expect {
      try ReturnSeries(symbol: "USDC", returns: [0, 0, 0], intervalYears: 1)
    } throws: { error in
      (error as? CalibrationError)?.description.hasPrefix("USDC: has constant prices") == true
    }
  }

  // Expected (hand calculation): returns {0.01, −0.01, 0.02, 0}, mean 0.005, deviations
  // {0.005, −0.015, 0.015, −0.005}, Σd² = 5e-4, variance 5e-4/3; with Δt = 1/8760 the
  // annualised volatility is √(5e-4/3 · 8760) = 1.2083046.
  // EWMA with λ = 0.5 from s₀² = 5e-4/3: s² ← ½s² + ½d² over the four deviations.
  @Test func volatilityAndEWMAByHand() throws {
    let s = try ReturnSeries(symbol: "A", returns: [0.01, -0.01, 0.02, 0], intervalYears: 1.0 / 8760)
    let fit = try GaussianFit.fit(s)
    #expect(abs(fit.parameter("volatility")!.value - 1.2083046) < 1e-7)
    var v = 5e-4 / 3
    for d in [0.005, -0.015, 0.015, -0.005] { v = 0.5 * v + 0.5 * d * d }
    #expect(abs(EWMAVolatility.volatility(s, lambda: 0.5) - (v * 8760).squareRoot()) < 1e-12)
  }
}

@Suite struct CrashFactorFitTests {
  // Expected: three markets with small alternating returns (±0.001) and two planted crash
  // steps where they fall by (−0.05, −0.10, −0.15) and (−0.04, −0.08, −0.12): J = the mean
  // −0.10 and −0.08; β = Σx·J/ΣJ² = 0.5, 1.0, 1.5 exactly; mean −0.09, stdev 0.0141421;
  // intensity 2 per (400 hourly steps = 16.667 days) = 0.12 per day.
  @Test func plantedCrashesAreFound() throws {
    var series: [[Double]] = Array(repeating: [], count: 3)
    for k in 0..<400 {
      for i in 0..<3 {
        let calm = (k + i) % 2 == 0 ? 0.001 : -0.001
        let crash = k == 100 ? -0.05 * Double(i + 1) : k == 300 ? -0.04 * Double(i + 1) : calm
        series[i].append(crash)
      }
    }
    let fit = try CrashFactorFit.fit(
      series.enumerated().map {
        try ReturnSeries(symbol: "M\($0.offset)", returns: $0.element, intervalYears: 1.0 / 8760)
      })
    #expect(fit.crashRows == [100, 300])
    // The series are demeaned first; the planted values are large against the mean shift.
    #expect(fit.betas.map(\.value).enumerated().allSatisfy { abs($0.element - [0.5, 1, 1.5][$0.offset]) < 0.01 })
    #expect(abs(fit.mean.value + 0.09) < 0.001)
    #expect(abs(fit.stdev.value - 0.0141421) < 1e-4)
    #expect(abs(fit.intensityPerDay.value - 0.12) < 1e-12)
  }
}
