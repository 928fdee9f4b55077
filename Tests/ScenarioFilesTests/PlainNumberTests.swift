import Testing

@testable import ScenarioFiles

@Suite("Plain numbers")
struct PlainNumberTests {
  @Test("whole numbers lose the decimal point, others keep Swift's shortest form")
  func plainText() {
    #expect(1440.0.plainText == "1440")
    #expect((-60.0).plainText == "-60")
    #expect(0.0.plainText == "0")
    #expect(0.25.plainText == "0.25")
    // At 10¹⁵ and above a whole number keeps Swift's form, decimal point included (Int
    // would trap past Int.max).
    #expect(1e15.plainText == "1000000000000000.0")
    #expect(Double.infinity.plainText == "inf")
    #expect(Double.nan.plainText == "nan")
  }
}
