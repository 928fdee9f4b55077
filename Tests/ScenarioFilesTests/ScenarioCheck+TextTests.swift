import Foundation
import Testing

@testable import ScenarioFiles

@Suite("ScenarioCheck text")
struct ScenarioCheckTextTests {
  @Test("the summary names the scenario, fund, correlation and every market")
  func text() throws {
    let text = ScenarioCheck(try ScenarioLoader.loadDefault()).text
    #expect(text.hasPrefix("Scenario 'default' (embedded default): OK\n"))
    #expect(text.contains("1440 steps of 60 s = 24 h"))
    #expect(text.contains("smallest eigenvalue 0.1708 (positive definite)"))
    #expect(text.contains("10M = "))
    #expect(text.contains("market-close"))
    #expect(text.contains("synthetic, 2000 positions per market (book seed 7): 16000 positions"))
    for symbol in ["BTC", "ETH", "SOL", "XRP", "DOGE", "LINK", "AVAX", "SUI"] {
      #expect(text.contains("\n\(symbol) "), "\(symbol)")
    }
    #expect(text.contains(" 90000 "))
    #expect(text.contains("400M"))
  }

  @Test("a repaired correlation and a takeover fund are described")
  func repairedAndTakeover() throws {
    let yaml =
      smallScenario.replacingFirst("- [1.0, 0.8]\n  - [0.8, 1.0]", with: "- [1.0, 1.0]\n  - [1.0, 1.0]")
      .replacingFirst("market-close", with: "takeover") + "correlation_repair: nearest\n"
    let text = ScenarioCheck(try Fixtures().load(yaml)).text
    #expect(text.contains("repaired to the nearest correlation matrix (given matrix: smallest eigenvalue"))
    #expect(text.contains("takeover, subsidy up to 25% of the fund per takeover"))
  }

  /// OKX's per-market funds on the default, split by open interest (docs/MODEL.md, "Fund
  /// scopes"): BTC's 400M long + 400M short of the 1 820M both sides hold gives it
  /// 10M × 800/1 820 = 4.396M, SUI's 30M gives 164.8k.
  @Test("scoped funds are listed with their balances")
  func scopedFunds() throws {
    let yaml = ScenarioLoader.defaultYAML(venue: .okx)
    let text = ScenarioCheck(
      try ScenarioLoader.load(yaml: yaml, source: "okx", baseDirectory: URL(fileURLWithPath: "/"))
    ).text
    #expect(text.contains("; 8 funds: BTC 4.4M, ETH 2.75M, SOL 1.1M, "))
    #expect(text.contains("SUI 165k (each its share of the threshold)"))
  }

  @Test("amounts use k/M/B suffixes and prices keep their digits")
  func formatting() {
    #expect(ScenarioCheck.amount(4.0e8) == "400M")
    #expect(ScenarioCheck.amount(2.5e6) == "2.5M")
    #expect(ScenarioCheck.amount(6.0e5) == "600k")
    #expect(ScenarioCheck.amount(1.2e9) == "1.2B")
    #expect(ScenarioCheck.price(90000) == "90000")
    #expect(ScenarioCheck.price(0.18) == "0.18")
    #expect(ScenarioCheck.percent(0.025) == "2.5%")
  }
}
