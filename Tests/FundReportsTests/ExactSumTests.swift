import Foundation
import PricePaths
import Testing

@testable import FundReports

@Suite struct ExactSumTests {
  @Test func cancellationThatPlainAdditionLoses() {
    // 1e16 + 1 − 1e16: plain Double arithmetic gives 0 (1e16 + 1 rounds to 1e16); the
    // exact sum is 1.
    var sum = ExactSum()
    for term in [1e16, 1, -1e16] { sum.add(term) }
    #expect(sum.value == 1)
    #expect((1e16 + 1.0) - 1e16 == 0)
  }

  @Test func tenTimesOneTenth() {
    // The binary 0.1 is 0.1000000000000000055511…; ten of them sum to 1.000000000000000055…,
    // which rounds to 1.0. Plain left-to-right addition gives 0.9999999999999999.
    var sum = ExactSum()
    var plain = 0.0
    for _ in 0..<10 {
      sum.add(0.1)
      plain += 0.1
    }
    #expect(sum.value == 1.0)
    #expect(plain != 1.0)
  }

  @Test func resultIndependentOfOrderAndGrouping() {
    var generator = SplitMix64(state: 3)
    let terms = (0..<5_000).map { _ -> Double in
      let magnitude = Double.pow10(Int(generator.next() % 20) - 6)
      let unit = Double(generator.next() >> 11) * 0x1p-53 - 0.5
      return unit * magnitude
    }
    var forward = ExactSum()
    for term in terms { forward.add(term) }
    var backward = ExactSum()
    for term in terms.reversed() { backward.add(term) }
    var merged = ExactSum()
    for chunk in stride(from: 0, to: terms.count, by: 37) {
      var part = ExactSum()
      for term in terms[chunk..<min(terms.count, chunk + 37)] { part.add(term) }
      merged.merge(part)
    }
    #expect(forward == backward)
    #expect(forward == merged)
    #expect(forward.value == merged.value)
    // And close to a high-precision reference (sorted by magnitude, Kahan-compensated).
    var kahan = 0.0, compensation = 0.0
    for term in terms.sorted(by: { $0.magnitude < $1.magnitude }) {
      let y = term - compensation
      let t = kahan + y
      compensation = (t - kahan) - y
      kahan = t
    }
    #expect((forward.value - kahan).magnitude <= 1e-9 * max(1, kahan.magnitude))
  }

  @Test func negativeTotalsAndZero() {
    var sum = ExactSum()
    sum.add(-2.5)
    sum.add(0.75)
    #expect(sum.value == -1.75)
    sum.add(1.75)
    #expect(sum.value == 0)
    #expect(sum == ExactSum())
  }

  @Test func nonFiniteTermsShowInTheResult() {
    var sum = ExactSum()
    sum.add(1)
    sum.add(.infinity)
    #expect(sum.value == .infinity)
    sum.add(-.infinity)
    #expect(sum.value.isNaN)
  }

  @Test func codableRoundTripIsExact() throws {
    var sum = ExactSum()
    for term in [123_456.789, -0.000_123, 9.87e11, 1e-20] { sum.add(term) }
    let data = try JSONEncoder().encode(sum)
    let decoded = try JSONDecoder().decode(ExactSum.self, from: data)
    #expect(decoded == sum)
    #expect(decoded.value == sum.value)
  }
}
