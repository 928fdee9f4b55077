import PricePaths

/// Models shared by the benchmark suites and PathThroughput.
public enum BenchmarkFixtures {
  /// The numpy peer's built-in universe (its `_common.py`; the peer is an external program, see
  /// docs/PERFORMANCE.md):
  /// BTC/ETH/SOL/DOGE at 60000/3000/150/0.15 with vols 0.60/0.75/1.00/1.20 and its
  /// correlation matrix; zero drift, gbm.
  public static let peerMarkets: [MarketModel] = [
    MarketModel(symbol: "BTC", price: 60_000, volatility: 0.60),
    MarketModel(symbol: "ETH", price: 3_000, volatility: 0.75),
    MarketModel(symbol: "SOL", price: 150, volatility: 1.00),
    MarketModel(symbol: "DOGE", price: 0.15, volatility: 1.20),
  ]

  public static let peerCorrelation: [[Double]] = [
    [1.00, 0.85, 0.75, 0.65],
    [0.85, 1.00, 0.78, 0.62],
    [0.75, 0.78, 1.00, 0.60],
    [0.65, 0.62, 0.60, 1.00],
  ]

  /// The peer's model: 4 gbm markets, `steps` one-minute steps (1440 = one day).
  public static func peerModel(steps: Int = 1440) -> PathModel {
    try! PathModel(
      markets: peerMarkets, correlation: peerCorrelation, horizon: Horizon(steps: steps, stepSeconds: 60))
  }

  /// Eight markets from BTC to small alts, Student-t (ν = 4) diffusion plus the common
  /// crash factor (λ = 2 per day, J ~ N(−5%, 3%²), betas 0.8…1.8), one-factor correlation
  /// 0.55…0.85: the heavy end of what the default scenario asks of the generator.
  public static func heavyModel(steps: Int = 1440) -> PathModel {
    let symbols = ["BTC", "ETH", "SOL", "BNB", "XRP", "DOGE", "AVAX", "LINK"]
    let prices = [60_000.0, 3_000, 150, 600, 0.6, 0.15, 35, 15]
    let markets = symbols.indices.map { i in
      MarketModel(
        symbol: symbols[i], price: prices[i], volatility: 0.55 + 0.1 * Double(i),
        returns: .jumps(beta: 0.8 + Double(i) / 7, dof: 4))
    }
    let loadings = symbols.indices.map { i in (0.85 - 0.3 * Double(i) / 7).squareRoot() }
    let correlation = symbols.indices.map { i in
      symbols.indices.map { j in i == j ? 1.0 : loadings[i] * loadings[j] }
    }
    return try! PathModel(
      markets: markets, correlation: correlation, horizon: Horizon(steps: steps, stepSeconds: 60),
      jumps: JumpFactor(intensityPerDay: 2, mean: -0.05, stdev: 0.03))
  }
}
