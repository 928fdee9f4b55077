import FundSimulation
import Testing

@testable import ScenarioFiles

@Suite("FundSection")
struct FundSectionTests {
  @Test("fund keys with their defaults")
  func defaults() throws {
    #expect(try parseScenario(smallScenario).fund == FundRules(balance: 2.0e7, waterfall: .marketClose))
    let yaml = smallScenario.replacingFirst(
      "waterfall: market-close",
      with: "waterfall: takeover\n  fund_share: 0.7\n  fee_cap: 0.015\n  takeover_subsidy: 0.1\n"
        + "  depletion_threshold: 1.0e6")
    #expect(
      try parseScenario(yaml).fund
        == FundRules(
          balance: 2.0e7, waterfall: .takeover, fundShare: 0.7, feeCap: 0.015, takeoverSubsidy: 0.1,
          depletionThreshold: 1.0e6))
  }

  @Test("the waterfall is required and must be a known mechanic")
  func waterfall() {
    let missing = smallScenario.replacingFirst("  waterfall: market-close\n", with: "")
    expectMessage(parseError(missing), file: "s.yaml", key: "fund.waterfall", contains: ["is missing"])
    let wrong = smallScenario.replacingFirst("market-close", with: "auction")
    expectMessage(
      parseError(wrong), file: "s.yaml", line: line(of: "auction", in: wrong), key: "fund.waterfall",
      contains: ["expected one of market-close, takeover, found 'auction'"])
  }

  @Test("ADL: ranking, optional drawdown trigger and window")
  func adl() throws {
    let absent = try parseScenario(smallScenario).adl
    #expect(absent.ranking == .pnlLeverage && absent.drawdownTrigger == nil && absent.drawdownWindowHours == 8)
    let yaml = smallScenario + "adl:\n  ranking: pro-rata\n  drawdown_trigger: 0.3\n  drawdown_window_hours: 4\n"
    let adl = try parseScenario(yaml).adl
    #expect(adl.ranking == .proRata && adl.drawdownTrigger == 0.3 && adl.drawdownWindowHours == 4)
    let bad = smallScenario + "adl: {drawdown_window_hours: 0}\n"
    expectMessage(
      parseError(bad), file: "s.yaml", line: line(of: "adl:", in: bad), key: "adl.drawdown_window_hours",
      contains: ["is 0.0"])
    let typo = smallScenario + "adl: {ranking: pnl_leverage}\n"
    expectMessage(parseError(typo), file: "s.yaml", key: "adl.ranking", contains: ["did you mean 'pnl-leverage'?"])
  }

  @Test("ADL: close price and the random walk's account cap")
  func adlVenueKeys() throws {
    let absent = try parseScenario(smallScenario).adl
    #expect(absent.closePrice == .bankruptcy && absent.randomWalkAccounts == 500)
    let yaml = smallScenario + "adl:\n  ranking: random-walk\n  close_price: mark\n  random_walk_accounts: 20\n"
    let adl = try parseScenario(yaml).adl
    #expect(adl.ranking == .randomWalk && adl.closePrice == .mark && adl.randomWalkAccounts == 20)
    #expect(adl.policy(stepSeconds: 60).closePrice == .mark && adl.policy(stepSeconds: 60).randomWalkAccounts == 20)
    let wrong = smallScenario + "adl: {close_price: oracle}\n"
    expectMessage(
      parseError(wrong), file: "s.yaml", key: "adl.close_price", contains: ["expected one of bankruptcy, mark"])
    for ranking in ["binance", "hyperliquid", "pro-rata"] {
      #expect(try parseScenario(smallScenario + "adl: {ranking: \(ranking)}\n").adl.ranking.rawValue == ranking)
    }
  }

  @Test("fund caps and the backstop vault")
  func capsAndBackstop() throws {
    let yaml = smallScenario.replacingFirst(
      "waterfall: market-close",
      with: "waterfall: market-close\n  step_outflow_cap: 1.0e6\n  market_outflow_cap: 2.0e6\n"
        + "  backstop: {share: 0.5, capital: 3.0e6, loss_cap: 1.0e6}")
    let fund = try parseScenario(yaml).fund
    #expect(fund.stepOutflowCap == 1e6 && fund.marketOutflowCap == 2e6 && fund.takeoverNotionalCap == nil)
    #expect(fund.backstop == BackstopVault(share: 0.5, capital: 3e6, lossCap: 1e6))
    let defaults = smallScenario.replacingFirst(
      "waterfall: market-close", with: "waterfall: market-close\n  backstop: {capital: 3.0e6}")
    #expect(try parseScenario(defaults).fund.backstop == BackstopVault(share: 2.0 / 3, capital: 3e6, lossCap: 3e6))
    let typo = smallScenario.replacingFirst(
      "waterfall: market-close", with: "waterfall: market-close\n  backstop: {capitol: 3.0e6}")
    #expect(throws: ScenarioError.self) { try parseScenario(typo) }
  }
}
