import PricePaths

@testable import FundSimulation

/// Builds a simulator over a fixed price path (a replay), one row per step.
func makeSimulator(
  symbols: [String] = ["BTC"], prices: [[Double]], positions: [Position], rules: [MarketRules],
  fund: FundRules, adl: ADLPolicy = ADLPolicy(), cascadeRoundCap: Int = 100
) throws -> FundSimulator {
  let markets = symbols.enumerated().map { k, s in MarketModel(symbol: s, price: prices[0][k], volatility: 0) }
  let replay = try ReplayPrices(symbols: symbols, rows: prices)
  let model = try PathModel(
    markets: markets, correlation: nil, horizon: Horizon(steps: prices.count - 1, stepSeconds: 60), replay: replay)
  let exchange = try ExchangeModel(
    rules: rules, positions: positions, fund: fund, adl: adl, cascadeRoundCap: cascadeRoundCap,
    initialPrices: prices[0])
  return FundSimulator(
    generator: PathGenerator(model: model, seed: 1), exchange: exchange,
    checkpoints: CheckpointSchedule(horizonSteps: prices.count - 1, every: 1))
}

/// No price impact, maintenance margin `m`.
func noImpact(_ m: Double = 0.0125) -> MarketRules { .withoutImpact(maintenanceMargin: m) }

func long(_ size: Double, at entry: Double, margin: Double, account: String = "L", market: Int = 0) -> Position {
  Position(account: account, market: market, side: .long, size: size, entryPrice: entry, margin: margin)
}

func short(_ size: Double, at entry: Double, margin: Double, account: String = "S", market: Int = 0) -> Position {
  Position(account: account, market: market, side: .short, size: size, entryPrice: entry, margin: margin)
}

/// Money in = money out on a path: traders' loss equals the fund's change, the vault's
/// inflow and the ADL counterparties' gain.
func conservationGap(_ o: PathOutcome, initialFund: Double) -> Double {
  o.traderLoss - ((o.finalFund - initialFund) + o.vaultInflow + o.adlCounterpartyGain + o.backstopPnL)
}

func close(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
  abs(a - b) <= relative * max(1, abs(a), abs(b))
}

/// A violent two-market day for the whole-machinery tests: BTC and ETH at 400% and 500%
/// annual volatility, Student-t (ν = 4) with correlation 0.8, crash jumps 30 times a day,
/// 120 one-minute steps; books with impact (ETH half BTC's `depth`), resilience 0.3 and a
/// permanent share of 0.6, and 150 random positions per market.
struct ViolentDay {
  let markets = [
    MarketModel(symbol: "BTC", price: 90_000, volatility: 4, returns: .jumps(beta: 1, dof: 4)),
    MarketModel(symbol: "ETH", price: 3_000, volatility: 5, returns: .jumps(beta: 1.3, dof: 4)),
  ]
  let model: PathModel
  let rules: [MarketRules]
  let initialPrices = [90_000.0, 3_000.0]

  init(depth: Double = 2e6) throws {
    model = try PathModel(
      markets: markets, correlation: [[1, 0.8], [0.8, 1]], horizon: Horizon(steps: 120, stepSeconds: 60),
      jumps: JumpFactor(intensityPerDay: 30, mean: -0.05, stdev: 0.03))
    rules = [
      MarketRules(maintenanceMargin: 0.01, depth: depth, resilience: 0.3, permanentImpact: 0.6, maxLeverage: 50),
      MarketRules(maintenanceMargin: 0.02, depth: depth / 2, resilience: 0.3, permanentImpact: 0.6, maxLeverage: 25),
    ]
  }

  /// A random book drawn from `seed`.
  func book(seed: UInt64) throws -> [Position] {
    var rng = RandomStreams(seed: seed).generator(path: 0, purpose: .book)
    return try SyntheticBook(positionsPerMarket: 150, openInterest: ["BTC": 2e7, "ETH": 1e7])
      .draw(markets: markets, rules: rules, using: &rng)
  }
}
