import Testing

@testable import FundReports

@Suite struct ChartAxisTests {
  @Test func niceSteps() {
    // 1, 2, 2.5, 5 × 10ᵏ: the smallest at least the rough step.
    #expect(ChartAxis.niceStep(0.3) == 0.5)
    #expect(ChartAxis.niceStep(3) == 5)
    #expect(ChartAxis.niceStep(2.2) == 2.5)
    #expect(ChartAxis.niceStep(1_000_000) == 1_000_000)
    #expect(ChartAxis.niceStep(1_100_000) == 2_000_000)
  }

  @Test func ticksCoverTheRange() {
    // 0…24 h with about 8 ticks: rough step 3 → 5; ticks 0, 5, …, 25.
    let axis = ChartAxis(minimum: 0, maximum: 24, target: 8)
    #expect(axis.ticks == [0, 5, 10, 15, 20, 25])
    #expect(axis.lower == 0 && axis.upper == 25)
    #expect(axis.position(12.5, from: 0, to: 100) == 50)
    // A degenerate range is widened around its value.
    let flat = ChartAxis(minimum: 1e6, maximum: 1e6)
    #expect(flat.lower < 1e6 && flat.upper > 1e6)
  }

  @Test func hourAxes() {
    // 24 h, about 8 ticks: rough step 3 h → ticks 0, 3, …, 24 and the axis ends at 24.
    let day = ChartAxis.hours(upTo: 24)
    #expect(day.ticks == stride(from: 0.0, through: 24, by: 3).map { $0 })
    #expect(day.upper == 24)
    // A week: rough 21 h → 24-h ticks.
    #expect(ChartAxis.hours(upTo: 168).ticks == stride(from: 0.0, through: 168, by: 24).map { $0 })
    // One hour: 0.125 h → quarter hours.
    #expect(ChartAxis.hours(upTo: 1).ticks == [0, 0.25, 0.5, 0.75, 1])
  }

  @Test func compactLabels() {
    #expect(ChartAxis.compactLabel(20_000_000) == "20M")
    #expect(ChartAxis.compactLabel(1_500) == "1.5K")
    #expect(ChartAxis.compactLabel(-3_000_000) == "-3M")
    #expect(ChartAxis.compactLabel(0.05) == "0.05")
    #expect(ChartAxis.compactLabel(0) == "0")
    #expect(ChartAxis.compactLabel(1_250_000_000) == "1.25B")
    #expect(ChartAxis.trimmed(0.30000000000000004, decimals: 2) == "0.3")
  }
}
