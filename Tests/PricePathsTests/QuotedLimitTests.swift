import Foundation
import PricePaths
import Testing

@Suite("QuotedLimit")
struct QuotedLimitTests {
  /// Six (or four) significant digits, never rounded up; whole numbers of no more digits
  /// unchanged.
  @Test func limitsAreQuotedRoundedDown() {
    #expect(QuotedLimit.roundedDown(86_400 / 31_536_000, significantDigits: 6) == 0.00273972)
    #expect(QuotedLimit.roundedDown(2.0 / 3, significantDigits: 6) == 0.666666)
    #expect(QuotedLimit.roundedDown(123_456.789, significantDigits: 6) == 123_456)
    #expect(QuotedLimit.roundedDown(1_440, significantDigits: 6) == 1_440)
    #expect(QuotedLimit.roundedDown(93.4999, significantDigits: 4) == 93.49)
    #expect(QuotedLimit.roundedDown(0.5, significantDigits: 4) == 0.5)
    // Just below a quotable value the scaled product rounds up to it: 1000009.9999999999 ×
    // 0.1 is 100001.0 in doubles, so the plain floor would quote 1000010, above x.
    #expect(QuotedLimit.roundedDown((1_000_010.0).nextDown, significantDigits: 6) == 1_000_000)
    #expect(QuotedLimit.roundedDown((1.025e-8).nextDown, significantDigits: 4) == 1.024e-8)
    // Never above x, across magnitudes.
    for exponent in stride(from: -30.0, through: 30.0, by: 0.00713) {
      let value = pow(10, exponent)
      #expect(QuotedLimit.roundedDown(value, significantDigits: 6) <= value)
      #expect(QuotedLimit.roundedDown(value, significantDigits: 4) <= value)
    }
  }

  @Test func nonPositiveAndNonFiniteValuesAreReturnedAsTheyAre() {
    #expect(QuotedLimit.roundedDown(0, significantDigits: 6) == 0)
    #expect(QuotedLimit.roundedDown(-2.5, significantDigits: 6) == -2.5)
    #expect(QuotedLimit.roundedDown(.infinity, significantDigits: 6) == .infinity)
    #expect(QuotedLimit.roundedDown(.nan, significantDigits: 6).isNaN)
  }
}
