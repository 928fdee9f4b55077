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
  o.traderLoss - ((o.finalFund - initialFund) + o.vaultInflow + o.adlCounterpartyGain)
}

func close(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
  abs(a - b) <= relative * max(1, abs(a), abs(b))
}
