import Testing

@testable import FundReports

@Suite struct OrderStatisticIntervalTests {
  @Test func medianOfAHundred() {
    // np = 50, z√(np(1 − p)) = 1.959964 × 5 = 9.79982: j = ⌊40.2⌋ = 40, k = ⌈59.8⌉ = 60.
    let ranks = OrderStatisticInterval.ranks(count: 100, p: 0.5)
    #expect(ranks.low == 40 && ranks.high == 60)
    let values = (1...100).map(Double.init)
    let estimate = OrderStatisticInterval.quantileEstimate(sorted: values, p: 0.5)
    #expect(estimate == Estimate(value: 50.5, low: 40, high: 60))
  }

  @Test func boundsOutsideTheSampleAreNotReported() {
    // n = 1000, p = 0.999: k = ⌈999 + 1.959964·√0.999⌉ = ⌈1000.96⌉ = 1001 > n.
    let values = (1...1000).map(Double.init)
    let estimate = OrderStatisticInterval.quantileEstimate(sorted: values, p: 0.999)
    #expect(estimate.high == nil)
    // j = ⌊999 − 1.958984⌋ = 997.
    #expect(estimate.low == 997)
    // p = 0.001 on 100 values: j = ⌊0.1 − 0.619⌋ = −1 < 1.
    #expect(OrderStatisticInterval.quantileEstimate(sorted: Array(values.prefix(100)), p: 0.001).low == nil)
  }
}
