import Testing

@testable import ScenarioFiles

@Suite("Quantiles")
struct QuantilesTests {
  @Test("type-7 quantiles interpolate between order statistics")
  func typeSeven() throws {
    let q = try #require(ScenarioCheck.Quantiles([5, 1, 4, 2, 3]))
    #expect(q.count == 5)
    #expect(q.min == 1 && q.max == 5)
    #expect(q.median == 3)
    #expect(abs(q.p10 - 1.4) < 1e-12)
    #expect(q.p25 == 2)
    #expect(q.p75 == 4)
    #expect(abs(q.p90 - 4.6) < 1e-12)
  }

  @Test("an empty sample has no quantiles; NaNs are ignored; one value is every quantile")
  func edgeCases() throws {
    #expect(ScenarioCheck.Quantiles([]) == nil)
    #expect(ScenarioCheck.Quantiles([.nan]) == nil)
    let one = try #require(ScenarioCheck.Quantiles([7, .nan]))
    #expect(one.count == 1 && one.p10 == 7 && one.p90 == 7)
  }
}
