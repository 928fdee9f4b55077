import PricePaths
import RealModule
import Testing

@testable import FundSimulation

/// Statistical agreement with a closed form: one long under `gbm` without impact is
/// liquidated within the horizon exactly when the price's running minimum reaches Pl.
@Suite struct FirstPassageTests {
  /// P(min_{t≤T} X_t ≤ b) for X_t = νt + σW_t, b < 0 (reflection principle, e.g. Shreve,
  /// Stochastic Calculus for Finance II, §7.2): Φ((b − νT)/(σ√T)) + e^{2νb/σ²}·Φ((b + νT)/(σ√T)).
  static func continuousHitProbability(barrier b: Double, drift nu: Double, sigma: Double, time: Double) -> Double {
    let s = sigma * time.squareRoot()
    return phi((b - nu * time) / s) + Double.exp(2 * nu * b / (sigma * sigma)) * phi((b + nu * time) / s)
  }

  static func phi(_ x: Double) -> Double { 0.5 * Double.erfc(-x / 2.squareRoot()) }

  /// S0 = 100, σ = 100%/year, μ = 0, 240 one-minute steps; long 1 @ 100 with margin 2.98
  /// and m = 1%: Pb = 97.02, Pl = 98. Discrete monitoring is corrected by shifting the
  /// barrier away by 0.5826·σ√Δt (Broadie, Glasserman and Kou, Mathematical Finance 7(4),
  /// 1997). 20 000 paths: the tolerance is 4 binomial standard errors.
  @Test func liquidationProbabilityMatchesFirstPassage() throws {
    let sigma = 1.0
    let steps = 240
    let horizon = Horizon(steps: steps, stepSeconds: 60)
    let model = try PathModel(
      markets: [MarketModel(symbol: "X", price: 100, volatility: sigma)], correlation: nil, horizon: horizon)
    let exchange = try ExchangeModel(
      rules: [.withoutImpact(maintenanceMargin: 0.01)], positions: [long(1, at: 100, margin: 2.98)],
      fund: FundRules(balance: 1e6), initialPrices: [100])
    let sim = FundSimulator(
      generator: PathGenerator(model: model, seed: 2024), exchange: exchange,
      checkpoints: CheckpointSchedule(horizonSteps: steps, every: steps))
    let paths = 20_000
    let ws = sim.makeWorkspace()
    var hits = 0
    for p in 0..<paths where sim.simulate(path: p, workspace: ws).liquidations == 1 { hits += 1 }
    let observed = Double(hits) / Double(paths)

    let dt = horizon.stepYears
    let barrier = Double.log(98.0 / 100) - 0.5826 * sigma * dt.squareRoot()
    let expected = Self.continuousHitProbability(
      barrier: barrier, drift: -0.5 * sigma * sigma, sigma: sigma, time: Double(steps) * dt)
    let standardError = (expected * (1 - expected) / Double(paths)).squareRoot()
    #expect(abs(observed - expected) <= 4 * standardError, "observed \(observed), expected \(expected)")
    // Without the correction the continuous formula is visibly off (it should be: discrete
    // monitoring misses crossings between steps), which shows the test can tell.
    #expect(expected > 0.2 && expected < 0.5)
  }
}
