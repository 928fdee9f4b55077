import PricePaths
import Testing

@testable import FundReports

@Suite struct CSVFieldTests {
  @Test func rfc4180Quoting() {
    #expect(CSVField.quoted("BTC") == "BTC")
    #expect(CSVField.quoted("a,b") == "\"a,b\"")
    #expect(CSVField.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVField.quoted("two\nlines") == "\"two\nlines\"")
    #expect(CSVField.quoted("cr\rhere") == "\"cr\rhere\"")
    #expect(CSVField.quoted("") == "")
  }

  @Test func numbers() {
    #expect(CSVField.format(0.1) == "0.1")
    #expect(CSVField.format(-0.0) == "0.0")
    #expect(CSVField.format(0) == "0.0")
    #expect(CSVField.format(20_000_000) == "20000000.0")
    #expect(CSVField.format(-5) == "-5.0")
    #expect(CSVField.format(1e16) == "1e+16")
    #expect(CSVField.format(1e-5) == "1e-05")
    #expect(CSVField.format(.nan) == "")
    #expect(CSVField.format(nil) == "")
    #expect(CSVField.format(.infinity) == "inf")
    var bytes: [UInt8] = []
    for value in [0, 7, -42, Int.max, Int.min] {
      bytes.removeAll()
      CSVField.append(value, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }
  }

  @Test func fastPathsAgreeWithShortestRoundTrip() {
    // Integral values below 1e15 skip `description`; they must print identically, and every
    // printed value must parse back to the same Double.
    var generator = SplitMix64(state: 1)
    for index in 0..<20_000 {
      let bits = generator.next()
      let value: Double =
        switch index % 3 {
        case 0: Double(Int64(bitPattern: bits) % 999_999_999_999_999)
        case 1: Double(bitPattern: bits)  // any bit pattern
        default: (Double(bits >> 11) * 0x1p-53 - 0.5) * 1e7
        }
      guard value.isFinite else { continue }
      let text = CSVField.format(value)
      #expect(text == (value + 0).description)
      #expect(Double(text) == value)
    }
  }

  @Test func recordJoinsAndTerminates() {
    #expect(CSVField.record(["a", "\"b,c\"", ""]) == "a,\"b,c\",\n")
  }
}
