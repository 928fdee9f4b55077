import Testing

@testable import FundSimulation

@Suite struct PositionTests {
  /// Hyperliquid's documented example (docs/MODEL.md, "Positions and prices"): long 1 BTC at 100 000 with margin 10 000
  /// and m = 1.25%: Pb = 100 000 − 10 000/1 = 90 000; Pl = 90 000/(1 − 0.0125) = 91 139.24.
  @Test func hyperliquidExample() {
    let p = long(1, at: 100_000, margin: 10_000)
    #expect(p.bankruptcyPrice == 90_000)
    #expect(abs(p.liquidationPrice(maintenanceMargin: 0.0125) - 91_139.24) < 0.005)
    #expect(p.equity(at: 90_000) == 0)
  }

  /// Short: Pb = E + M/q = 100 000 + 5 000/0.5 = 110 000; Pl = 110 000/1.01 = 108 910.89.
  @Test func shortPrices() {
    let p = short(0.5, at: 100_000, margin: 5_000)
    #expect(p.bankruptcyPrice == 110_000)
    #expect(abs(p.liquidationPrice(maintenanceMargin: 0.01) - 108_910.891) < 0.001)
  }

  /// At the liquidation price equity equals the maintenance requirement m·q·Pl.
  @Test(arguments: [0.005, 0.0125, 0.05])
  func equityAtLiquidationIsMaintenance(m: Double) {
    for p in [long(2, at: 3_000, margin: 600), short(3, at: 150, margin: 40)] {
      let pl = p.liquidationPrice(maintenanceMargin: m)
      #expect(close(p.equity(at: pl), m * p.size * pl, relative: 1e-9))
    }
  }

  /// A long with margin ≥ notional has Pb ≤ 0: never liquidated.
  @Test func fullyCollateralisedLongNeverLiquidates() {
    let p = long(1, at: 100, margin: 100)
    #expect(p.liquidationPrice(maintenanceMargin: 0.01) <= 0)
  }

  @Test func refusesPositionsAlreadyPastLiquidation() {
    // Long 1 at 100 000, margin 1 000: Pb 99 000, Pl 99 000/0.99 = 100 000 ≥ price 99 999.
    let p = long(1, at: 100_000, margin: 1_000)
    #expect(p.validationProblem(initialPrice: 99_999, maintenanceMargin: 0.01) != nil)
    #expect(
      long(1, at: 100_000, margin: 10_000).validationProblem(initialPrice: 100_000, maintenanceMargin: 0.01) == nil)
    #expect(
      long(-1, at: 100_000, margin: 10_000).validationProblem(initialPrice: 100_000, maintenanceMargin: 0.01) != nil)
    #expect(long(1, at: 100_000, margin: 0).validationProblem(initialPrice: 100_000, maintenanceMargin: 0.01) != nil)
  }
}
