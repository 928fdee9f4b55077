import PricePaths
import Testing

@testable import FundSimulation

/// Amounts beyond ``MoneyLimit/largest`` (10¹⁸) are refused where a scenario states them,
/// naming the key, instead of overflowing the statistics into infinite intervals.
@Suite struct MoneyLimitTests {
  @Test func admitsUpToTheLimitOnly() {
    #expect(MoneyLimit.admits(1e18))
    #expect(MoneyLimit.admits(-1e18))
    #expect(MoneyLimit.admits(0))
    #expect(!MoneyLimit.admits(1e18.nextUp))
    #expect(!MoneyLimit.admits(-1e19))
    #expect(!MoneyLimit.admits(.infinity))
    #expect(!MoneyLimit.admits(.nan))
  }

  private func fundError(_ fund: FundRules) -> FundRuleError? {
    do {
      try fund.validate()
      return nil
    } catch {
      return error as? FundRuleError
    }
  }

  @Test func fundBalanceAndThresholdAreBounded() {
    #expect(fundError(FundRules(balance: 1e18)) == nil)
    #expect(fundError(FundRules(balance: 1e19)) == .balanceAboveLimit(1e19))
    #expect(fundError(FundRules(balance: 1e7, depletionThreshold: -1e18)) == nil)
    #expect(fundError(FundRules(balance: 1e7, depletionThreshold: -1e19)) == .depletionThreshold(-1e19, balance: 1e7))
  }

  @Test func openInterestIsBounded() throws {
    let rules = [MarketRules(maintenanceMargin: 0.01, depth: 4e7, maxLeverage: 50)]
    try SyntheticBook(positionsPerMarket: 10, openInterest: ["BTC": 1e18]).validate(symbols: ["BTC"], rules: rules)
    do {
      try SyntheticBook(positionsPerMarket: 10, openInterest: ["BTC": 1e19]).validate(symbols: ["BTC"], rules: rules)
      Issue.record("an open interest of 1e19 was accepted")
    } catch let error as SyntheticBookError {
      #expect(error == .openInterestAboveLimit(symbol: "BTC", notional: 1e19))
    }
  }

  /// A position's notional `q·E` and its margin are each bounded: 10¹⁵ BTC at 90 000 is a
  /// notional of 9·10¹⁹.
  @Test func positionNotionalAndMarginAreBounded() {
    let fine = long(1e10, at: 90_000, margin: 1e14)
    #expect(fine.validationProblem(initialPrice: 90_000, maintenanceMargin: 0.01) == nil)
    let huge = long(1e15, at: 90_000, margin: 1e19)
    #expect(
      huge.validationProblem(initialPrice: 90_000, maintenanceMargin: 0.01)
        == .aboveMoneyLimit(notional: huge.entryNotional, margin: huge.margin))
    let hugeNotional = long(1e15, at: 90_000, margin: 1e17)
    #expect(
      hugeNotional.validationProblem(initialPrice: 90_000, maintenanceMargin: 0.01)
        == .aboveMoneyLimit(notional: hugeNotional.entryNotional, margin: hugeNotional.margin))
  }
}
