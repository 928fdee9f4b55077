import FundReports
import Testing

@Suite struct QuantileModeTests {
  /// The documented size: exact up to 20 000 000 paths (320 MB of per-path values), the
  /// sketch from one path more.
  @Test func automaticSwitchesAboveTheDocumentedSize() {
    #expect(QuantileMode.exactLimit == 20_000_000)
    #expect(QuantileMode.automatic(paths: 20_000_000) == .exact)
    #expect(QuantileMode.automatic(paths: 20_000_001) == .sketch(relativeAccuracy: 0.001))
  }

  @Test func descriptionsNameTheModeAndTheBound() {
    #expect(QuantileMode.exact.description == "exact")
    #expect(QuantileMode.sketch.description.hasPrefix("sketch, relative error ≤ 0.1%"))
  }
}
