import Testing

@testable import FundReports

@Suite struct ErrorFreeArithmeticTests {
  /// 1 + 2⁻⁶⁰ rounds to 1; the error term carries the 2⁻⁶⁰ exactly.
  @Test func twoSumKeepsWhatRoundingDrops() {
    let (s, e) = ErrorFreeArithmetic.twoSum(1, 0x1p-60)
    #expect(s == 1)
    #expect(e == 0x1p-60)
    // 1 666.11… − 10⁷ needs more bits than a double has: the rounded difference and its
    // error together give the value back exactly.
    let x = 1_666.113_908_824_776_4
    let (t, f) = ErrorFreeArithmetic.twoSum(x, -1e7)
    #expect(f != 0)
    #expect(ErrorFreeArithmetic.accurateSum([t, f, 1e7]) == x)
  }

  /// (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰: the product rounds to 1 + 2⁻²⁹, the error is 2⁻⁶⁰.
  @Test func twoProductKeepsTheLowBits() {
    let a = 1 + 0x1p-30
    let (p, e) = ErrorFreeArithmetic.twoProduct(a, a)
    #expect(p == 1 + 0x1p-29)
    #expect(e == 0x1p-60)
  }

  /// Terms that cancel exactly sum to exactly 0, whatever their order and size; a sum
  /// whose naive evaluation loses everything is recovered.
  @Test func accurateSumCancelsExactly() {
    #expect(ErrorFreeArithmetic.accurateSum([1e100, 1, -1e100]) == 1)
    #expect(ErrorFreeArithmetic.accurateSum([0.1, 0.2, -0.3, -0.1, -0.2, 0.3]) == 0)
    #expect(ErrorFreeArithmetic.accurateSum([1e16, 1, 1, -1e16]) == 2)
    #expect(ErrorFreeArithmetic.accurateSum([]) == 0)
  }

  /// The exact parts of an ``ExactSum`` add up to its value and keep bits its rounded
  /// value drops.
  @Test func exactPartsRepresentTheSum() {
    var total = ExactSum()
    total.add(1e7)
    total.add(0x1p-70)
    total.add(-3.25)
    #expect(total.value == 1e7 - 3.25)
    let parts = total.exactParts
    #expect(ErrorFreeArithmetic.accurateSum(parts + [-(1e7 - 3.25)]) == 0x1p-70)
    var negative = ExactSum()
    negative.add(-2.5)
    #expect(negative.exactParts.allSatisfy { $0 < 0 })
    #expect(ErrorFreeArithmetic.accurateSum(negative.exactParts) == -2.5)
  }
}
