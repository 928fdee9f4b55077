import Foundation
import Testing
@testable import ScenarioFiles

@Test func zzScratchPrint() throws {
  let f = try Fixtures()
  let cases: [String] = [
    smallScenario.replacingFirst("volatility: 0.55", with: "volatilty: 0.55"),
    smallScenario.replacingFirst("price: 3000", with: "price: abc"),
    smallScenario.replacingFirst("volatility: 0.7", with: "volatility: -0.7"),
    smallScenario.replacingFirst("dof: 4}\n    maintenance_margin: 0.01\n    depth: .inf", with: "dof: 2}\n    maintenance_margin: 0.01\n    depth: .inf"),
    smallScenario.replacingFirst("model: student-t, dof: 4}", with: "model: garch}"),
    smallScenario.replacingFirst("  balance: 2.0e7\n", with: "  balance: 2.0e7\n bad: [\n"),
    smallScenario.replacingFirst("waterfall: market-close", with: "waterfall: market_close"),
    smallScenario.replacingFirst("    maintenance_margin: 0.01\n    depth: .inf", with: "    depth: .inf"),
    smallScenario.replacingFirst("depth: 3.0e7", with: "depth: \"3.0e7\""),
    smallScenario.replacingFirst("volatility: 0.55", with: "volatility: 55%"),
    smallScenario.replacingFirst("seed: 3", with: "seed: -3"),
    smallScenario.replacingFirst("{BTC: 4.0e8, ETH: 2.5e8}", with: "{BTC: 4.0e8, ETX: 2.5e8}"),
    smallScenario.replacingFirst("{BTC: 4.0e8, ETH: 2.5e8}", with: "{BTC: 4.0e8}"),
    smallScenario + "seed: 4\n",
    smallScenario.replacingFirst("depth: 3.0e7", with: "depth: 3.0e7\n    depht: 4"),
    smallScenario.replacingFirst("  balance: 2.0e7\n", with: ""),
    smallScenario.replacingFirst("model: student-t, dof: 4}", with: "model: jumps, beta: 1.2}"),
    smallScenario.replacingFirst("max_leverage: 50", with: "max_leverage: 50\n    maintenance_margin: 0.5"),
    "",
    "- a\n- b\n",
    smallScenario.replacingFirst("fund:", with: "fund: 5\nx:"),
  ]
  for yaml in cases {
    do { _ = try f.load(yaml); print("NO ERROR") } catch { print("ERR:", error) }
  }
  print(try ScenarioCheck(f.load(smallScenario)).text)
}
