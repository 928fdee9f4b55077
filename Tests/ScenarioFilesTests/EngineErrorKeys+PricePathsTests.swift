import PricePaths
import Testing

@testable import ScenarioFiles

/// Every typed error of the price-path model maps to a scenario key with the text the
/// scenario reader printed when PricePaths named the keys itself.
@Suite("EngineErrorKeys+PricePaths")
struct EngineErrorKeysPricePathsTests {
  // One instance of every case, each with the keyed text `key: problem; fix` that the
  // scenario reader printed at 76e796a (PricePaths' own ModelInputError texts then). The
  // exhaustive switches in `ordinal` stop the build when a case is added; the ordinal checks
  // in `listsEveryCase` then ask for it here.
  static let marketModelErrors: [(MarketModelError, String)] = [
    (
      .symbol(market: 1, symbol: "E TH"),
      "markets[1].symbol: is 'E TH'; use letters, digits, '-', '_' or '.' (it becomes a CSV column name)"
    ),
    (
      .reservedSymbol(market: 1, symbol: "Step"),
      "markets[1].symbol: is 'Step', the name of a column of the price files; rename the market: price files "
        + "(replay, `fundstress paths`) already have 'path' and 'step' columns"
    ),
    (.price(market: 1, price: 2e18), "markets[1].price: is 2e+18; give a positive price of at most 1.0e18"),
    (
      .volatility(market: 1, volatility: -0.7),
      "markets[1].volatility: is -0.7; give an annualised volatility as a fraction, e.g. 0.55 for 55%"
    ),
    (.drift(market: 0, drift: 200), "markets[0].drift: is 200.0; give an annualised drift as a fraction, e.g. 0.0"),
    (
      .degreesOfFreedom(market: 1, dof: 2),
      "markets[1].returns.dof: is 2.0; Student-t needs more than 2 degrees of freedom for a finite variance, e.g. 4"
    ),
    (
      .garch(market: 1, .omega(3000)),
      "markets[1].returns.omega: is 3000.0; give ω as an annualised variance, more than 0, e.g. 0.01 "
        + "(`fundstress calibrate` fits it)"
    ),
    (
      .crashLoading(market: 1, beta: 30),
      "markets[1].returns.beta: is 30.0; give the market's loading on the crash factor, e.g. 1.0"
    ),
  ]
  static let garchErrors: [(GARCHError, String)] = [
    (
      .omega(0),
      "markets[1].returns.omega: is 0.0; give ω as an annualised variance, more than 0, e.g. 0.01 "
        + "(`fundstress calibrate` fits it)"
    ),
    (.alpha(1.5), "markets[1].returns.alpha: is 1.5; give α between 0 and 1, e.g. 0.05"),
    (.beta(-0.8), "markets[1].returns.beta: is -0.8; give β between 0 and 1, e.g. 0.9"),
    (
      .persistence(1.1),
      "markets[1].returns.beta: makes α + β = 1.1, not below 1 (the variance would explode); "
        + "give α + β < 1, e.g. α = 0.05, β = 0.9"
    ),
  ]
  static let pathModelErrors: [(PathModelError, String)] = [
    (.noMarkets, "markets: is empty; list at least one market"),
    (
      .repeatedSymbol(market: 1, symbol: "BTC", firstMarket: 0),
      "markets[1].symbol: 'BTC' repeats markets[0]; give each market a unique symbol"
    ),
    (
      .degreesOfFreedomDiffer([4, 5]),
      "markets.returns.dof: differs across markets ([4.0, 5.0]); Student-t markets share one mixing variable per "
        + "step, so give them one dof"
    ),
    (
      .crashFactorMissing,
      "jumps: is missing but a market uses the jumps model; add a `jumps: {intensity: 0.5, mean: -0.05, stdev: 0.03}` "
        + "block"
    ),
    (
      .historicalWithReplay,
      "historical: is given with a replay; a replay fixes the path; remove one of `replay` and `historical`"
    ),
    (
      .historicalReturnModel(market: 1, returns: .studentT(dof: 4)),
      "markets[1].returns: is student-t, which historical simulation cannot rescale; use `gbm` or `garch` (the tails "
        + "come from the history's residuals)"
    ),
    (
      .historicalMarkets(history: 7, markets: 8),
      "historical.prices: has 7 markets, the scenario 8; give one price column per market of the scenario"
    ),
    (
      .replayColumnUnknown(column: 7, symbol: "NEW", markets: ["BTC", "ETH"]),
      "replay column 9 'NEW': is not a market of the scenario; use the scenario's symbols (BTC, ETH) or remove the column"
    ),
    (
      .replayColumnMissing(symbol: "SOL"),
      "replay: has no column for market 'SOL'; add a 'SOL' column or remove the market"
    ),
  ]
  static let correlationErrors: [(CorrelationError, String)] = [
    (
      .rowCount(rows: 7, markets: 8),
      "correlation: has 7 rows but the scenario has 8 markets; give one row per market, in the order of `markets`"
    ),
    (
      .rowLength(row: 1, entries: 7, markets: 8),
      "correlation[1]: has 7 entries, expected 8; give one entry per market"
    ),
    (
      .entry(row: 1, column: 2, value: 1.77),
      "correlation[1][2]: is 1.77, outside [-1, 1]; correlations are finite numbers between -1 and 1"
    ),
    (.diagonal(market: 1, value: 0.9), "correlation[1][1]: is 0.9, not 1; the diagonal of a correlation matrix is 1"),
    (
      .asymmetric(row: 1, column: 0, value: 0.81, transposed: 0.82),
      "correlation[1][0]: is 0.81 but correlation[0][1] is 0.82; the matrix must be symmetric"
    ),
    (
      .notPositiveDefinite(smallestEigenvalue: -0.946_170_4),
      "correlation: is not positive definite (smallest eigenvalue -0.94617); correct the entries or add "
        + "`correlation_repair: nearest` to use the nearest correlation matrix"
    ),
  ]
  static let horizonErrors: [(HorizonError, String)] = [
    (.steps(0), "horizon.steps: is 0; give a whole number of steps between 1 and 10000000"),
    (
      .stepSeconds(1e9),
      "horizon.step_seconds: is 1000000000.0; give a step length between 0.001 and 31536000 seconds (one year), e.g. 60"
    ),
  ]
  static let jumpFactorErrors: [(JumpFactorError, String)] = [
    (.intensity(-1), "jumps.intensity: is -1.0; give the expected number of crash jumps per day, 0 or more"),
    (.mean(-8), "jumps.mean: is -8.0; give the mean log-size of a jump, e.g. -0.05 for a 5% crash"),
    (.stdev(-0.04), "jumps.stdev: is -0.04; give a non-negative standard deviation of the jump log-size"),
    (
      .moreThanOnePerStep(intensityPerDay: 1e9, stepSeconds: 60),
      "jumps.intensity: is 1000000000 per day, more than one jump per step; give at most 1440 crash jumps per day "
        + "(one per 60-second step)"
    ),
  ]
  static let historicalShocksErrors: [(HistoricalShocksError, String)] = [
    (
      .tooFewRows(1),
      "historical.prices: gives 1 residual rows; give a price history with at least three consecutive rows"
    ),
    (
      .row(0),
      "historical.prices: row 0 of the residuals is ragged or not finite; check the price history"
    ),
    (
      .stressedWeight(1.5),
      "historical.stressed.weight: is 1.5; give the probability of drawing a stressed row, between 0 and 1, e.g. 0.25"
    ),
    (
      .stressedCoversNoRow,
      "historical.stressed: covers none of the history's rows; give a date range inside the history that leaves other "
        + "rows outside it"
    ),
    (
      .stressedCoversEveryRow,
      "historical.stressed: covers all of the history's rows; give a date range inside the history that leaves other "
        + "rows outside it"
    ),
  ]
  static let replayErrors: [(ReplayError, String)] = [
    (.noColumns, "replay: has no price columns; give a header `step,<symbol>,<symbol>,…`"),
    (
      .repeatedColumn(column: 4, symbol: "BTC", firstColumn: 0),
      "replay column 6 'BTC': repeats column 2; give each symbol one column"
    ),
    (.tooFewRows(1), "replay: has 1 price rows; give step 0 (the initial prices) and at least one more step"),
    (
      .rowWidth(step: 1, prices: 1, columns: 2),
      "replay[step 1]: has 1 prices for 2 symbols; give one price per symbol column"
    ),
    (
      .price(step: 2, symbol: "ETH", price: -5),
      "replay[step 2].ETH: is -5.0; prices must be positive and finite"
    ),
  ]

  static func ordinal(_ error: MarketModelError) -> Int {
    switch error {
    case .symbol: 0
    case .reservedSymbol: 1
    case .price: 2
    case .volatility: 3
    case .drift: 4
    case .degreesOfFreedom: 5
    case .garch: 6
    case .crashLoading: 7
    }
  }

  static func ordinal(_ error: GARCHError) -> Int {
    switch error {
    case .omega: 0
    case .alpha: 1
    case .beta: 2
    case .persistence: 3
    }
  }

  static func ordinal(_ error: PathModelError) -> Int {
    switch error {
    case .noMarkets: 0
    case .repeatedSymbol: 1
    case .degreesOfFreedomDiffer: 2
    case .crashFactorMissing: 3
    case .historicalWithReplay: 4
    case .historicalReturnModel: 5
    case .historicalMarkets: 6
    case .replayColumnUnknown: 7
    case .replayColumnMissing: 8
    }
  }

  static func ordinal(_ error: CorrelationError) -> Int {
    switch error {
    case .rowCount: 0
    case .rowLength: 1
    case .entry: 2
    case .diagonal: 3
    case .asymmetric: 4
    case .notPositiveDefinite: 5
    }
  }

  static func ordinal(_ error: HorizonError) -> Int {
    switch error {
    case .steps: 0
    case .stepSeconds: 1
    }
  }

  static func ordinal(_ error: JumpFactorError) -> Int {
    switch error {
    case .intensity: 0
    case .mean: 1
    case .stdev: 2
    case .moreThanOnePerStep: 3
    }
  }

  static func ordinal(_ error: HistoricalShocksError) -> Int {
    switch error {
    case .tooFewRows: 0
    case .row: 1
    case .stressedWeight: 2
    case .stressedCoversNoRow: 3
    case .stressedCoversEveryRow: 4
    }
  }

  static func ordinal(_ error: ReplayError) -> Int {
    switch error {
    case .noColumns: 0
    case .repeatedColumn: 1
    case .tooFewRows: 2
    case .rowWidth: 3
    case .price: 4
    }
  }

  /// The GARCH errors as the market's, at market 1.
  static var marketGARCHErrors: [(MarketModelError, String)] {
    garchErrors.map { (.garch(market: 1, $0.0), $0.1) }
  }

  /// Every error of the lists with its keyed text, as `any Error`.
  static var allErrors: [(any Error & CustomStringConvertible, String)] {
    marketModelErrors.map { ($0.0, $0.1) } + marketGARCHErrors.map { ($0.0, $0.1) }
      + pathModelErrors.map { ($0.0, $0.1) } + correlationErrors.map { ($0.0, $0.1) }
      + horizonErrors.map { ($0.0, $0.1) } + jumpFactorErrors.map { ($0.0, $0.1) }
      + historicalShocksErrors.map { ($0.0, $0.1) } + replayErrors.map { ($0.0, $0.1) }
  }

  @Test func listsEveryCase() {
    #expect(Set(Self.marketModelErrors.map { Self.ordinal($0.0) }) == Set(0..<8))
    #expect(Set(Self.garchErrors.map { Self.ordinal($0.0) }) == Set(0..<4))
    #expect(Set(Self.pathModelErrors.map { Self.ordinal($0.0) }) == Set(0..<9))
    #expect(Set(Self.correlationErrors.map { Self.ordinal($0.0) }) == Set(0..<6))
    #expect(Set(Self.horizonErrors.map { Self.ordinal($0.0) }) == Set(0..<2))
    #expect(Set(Self.jumpFactorErrors.map { Self.ordinal($0.0) }) == Set(0..<4))
    #expect(Set(Self.historicalShocksErrors.map { Self.ordinal($0.0) }) == Set(0..<5))
    #expect(Set(Self.replayErrors.map { Self.ordinal($0.0) }) == Set(0..<5))
  }

  @Test("every case keeps the key, problem and fix the scenario reader printed")
  func keyedTextIsUnchanged() throws {
    for (error, expected) in Self.allErrors {
      let keyed = try #require(EngineErrorKeys.keyed(error), "\(error) has no key")
      #expect(keyed.description == expected)
    }
  }

  /// The largest intensity the fix quotes is 86 400 s / step, rounded down to six
  /// significant digits so that it is itself accepted (PathModelTests checks that it is).
  @Test("the crash-jump limit is quoted per step: 1440 a day at minutes, 24 at hours, 0.00273972 at years")
  func jumpLimitIsQuotedPerStep() {
    let keyed = { (x: Double, s: Double) in
      EngineErrorKeys.keyed(JumpFactorError.moreThanOnePerStep(intensityPerDay: x, stepSeconds: s))
    }
    #expect(keyed(1_440.5, 60).problem == "is 1440.5 per day, more than one jump per step")
    #expect(keyed(25, 3_600).fix == "give at most 24 crash jumps per day (one per 3600-second step)")
    #expect(keyed(1, 31_536_000).fix == "give at most 0.00273972 crash jumps per day (one per 31536000-second step)")
    #expect(keyed(3_000, 37.5).fix == "give at most 2304 crash jumps per day (one per 37.5-second step)")
  }

  @Test("a replay error keeps the file's column numbers: from 1, with step first")
  func replayColumnsCountFromTheFile() {
    #expect(
      EngineErrorKeys.keyed(PathModelError.replayColumnUnknown(column: 0, symbol: "X", markets: [])).key
        == "replay column 2 'X'")
    #expect(
      EngineErrorKeys.keyed(ReplayError.repeatedColumn(column: 2, symbol: "X", firstColumn: 1)).problem
        == "repeats column 3")
  }
}
