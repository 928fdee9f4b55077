import FundSimulation
import Testing

@testable import ScenarioFiles

@Suite("PartialLiquidationSection")
struct PartialLiquidationSectionTests {
  static let line =
    "maintenance_margin: 0.01\n    partial_liquidation: {share: 0.2, above: 1.0e5, cooldown_seconds: 30}"

  @Test("partial liquidation is read per market, absent means none")
  func readsRule() throws {
    #expect(try parseScenario(smallScenario).rules.allSatisfy { $0.partialLiquidation == nil })
    let rules = try parseScenario(smallScenario.replacingFirst("maintenance_margin: 0.01", with: Self.line)).rules
    #expect(rules.contains { $0.partialLiquidation == .hyperliquid })
    let typo = smallScenario.replacingFirst(
      "maintenance_margin: 0.01", with: "maintenance_margin: 0.01\n    partial_liquidation: {share: 0.2, above: 1.0e5}")
    #expect(throws: ScenarioError.self) { try parseScenario(typo) }
  }

  @Test("refused under takeover with a one-line error naming the key")
  func refusedUnderTakeover() throws {
    let yaml = smallScenario.replacingFirst("maintenance_margin: 0.01", with: Self.line)
      .replacingFirst("waterfall: market-close", with: "waterfall: takeover")
    #expect {
      try Fixtures().load(yaml)
    } throws: { error in
      let text = "\(error)"
      return text.contains("partial_liquidation") && text.contains("takeover") && !text.contains("\n")
    }
  }
}
