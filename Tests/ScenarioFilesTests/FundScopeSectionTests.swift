import FundSimulation
import Testing

@testable import ScenarioFiles

@Suite("FundScopeSection")
struct FundScopeSectionTests {
  func with(_ keys: String) -> String {
    smallScenario.replacingFirst("waterfall: market-close", with: "waterfall: market-close\n" + keys)
  }

  @Test("scope defaults to shared; per-market; groups by symbol")
  func scopes() throws {
    #expect(try parseScenario(smallScenario).fund.scope == .shared)
    #expect(try parseScenario(with("  scope: per-market")).fund.scope == .perMarket)
    let groups = with(
      "  scope: groups\n  groups:\n    - {markets: [ETH], share: 0.25}\n    - {markets: [BTC], share: 0.75}")
    #expect(
      try parseScenario(groups).fund.scope
        == .groups([FundGroup(markets: [1], share: 0.25), FundGroup(markets: [0], share: 0.75)]))
  }

  @Test("groups need scope groups, name known symbols, and cover every market once")
  func errors() throws {
    let stray = with("  groups: [{markets: [BTC, ETH], share: 1}]")
    expectMessage(
      parseError(stray), file: "s.yaml", line: line(of: "groups:", in: stray), key: "fund.groups",
      contains: ["is set with scope shared"])
    expectMessage(parseError(with("  scope: groups")), file: "s.yaml", key: "fund.groups", contains: ["is missing"])
    let typo = with("  scope: groups\n  groups: [{markets: [BTC, ETX], share: 1}]")
    expectMessage(parseError(typo), file: "s.yaml", contains: ["did you mean 'ETH'?"])
    let fixtures = try Fixtures()
    let uncovered = with("  scope: groups\n  groups: [{markets: [BTC], share: 1}]")
    expectMessage(
      try fixtures.loadError(uncovered), file: "scenario.yaml", key: "fund.groups", contains: ["leave market 1"])
    let shares = with("  scope: groups\n  groups: [{markets: [BTC], share: 0.5}, {markets: [ETH], share: 0.4}]")
    expectMessage(try fixtures.loadError(shares), file: "scenario.yaml", key: "fund.groups", contains: ["0.9"])
  }
}
