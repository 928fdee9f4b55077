import Testing

@testable import FundReports

/// The rules of ``ReadableNumber``; every expected string is worked out by hand from the
/// rules in its documentation.
@Suite struct ReadableNumberTests {
  func one(_ kind: ReadableNumber.Kind, _ value: Double?, digits: Int = 3) -> String {
    ReadableNumber(kind, fitting: [value], digits: digits).string(value)
  }

  @Test func percentHasThreeSignificantDigits() {
    #expect(one(.percent, 0.02661) == "2.66%")
    #expect(one(.percent, 0.0096) == "0.960%")
    #expect(one(.percent, 0.5) == "50.0%")
    #expect(one(.percent, 1) == "100%")
    #expect(one(.percent, 0) == "0%")
    #expect(one(.percent, 0.123456, digits: 4) == "12.35%")
    #expect(one(.percent, -0.0123) == "-1.23%")
  }

  @Test func tinyProbabilitiesNeverShowAsZero() {
    // 1e-7 = 0.00001%: beyond the 4 percent decimals.
    #expect(one(.percent, 1e-7) == "<0.0001%")
    let column = ReadableNumber(.percent, fitting: [0.5, 0.00001, -0.00001, 0])
    #expect(column.string(0.5) == "50.0%")
    #expect(column.string(0.00001) == "<0.1%")
    #expect(column.string(-0.00001) == ">-0.1%")
    #expect(column.string(0) == "0%")
  }

  @Test func quantitiesAreGroupedOrSuffixed() {
    #expect(one(.quantity, 5224) == "5,224")
    #expect(one(.quantity, 5224.4) == "5,224")
    #expect(one(.quantity, 845.91071) == "846")
    #expect(one(.quantity, 40.26731) == "40.3")
    #expect(one(.quantity, 0.012345) == "0.0123")
    #expect(one(.quantity, 28_400) == "28.4K")
    #expect(one(.quantity, 48_089_554.054) == "48.1M")
    #expect(one(.quantity, 1.5e9) == "1.50B")
    #expect(one(.quantity, 2e12) == "2.00T")
    #expect(one(.quantity, -3e6) == "-3.00M")
    #expect(one(.quantity, 13) == "13")
    #expect(one(.quantity, 1) == "1")
    #expect(one(.quantity, 0) == "0")
  }

  @Test func hugeAndTinyQuantitiesAreScientific() {
    #expect(one(.quantity, 1e15) == "1.00e+15")
    #expect(one(.quantity, -2.345e18) == "-2.35e+18")
    #expect(one(.quantity, 1.23e-9) == "1.23e-09")
    // 9.999e-10 rounds up to the next power of ten.
    #expect(one(.quantity, 9.999e-10) == "1.00e-09")
    // 1.23e-6 needs 8 decimals, more than 6: scientific.
    #expect(one(.quantity, 1.23e-6) == "1.23e-06")
    #expect(one(.quantity, 1.23e-4) == "0.000123")
  }

  @Test func integersAreExactAndGrouped() {
    #expect(one(.integer, 100_000) == "100,000")
    #expect(one(.integer, 1_234_567) == "1,234,567")
    #expect(one(.integer, 7) == "7")
  }

  @Test func notApplicableNaNAndInfinity() {
    for kind in [ReadableNumber.Kind.percent, .quantity, .integer] {
      #expect(one(kind, nil) == "–")
      #expect(one(kind, .nan) == "n/a")
      #expect(one(kind, .infinity) == "∞")
      #expect(one(kind, -.infinity) == "-∞")
    }
    // Non-finite values do not change the format of the finite ones.
    #expect(ReadableNumber(.quantity, fitting: [.infinity, .nan, 28_400]).string(28_400) == "28.4K")
  }

  @Test func aColumnSharesOneScaleAndDecimals() {
    // Largest 30,820 → K with 1 decimal (30.8K); 7,391 is then 7.4K, not 7391.
    let column = ReadableNumber(.quantity, fitting: [7391, 30_820, nil])
    #expect(column.string(7391) == "7.4K")
    #expect(column.string(30_820) == "30.8K")
    #expect(column.string(nil) == "–")
    let shares = ReadableNumber(.percent, fitting: [0.0096, 0.026])
    #expect(shares.string(0.0096) == "0.96%")
    #expect(shares.string(0.026) == "2.60%")
  }

  @Test func intervals() {
    // reports/example: depletion 0.02661 (0.025630535, 0.027625833).
    #expect(
      ReadableNumber.interval(.percent, value: 0.02661, low: 0.025630535351285507, high: 0.02762583341601958)
        == "2.66% (95% CI 2.56–2.76%)")
    // 3 digits would show 9.89M (9.89–9.89M): 4 digits are used.
    #expect(
      ReadableNumber.interval(
        .quantity, value: 9_891_738.349354064, low: 9_888_370.706598058, high: 9_894_948.941797214, unit: "USDC")
        == "9.892M USDC (95% CI 9.888–9.895M)")
    // A bound below zero: "to" instead of the dash. Largest 2.2M → 2 decimals.
    #expect(
      ReadableNumber.interval(.quantity, value: 1e6, low: -2e5, high: 2.2e6) == "1.00M (95% CI -0.20 to 2.20M)")
    // One identifiable bound.
    #expect(ReadableNumber.interval(.quantity, value: 3.68, low: nil, high: 4.85) == "3.68 (95% CI ≤ 4.85)")
    #expect(ReadableNumber.interval(.quantity, value: 9.96e6, low: 9.94e6, high: nil) == "9.96M (95% CI ≥ 9.94M)")
    // Exact (a replay) or no interval: the value alone.
    #expect(ReadableNumber.interval(.percent, value: 1, low: 1, high: 1) == "100%")
    #expect(ReadableNumber.interval(.quantity, value: 13, low: nil, high: nil, unit: "rounds") == "13 rounds")
    #expect(ReadableNumber.interval(.percent, value: nil, low: nil, high: nil) == "–")
    // Zero depletions in 10,000 paths: Wilson upper bound 0.0384%.
    #expect(ReadableNumber.interval(.percent, value: 0, low: 0, high: 0.000384) == "0% (95% CI 0–0.0384%)")
  }

  @Test func singleValuesDropTrailingZeros() {
    #expect(ReadableNumber.single(90_000, .quantity) == "90K")
    #expect(ReadableNumber.single(10_000_000, .quantity) == "10M")
    #expect(ReadableNumber.single(2.2, .quantity) == "2.2")
    #expect(ReadableNumber.single(0.55, .percent) == "55%")
    #expect(ReadableNumber.single(0.015, .percent) == "1.5%")
    #expect(ReadableNumber.single(0, .quantity) == "0")
  }

  @Test func readingBackGivesTheValueAndItsRounding() throws {
    let percent = try #require(ReadableNumber.read("2.66%"))
    #expect(percent.agrees(with: 0.02665) && !percent.agrees(with: 0.026651) && percent.resolution == 0.00005)
    #expect(ReadableNumber.read("9.892M USDC") == .init(value: 9_892_000, resolution: 500))
    #expect(ReadableNumber.read("5,224") == .init(value: 5224, resolution: 0.5))
    #expect(ReadableNumber.read("<0.1%") == .init(value: 0, resolution: 0.001))
    #expect(ReadableNumber.read("–") == nil)
    #expect(ReadableNumber.read("n/a") == nil)
    let scientific = try #require(ReadableNumber.read("1.23e-09"))
    #expect(scientific.agrees(with: 1.2349e-9) && !scientific.agrees(with: 1.236e-9))
    let bounds = try #require(ReadableNumber.readBounds("4.6–69.9%"))
    #expect(bounds.low?.agrees(with: 0.045547) == true && bounds.low?.agrees(with: 0.0454) == false)
    #expect(bounds.high?.agrees(with: 0.699387) == true)
    #expect(ReadableNumber.readBounds("-0.20 to 2.20M")?.low?.value == -200_000)
    #expect(ReadableNumber.readBounds("≤ 4.85")?.low == nil)
    // Round trip over many magnitudes and kinds.
    for exponent in -9...16 {
      for mantissa in [1.0, 2.345, 9.996] {
        let value = mantissa * Double.pow10(exponent)
        for kind in [ReadableNumber.Kind.quantity, .percent] {
          let shown = ReadableNumber(kind, fitting: [value]).string(value)
          #expect(ReadableNumber.read(shown)?.agrees(with: value) == true, "\(value) → \(shown)")
        }
      }
    }
  }
}
