import PricePaths
import Testing

@testable import FundSimulation

/// The share margin reduction sells (``MarginSchedule/reductionShare(equity:notional:fee:)``)
/// and the rule's domain (docs/MODEL.md, "Partial liquidation").
@Suite struct MarginReductionTests {
  /// Flat 1%: e = 5, N = 955 gives f = (9.55 − 5)/9.55 = 0.476440; with fee 0.5%
  /// f = 4.55/4.775 = 0.952880; fee 0.6% would need f = 1.19: none; e ≤ 0: none.
  @Test func flatRate() {
    let flat = MarginSchedule(baseRate: 0.01, tiers: [])
    #expect(close(flat.reductionShare(equity: 5, notional: 955, fee: 0)!, 4.55 / 9.55))
    #expect(close(flat.reductionShare(equity: 5, notional: 955, fee: 0.005)!, 4.55 / 4.775))
    #expect(flat.reductionShare(equity: 5, notional: 955, fee: 0.006) == nil)
    #expect(flat.reductionShare(equity: 0, notional: 955, fee: 0) == nil)
    #expect(flat.reductionShare(equity: -1, notional: 955, fee: 0) == nil)
    // A fee at or above the rate frees no margin.
    #expect(flat.reductionShare(equity: 5, notional: 955, fee: 0.01) == nil)
  }

  /// Tiers 1% from 0, 2% from 1 000 (deduction 10): e = 20, N = 1 870 stays in the upper
  /// tier, 20 + 10 ≥ 0.02·x, x = 1 500, f = 1 − 1 500/1 870; e = 8, N = 1 858 leaves it,
  /// x = 800 in the lower tier, f = 1 − 800/1 858. The rest is exactly compliant.
  @Test func tiers() {
    let tiered = MarginSchedule(baseRate: 0.01, tiers: [MarginTier(notionalFloor: 1_000, rate: 0.02)])
    #expect(close(tiered.reductionShare(equity: 20, notional: 1_870, fee: 0)!, 1 - 1_500.0 / 1_870))
    let f = tiered.reductionShare(equity: 8, notional: 1_858, fee: 0)!
    #expect(close(f, 1 - 800.0 / 1_858))
    #expect(close(tiered.maintenanceMargin(notional: (1 - f) * 1_858), 8))
    // At the tier's floor exactly: 10 + 10 = 0.02·1 000.
    #expect(close(tiered.reductionShare(equity: 10, notional: 1_860, fee: 0)!, 1 - 1_000.0 / 1_860))
  }

  /// Refused with a backstop vault and beside the slice rule; bad values named by market.
  @Test func refusals() throws {
    let reduce = [
      MarketRules(maintenanceMargin: 0.01, depth: .infinity, marginReduction: MarginReduction(fee: 0))
    ]
    let prices = [[100.0], [100.0]]
    #expect(throws: MarketRuleError.reductionWithBackstop(market: 0)) {
      try makeSimulator(
        prices: prices, positions: [], rules: reduce,
        fund: FundRules(balance: 1, backstop: BackstopVault(share: 2.0 / 3, capital: 1e6)))
    }
    var both = reduce
    both[0].partialLiquidation = .hyperliquid
    #expect(throws: MarketRuleError.reductionWithSlice(market: 0)) {
      try makeSimulator(prices: prices, positions: [], rules: both, fund: FundRules(balance: 1))
    }
    for (fee, above, error) in [
      (1.0, 0.0, MarketRuleError.reductionFee(market: 0, rate: 1)),
      (-0.1, 0, .reductionFee(market: 0, rate: -0.1)), (0, -1, .reductionAbove(market: 0, notional: -1)),
    ] {
      var bad = reduce
      bad[0].marginReduction = MarginReduction(fee: fee, above: above)
      #expect(throws: error) {
        try makeSimulator(prices: prices, positions: [], rules: bad, fund: FundRules(balance: 1))
      }
    }
    // Takeover is allowed (Binance's mechanic).
    _ = try makeSimulator(
      prices: prices, positions: [], rules: reduce, fund: FundRules(balance: 1, waterfall: .takeover))
  }
}
