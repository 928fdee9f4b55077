import FundSimulation
import Testing

@testable import ScenarioFiles

@Suite("MarginTiersSection")
struct MarginTiersSectionTests {
  @Test("margin tiers are read per market, absent means flat")
  func tiers() throws {
    #expect(try parseScenario(smallScenario).rules[1].marginTiers.isEmpty)
    let yaml = smallScenario.replacingFirst(
      "maintenance_margin: 0.01", with: "maintenance_margin: 0.01\n    margin_tiers: [{from: 1.0e6, rate: 0.02}]")
    let rules = try parseScenario(yaml).rules
    #expect(rules.contains { $0.marginTiers == [MarginTier(notionalFloor: 1e6, rate: 0.02)] })
    let typo = smallScenario.replacingFirst(
      "maintenance_margin: 0.01", with: "maintenance_margin: 0.01\n    margin_tiers: [{floor: 1.0e6, rate: 0.02}]")
    #expect(throws: ScenarioError.self) { try parseScenario(typo) }
  }
}
