import Foundation
import FundSimulation
import PricePaths
import ScenarioFiles

/// Scenarios shared by the FundSimulationBenchmarks suite: the embedded default, one-step
/// crashes through the default book (a replay), and calm books that are almost never
/// liquidated (the scaling sweeps' shape, `scripts/scaling.py`).
public enum ScenarioFixtures {
  /// The embedded default: 8 markets, Student-t + jumps, 8 × 2000 positions, 1440 steps.
  public static func defaultScenario() -> Scenario {
    try! ScenarioLoader.loadDefault()
  }

  /// The default scenario's book, rules and fund, but one step replaying a drop of every
  /// market by `drop` (0.10 = −10%): one cascade step. On this book −5% liquidates 13
  /// positions in 2 rounds, −10% 909 in 7 rounds, −20% 3135 with the fund depleted and
  /// 2393 ADL events.
  public static func crashStep(drop: Double) -> Scenario {
    let base = defaultScenario()
    // One shared folder (package-benchmark runs every benchmark in its own process); the
    // file is written atomically, so concurrent runs are safe.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fundstress-benchmark-fixtures")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = "crash-\(drop).csv"
    let prices = base.initialPrices
    let csv =
      "step," + base.symbols.joined(separator: ",") + "\n0,"
      + prices.map { "\($0)" }.joined(separator: ",") + "\n1,"
      + prices.map { "\($0 * (1 - drop))" }.joined(separator: ",") + "\n"
    try! csv.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
    let yaml = ScenarioLoader.defaultYAML
      .replacingOccurrences(of: "# replay: crash.csv", with: "replay: \(file)")
      .replacingOccurrences(
        of: "  steps: 1440                 # number of time steps: one day of minutes\n", with: "")
    return try! ScenarioLoader.load(yaml: yaml, source: "crash-\(drop)", baseDirectory: folder)
  }

  /// A calm exchange: `markets` gbm markets at 20% volatility with a one-factor correlation
  /// of 0.5, a synthetic book of `positionsPerMarket` positions per market at 1–2× leverage
  /// (liquidation needs a move of about −45%, far beyond a day at 20% vol), no crash
  /// factor. Nothing is liquidated, so a path costs generation plus the step loop.
  public static func calm(markets: Int, positionsPerMarket: Int, steps: Int) -> Scenario {
    try! ScenarioLoader.load(
      yaml: calmYAML(markets: markets, positionsPerMarket: positionsPerMarket, steps: steps), source: "calm",
      baseDirectory: URL(fileURLWithPath: "/"))
  }

  /// The YAML of ``calm(markets:positionsPerMarket:steps:)``.
  public static func calmYAML(markets: Int, positionsPerMarket: Int, steps: Int) -> String {
    var lines = [
      "name: calm-\(markets)x\(positionsPerMarket)", "seed: 7", "horizon: {steps: \(steps), step_seconds: 60}",
      "markets:",
    ]
    for k in 0..<markets {
      lines += [
        "  - symbol: M\(k)", "    price: \(100.0 * Double(k + 1))", "    volatility: 0.2",
        "    returns: {model: gbm}", "    maintenance_margin: 0.01", "    depth: 1.0e7", "    max_leverage: 50",
      ]
    }
    lines.append("correlation:")
    for i in 0..<markets {
      lines.append("  - [" + (0..<markets).map { $0 == i ? "1.0" : "0.5" }.joined(separator: ", ") + "]")
    }
    lines += [
      "book:", "  synthetic:", "    positions_per_market: \(positionsPerMarket)", "    open_interest:",
    ]
    for k in 0..<markets { lines.append("      M\(k): 1.0e7") }
    lines += [
      "    leverage: {min: 1, max: 2}", "fund:", "  balance: 1.0e7", "  waterfall: market-close",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// A simulator for a scenario, its path generator keyed by the scenario's seed.
  public static func simulator(_ scenario: Scenario) -> FundSimulator {
    FundSimulator(
      generator: PathGenerator(model: scenario.paths, seed: scenario.seed), exchange: scenario.exchange,
      checkpoints: scenario.checkpoints)
  }
}
