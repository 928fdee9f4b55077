import FundSimulation
import PricePaths

extension ScenarioRecord {
  /// The record of a loaded scenario: the input with its defaults, the horizon and
  /// correlation actually used, and the book summary.
  init(
    input: ScenarioInput, source: String, paths: PathModel, exchange: ExchangeModel, book: LoadedBook,
    checkpoints: CheckpointSchedule
  ) {
    let horizon = paths.horizon
    var givenEigenvalue: Double?
    if paths.correlationWasRepaired, let rows = input.correlation,
      let given = try? CorrelationMatrix(rows: rows, dimension: paths.marketCount)
    {
      givenEigenvalue = given.smallestEigenvalue
    }
    self.init(
      name: input.name,
      description: input.description,
      source: source,
      seed: input.seed,
      horizon: HorizonRecord(steps: horizon.steps, stepSeconds: horizon.stepSeconds, hours: horizon.hours),
      markets: zip(paths.markets, exchange.rules).map { MarketRecord(model: $0, rules: $1) },
      jumps: paths.jumps,
      correlation: CorrelationRecord(
        matrix: paths.correlation.rows, given: input.correlation != nil,
        repair: input.repairCorrelation ? "nearest" : "none", repaired: paths.correlationWasRepaired,
        smallestEigenvalue: paths.correlation.smallestEigenvalue, givenSmallestEigenvalue: givenEigenvalue),
      replay: input.replay.map { ReplayRecord(file: $0.display, steps: horizon.steps) },
      book: BookRecord(
        kind: book.kind, file: book.file, synthetic: book.synthetic, seed: book.seed,
        positions: exchange.positions.count,
        markets: Self.bookSummary(exchange.positions, markets: paths.markets)),
      fund: exchange.fund,
      adl: ADLRecord(
        ranking: exchange.adl.ranking, drawdownTrigger: exchange.adl.drawdownTrigger,
        drawdownWindowHours: input.adl.drawdownWindowHours, drawdownWindowSteps: exchange.adl.drawdownWindowSteps,
        closePrice: exchange.adl.closePrice, randomWalkAccounts: exchange.adl.randomWalkAccounts),
      simulation: SimulationRecord(
        cascadeRoundCap: exchange.cascadeRoundCap, checkpoints: input.checkpointTarget,
        checkpointSteps: checkpoints.steps))
    venue = input.venue?.rawValue
    if let historical = input.historical, let shocks = paths.historical {
      self.historical = HistoricalRecord(
        prices: historical.prices.display, rows: shocks.rows, stressedRows: shocks.stressedRows.count,
        stressedWeight: shocks.stressedWeight)
    }
  }

  /// Position counts and open interest (Σ size × initial price) per market and side.
  ///
  /// - Complexity: O(positions).
  static func bookSummary(_ positions: [Position], markets: [MarketModel]) -> [BookMarketRecord] {
    var summary = markets.map {
      BookMarketRecord(
        symbol: $0.symbol, longPositions: 0, shortPositions: 0, longOpenInterest: 0, shortOpenInterest: 0)
    }
    for position in positions {
      let notional = position.size * markets[position.market].price
      if position.side == .long {
        summary[position.market].longPositions += 1
        summary[position.market].longOpenInterest += notional
      } else {
        summary[position.market].shortPositions += 1
        summary[position.market].shortOpenInterest += notional
      }
    }
    return summary
  }
}
