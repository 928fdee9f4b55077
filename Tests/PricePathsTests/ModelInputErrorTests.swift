import Foundation
import PricePaths
import Testing

@Suite("ModelInputError")
struct ModelInputErrorTests {
  // Expected: one line, `key: problem; fix` (the type's doc and docs/REPORTS.md, "Bad input").
  @Test func descriptionIsOneLine() {
    let error = ModelInputError(key: "markets[2].volatility", problem: "is -0.5", fix: "give a volatility ≥ 0")
    #expect(error.description == "markets[2].volatility: is -0.5; give a volatility ≥ 0")
    #expect(!error.description.contains("\n"))
    #expect(error == ModelInputError(key: "markets[2].volatility", problem: "is -0.5", fix: "give a volatility ≥ 0"))
  }

  /// Six (or four) significant digits, never rounded up; whole numbers of no more digits
  /// unchanged.
  @Test func limitsAreQuotedRoundedDown() {
    #expect(ModelInputError.quotedLimit(86_400 / 31_536_000, significantDigits: 6) == 0.00273972)
    #expect(ModelInputError.quotedLimit(2.0 / 3, significantDigits: 6) == 0.666666)
    #expect(ModelInputError.quotedLimit(123_456.789, significantDigits: 6) == 123_456)
    #expect(ModelInputError.quotedLimit(1_440, significantDigits: 6) == 1_440)
    #expect(ModelInputError.quotedLimit(93.4999, significantDigits: 4) == 93.49)
    #expect(ModelInputError.quotedLimit(0.5, significantDigits: 4) == 0.5)
    // Just below a quotable value the scaled product rounds up to it: 1000009.9999999999 ×
    // 0.1 is 100001.0 in doubles, so the plain floor would quote 1000010, above x.
    #expect(ModelInputError.quotedLimit((1_000_010.0).nextDown, significantDigits: 6) == 1_000_000)
    #expect(ModelInputError.quotedLimit((1.025e-8).nextDown, significantDigits: 4) == 1.024e-8)
    // Never above x, across magnitudes.
    for exponent in stride(from: -30.0, through: 30.0, by: 0.00713) {
      let value = pow(10, exponent)
      #expect(ModelInputError.quotedLimit(value, significantDigits: 6) <= value)
      #expect(ModelInputError.quotedLimit(value, significantDigits: 4) <= value)
    }
  }
}
