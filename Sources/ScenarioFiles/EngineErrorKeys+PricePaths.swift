import Foundation
import PricePaths

/// The price-path model's typed errors (PricePaths) at their scenario keys, with the
/// problem and the fix a user of the file format reads.
extension EngineErrorKeys {
  static func keyed(_ error: MarketModelError) -> ModelInputError {
    let market = "markets[\(error.market)]"
    switch error {
    case .symbol(_, let symbol):
      return ModelInputError(
        key: "\(market).symbol", problem: "is '\(symbol)'",
        fix: "use letters, digits, '-', '_' or '.' (it becomes a CSV column name)")
    case .reservedSymbol(_, let symbol):
      return ModelInputError(
        key: "\(market).symbol", problem: "is '\(symbol)', the name of a column of the price files",
        fix: "rename the market: price files (replay, `fundstress paths`) already have 'path' and 'step' columns")
    case .price(_, let price):
      return ModelInputError(
        key: "\(market).price", problem: "is \(price)", fix: "give a positive price of at most 1.0e18")
    case .volatility(_, let volatility):
      return ModelInputError(
        key: "\(market).volatility", problem: "is \(volatility)",
        fix: "give an annualised volatility as a fraction, e.g. 0.55 for 55%")
    case .drift(_, let drift):
      return ModelInputError(
        key: "\(market).drift", problem: "is \(drift)", fix: "give an annualised drift as a fraction, e.g. 0.0")
    case .degreesOfFreedom(_, let dof):
      return ModelInputError(
        key: "\(market).returns.dof", problem: "is \(dof)",
        fix: "Student-t needs more than 2 degrees of freedom for a finite variance, e.g. 4")
    case .garch(_, let error):
      return keyed(error, returns: "\(market).returns")
    case .crashLoading(_, let beta):
      return ModelInputError(
        key: "\(market).returns.beta", problem: "is \(beta)",
        fix: "give the market's loading on the crash factor, e.g. 1.0")
    }
  }

  /// A GARCH error at the keys of the `returns` block `returns`.
  static func keyed(_ error: GARCHError, returns: String) -> ModelInputError {
    switch error {
    case .omega(let omega):
      return ModelInputError(
        key: "\(returns).omega", problem: "is \(omega)",
        fix: "give ω as an annualised variance, more than 0, e.g. 0.01 (`fundstress calibrate` fits it)")
    case .alpha(let alpha):
      return ModelInputError(key: "\(returns).alpha", problem: "is \(alpha)", fix: "give α between 0 and 1, e.g. 0.05")
    case .beta(let beta):
      return ModelInputError(key: "\(returns).beta", problem: "is \(beta)", fix: "give β between 0 and 1, e.g. 0.9")
    case .persistence(let persistence):
      return ModelInputError(
        key: "\(returns).beta", problem: "makes α + β = \(persistence), not below 1 (the variance would explode)",
        fix: "give α + β < 1, e.g. α = 0.05, β = 0.9")
    }
  }

  static func keyed(_ error: PathModelError) -> ModelInputError {
    switch error {
    case .noMarkets:
      return ModelInputError(key: "markets", problem: "is empty", fix: "list at least one market")
    case .repeatedSymbol(let k, let symbol, let first):
      return ModelInputError(
        key: "markets[\(k)].symbol", problem: "'\(symbol)' repeats markets[\(first)]",
        fix: "give each market a unique symbol")
    case .degreesOfFreedomDiffer(let dofs):
      return ModelInputError(
        key: "markets.returns.dof", problem: "differs across markets (\(dofs))",
        fix: "Student-t markets share one mixing variable per step, so give them one dof")
    case .crashFactorMissing:
      return ModelInputError(
        key: "jumps", problem: "is missing but a market uses the jumps model",
        fix: "add a `jumps: {intensity: 0.5, mean: -0.05, stdev: 0.03}` block")
    case .historicalWithReplay:
      return ModelInputError(
        key: "historical", problem: "is given with a replay",
        fix: "a replay fixes the path; remove one of `replay` and `historical`")
    case .historicalReturnModel(let k, let returns):
      return ModelInputError(
        key: "markets[\(k)].returns", problem: "is \(returns.name), which historical simulation cannot rescale",
        fix: "use `gbm` or `garch` (the tails come from the history's residuals)")
    case .historicalMarkets(let history, let markets):
      return ModelInputError(
        key: "historical.prices", problem: "has \(history) markets, the scenario \(markets)",
        fix: "give one price column per market of the scenario")
    case .replayColumnUnknown(let j, let symbol, let markets):
      return ModelInputError(
        key: replayColumn(j, symbol), problem: "is not a market of the scenario",
        fix: "use the scenario's symbols (\(markets.joined(separator: ", "))) or remove the column")
    case .replayColumnMissing(let symbol):
      return ModelInputError(
        key: "replay", problem: "has no column for market '\(symbol)'",
        fix: "add a '\(symbol)' column or remove the market")
    }
  }

  /// The replay file's price column `j` (counted from 0), as the file counts it: from 1,
  /// with `step` first.
  static func replayColumn(_ j: Int, _ symbol: String) -> String { "replay column \(j + 2) '\(symbol)'" }

  static func keyed(_ error: CorrelationError) -> ModelInputError {
    switch error {
    case .rowCount(let rows, let markets):
      return ModelInputError(
        key: "correlation", problem: "has \(rows) rows but the scenario has \(markets) markets",
        fix: "give one row per market, in the order of `markets`")
    case .rowLength(let i, let entries, let markets):
      return ModelInputError(
        key: "correlation[\(i)]", problem: "has \(entries) entries, expected \(markets)",
        fix: "give one entry per market")
    case .entry(let i, let j, let value):
      return ModelInputError(
        key: "correlation[\(i)][\(j)]", problem: "is \(value), outside [-1, 1]",
        fix: "correlations are finite numbers between -1 and 1")
    case .diagonal(let i, let value):
      return ModelInputError(
        key: "correlation[\(i)][\(i)]", problem: "is \(value), not 1", fix: "the diagonal of a correlation matrix is 1")
    case .asymmetric(let i, let j, let value, let transposed):
      return ModelInputError(
        key: "correlation[\(i)][\(j)]", problem: "is \(value) but correlation[\(j)][\(i)] is \(transposed)",
        fix: "the matrix must be symmetric")
    case .notPositiveDefinite(let smallest):
      return ModelInputError(
        key: "correlation",
        problem: "is not positive definite (smallest eigenvalue \(String(format: "%.6g", smallest)))",
        fix: "correct the entries or add `correlation_repair: nearest` to use the nearest correlation matrix")
    }
  }

  static func keyed(_ error: HorizonError) -> ModelInputError {
    switch error {
    case .steps(let n):
      return ModelInputError(
        key: "horizon.steps", problem: "is \(n)", fix: "give a whole number of steps between 1 and 10000000")
    case .stepSeconds(let s):
      return ModelInputError(
        key: "horizon.step_seconds", problem: "is \(s)",
        fix: "give a step length between 0.001 and 31536000 seconds (one year), e.g. 60")
    }
  }

  static func keyed(_ error: JumpFactorError) -> ModelInputError {
    switch error {
    case .intensity(let x):
      return ModelInputError(
        key: "jumps.intensity", problem: "is \(x)", fix: "give the expected number of crash jumps per day, 0 or more")
    case .mean(let x):
      return ModelInputError(
        key: "jumps.mean", problem: "is \(x)", fix: "give the mean log-size of a jump, e.g. -0.05 for a 5% crash")
    case .stdev(let x):
      return ModelInputError(
        key: "jumps.stdev", problem: "is \(x)", fix: "give a non-negative standard deviation of the jump log-size")
    case .moreThanOnePerStep(let x, let stepSeconds):
      // Whole numbers without a decimal point: "1440 crash jumps", "60-second step".
      let most = QuotedLimit.roundedDown(86_400 / stepSeconds, significantDigits: 6)
      return ModelInputError(
        key: "jumps.intensity", problem: "is \(x.plainText) per day, more than one jump per step",
        fix: "give at most \(most.plainText) crash jumps per day (one per \(stepSeconds.plainText)-second step)")
    }
  }

  static func keyed(_ error: HistoricalShocksError) -> ModelInputError {
    let coversFix = "give a date range inside the history that leaves other rows outside it"
    switch error {
    case .tooFewRows(let n):
      return ModelInputError(
        key: "historical.prices", problem: "gives \(n) residual rows",
        fix: "give a price history with at least three consecutive rows")
    case .row(let k):
      return ModelInputError(
        key: "historical.prices", problem: "row \(k) of the residuals is ragged or not finite",
        fix: "check the price history")
    case .stressedWeight(let w):
      return ModelInputError(
        key: "historical.stressed.weight", problem: "is \(w)",
        fix: "give the probability of drawing a stressed row, between 0 and 1, e.g. 0.25")
    case .stressedCoversNoRow:
      return ModelInputError(key: "historical.stressed", problem: "covers none of the history's rows", fix: coversFix)
    case .stressedCoversEveryRow:
      return ModelInputError(key: "historical.stressed", problem: "covers all of the history's rows", fix: coversFix)
    }
  }

  static func keyed(_ error: ReplayError) -> ModelInputError {
    switch error {
    case .noColumns:
      return ModelInputError(
        key: "replay", problem: "has no price columns", fix: "give a header `step,<symbol>,<symbol>,…`")
    case .repeatedColumn(let j, let symbol, let first):
      return ModelInputError(
        key: replayColumn(j, symbol), problem: "repeats column \(first + 2)", fix: "give each symbol one column")
    case .tooFewRows(let n):
      return ModelInputError(
        key: "replay", problem: "has \(n) price rows",
        fix: "give step 0 (the initial prices) and at least one more step")
    case .rowWidth(let step, let prices, let columns):
      return ModelInputError(
        key: "replay[step \(step)]", problem: "has \(prices) prices for \(columns) symbols",
        fix: "give one price per symbol column")
    case .price(let step, let symbol, let price):
      return ModelInputError(
        key: "replay[step \(step)].\(symbol)", problem: "is \(price)", fix: "prices must be positive and finite")
    }
  }
}
