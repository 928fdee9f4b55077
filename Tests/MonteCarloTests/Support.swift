import Foundation
import ScenarioFiles

/// A tiny, violent scenario for the library tests: three correlated markets with crash
/// jumps, 40 positions per market, 100 one-minute steps. With the 300k fund about a third
/// of the paths deplete it, so depletion counts and ADL are exercised on a few hundred
/// paths in a debug build.
enum TinyScenario {
  static let yaml = """
    name: tiny
    seed: 3
    horizon: {steps: 100, step_seconds: 60}
    markets:
      - {symbol: BTC, price: 90000, volatility: 2.5, returns: {model: jumps, dof: 3, beta: 1.0},
         maintenance_margin: 0.01, depth: 2.0e6, max_leverage: 50}
      - {symbol: ETH, price: 3000, volatility: 3.0, returns: {model: jumps, beta: 1.3},
         maintenance_margin: 0.01, depth: 1.0e6, max_leverage: 50}
      - {symbol: SOL, price: 150, volatility: 3.5, returns: {model: jumps, beta: 1.5},
         maintenance_margin: 0.025, depth: 5.0e5, max_leverage: 20}
    jumps: {intensity: 10, mean: -0.06, stdev: 0.03}
    correlation:
      - [1.0, 0.8, 0.7]
      - [0.8, 1.0, 0.7]
      - [0.7, 0.7, 1.0]
    book:
      synthetic:
        positions_per_market: 40
        open_interest: {BTC: 2.0e7, ETH: 1.0e7, SOL: 5.0e6}
        leverage: {min: 10, max: 50}
    fund:
      balance: 300000
      waterfall: market-close
    adl:
      ranking: pnl-leverage

    """

  /// The scenario, with `replacements` (`old → new`) applied to its YAML first.
  static func scenario(_ replacements: [(String, String)] = []) throws -> Scenario {
    var text = yaml
    for (old, new) in replacements {
      precondition(text.contains(old), "the tiny scenario does not contain \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    return try ScenarioLoader.load(yaml: text, source: "tiny.yaml", baseDirectory: URL(fileURLWithPath: "/"))
  }
}
