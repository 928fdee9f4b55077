import PricePaths
import Testing

@Suite("PathModel")
struct PathModelTests {
  static let horizon = Horizon(steps: 60, stepSeconds: 60)
  static let markets = PeerUniverse.markets
  static let jumps = JumpFactor(intensityPerDay: 0.5, mean: -0.05, stdev: 0.03)

  private func model(
    markets: [MarketModel] = PathModelTests.markets, correlation: [[Double]]? = nil,
    horizon: Horizon = PathModelTests.horizon, jumps: JumpFactor? = nil, replay: ReplayPrices? = nil,
    repair: Bool = false
  ) throws -> PathModel {
    try PathModel(
      markets: markets, correlation: correlation, horizon: horizon, jumps: jumps, replay: replay,
      repairCorrelation: repair)
  }

  // Expected keys: every error names the key of the first problem (PathModel.init's doc and
  // docs/REPORTS.md, "Bad input").
  @Test func unknownSymbolInReplayNamesTheColumn() throws {
    let replay = try ReplayPrices(
      symbols: ["BTC", "ETH", "XRP", "SOL", "DOGE"], rows: [[1, 1, 1, 1, 1], [2, 2, 2, 2, 2]])
    let error = modelInputError { _ = try model(replay: replay) }
    // Columns are counted from 1 with `step` first, so XRP, the third symbol, is column 4.
    #expect(error?.key == "replay column 4 'XRP'")
    #expect(error?.problem.contains("not a market") == true)
  }

  @Test func missingMarketColumnNamesTheMarket() throws {
    let replay = try ReplayPrices(symbols: ["BTC", "ETH", "SOL"], rows: [[1, 1, 1], [2, 2, 2]])
    let error = modelInputError { _ = try model(replay: replay) }
    #expect(error?.key == "replay")
    #expect(error?.problem.contains("'DOGE'") == true)
  }

  @Test func mixedDofNamesTheKey() {
    var markets = Self.markets
    markets[0].returns = .studentT(dof: 4)
    markets[2].returns = .jumps(beta: 1, dof: 5)
    let error = modelInputError { _ = try model(markets: markets, jumps: Self.jumps) }
    #expect(error?.key == "markets.returns.dof")
    #expect(error?.problem.contains("4") == true && error?.problem.contains("5") == true)
  }

  @Test func jumpsModelWithoutJumpsBlockNamesTheKey() {
    var markets = Self.markets
    markets[1].returns = .jumps(beta: 1.2, dof: nil)
    let error = modelInputError { _ = try model(markets: markets) }
    #expect(error?.key == "jumps")
  }

  // Expected: docs/MODEL.md, "Price paths", and docs/REPORTS.md, "Bad input" — the `jumps` model needs the `jumps` block. A market that
  // declares the jumps model with loading 0 is still a jumps-model market with no crash
  // factor defined, and should be refused the same way.
  @Test func jumpsModelWithZeroBetaWithoutJumpsBlockNamesTheKey() {
    var markets = Self.markets
    markets[1].returns = .jumps(beta: 0, dof: nil)
    #expect(throws: ModelInputError.self) { _ = try model(markets: markets) }
  }

  @Test func badJumpsBlockNamesItsKey() {
    var markets = Self.markets
    markets[1].returns = .jumps(beta: 1.2, dof: nil)
    let error = modelInputError {
      _ = try model(markets: markets, jumps: JumpFactor(intensityPerDay: -1, mean: -0.05, stdev: 0.03))
    }
    #expect(error?.key == "jumps.intensity")
  }

  /// One crash jump per step on average is the most the model takes: at one-minute steps
  /// that is 1 440 a day (86 400 s / 60 s), accepted; anything above is refused, naming
  /// the key and the limit (an intensity of 10⁹ would draw a billion jumps per path).
  @Test func jumpIntensityAboveOnePerStepNamesTheLimit() throws {
    var markets = Self.markets
    markets[1].returns = .jumps(beta: 1.2, dof: nil)
    _ = try model(markets: markets, jumps: JumpFactor(intensityPerDay: 1_440, mean: -0.05, stdev: 0.03))
    for intensity in [1_440.5, 1e9] {
      let error = modelInputError {
        _ = try model(markets: markets, jumps: JumpFactor(intensityPerDay: intensity, mean: -0.05, stdev: 0.03))
      }
      #expect(error?.key == "jumps.intensity")
      #expect(error?.fix.contains("at most 1440 crash jumps per day") == true)
    }
    // Hourly steps: at most 24 a day.
    let hourly = Horizon(steps: 24, stepSeconds: 3_600)
    let error = modelInputError {
      _ = try model(markets: markets, horizon: hourly, jumps: JumpFactor(intensityPerDay: 25, mean: -0.05, stdev: 0.03))
    }
    #expect(error?.fix.contains("at most 24 crash jumps per day (one per 3600-second step)") == true)
    // Yearly steps: 86 400 / 31 536 000 = 0.0027397260… a day, quoted to six significant
    // digits rounded down, so that the quoted value is itself accepted.
    let yearly = Horizon(steps: 2, stepSeconds: 31_536_000)
    let yearlyError = modelInputError {
      _ = try model(markets: markets, horizon: yearly, jumps: JumpFactor(intensityPerDay: 1, mean: -0.05, stdev: 0.03))
    }
    #expect(
      yearlyError?.fix.contains("at most 0.00273972 crash jumps per day") == true, "\(String(describing: yearlyError))")
    _ = try model(
      markets: markets, horizon: yearly, jumps: JumpFactor(intensityPerDay: 0.00273972, mean: -0.05, stdev: 0.03))
  }

  @Test(arguments: [-0.2, Double.nan, Double.infinity])
  func badVolatilityNamesTheMarket(volatility: Double) {
    var markets = Self.markets
    markets[1].volatility = volatility
    let error = modelInputError { _ = try model(markets: markets) }
    #expect(error?.key == "markets[1].volatility")
  }

  @Test(arguments: [-1.0, 0.0, Double.nan, Double.infinity])
  func badPriceNamesTheMarket(price: Double) {
    var markets = Self.markets
    markets[3].price = price
    let error = modelInputError { _ = try model(markets: markets) }
    #expect(error?.key == "markets[3].price")
  }

  @Test(arguments: [2.0, 1.0])
  func dofAtMostTwoNamesTheMarket(dof: Double) {
    var markets = Self.markets
    markets[0].returns = .studentT(dof: dof)
    let error = modelInputError { _ = try model(markets: markets) }
    #expect(error?.key == "markets[0].returns.dof")
  }

  @Test func emptyAndDuplicateMarketsAreRefused() {
    #expect(modelInputError { _ = try model(markets: []) }?.key == "markets")
    var markets = Self.markets
    markets[2].symbol = "BTC"
    let error = modelInputError { _ = try model(markets: markets) }
    #expect(error?.key == "markets[2].symbol")
  }

  @Test func correlationOfTheWrongSizeIsRefused() {
    let error = modelInputError { _ = try model(correlation: [[1, 0.5], [0.5, 1]]) }
    #expect(error?.key == "correlation")
  }

  @Test func badHorizonNamesTheKey() {
    let error = modelInputError { _ = try model(horizon: Horizon(steps: 0, stepSeconds: 60)) }
    #expect(error?.key == "horizon.steps")
  }

  // Expected: an indefinite matrix is refused with its smallest eigenvalue (−0.8, closed
  // form in CorrelationMatrixTests) unless repair is asked for; repaired, the model keeps
  // the nearest correlation matrix (closed form in NearestCorrelationTests) and says so.
  @Test func indefiniteCorrelationIsRefusedOrRepaired() throws {
    let markets = Array(Self.markets.prefix(3))
    let error = modelInputError { _ = try model(markets: markets, correlation: CorrelationMatrixTests.indefinite) }
    #expect(error?.key == "correlation")
    #expect(error?.problem.contains("-0.8") == true)

    let repaired = try model(markets: markets, correlation: CorrelationMatrixTests.indefinite, repair: true)
    #expect(repaired.correlationWasRepaired)
    #expect(abs(repaired.correlation[0, 1] - 0.5) <= 1e-6)
    #expect(repaired.correlation.smallestEigenvalue > 0)

    let untouched = try model(correlation: PeerUniverse.correlation, repair: true)
    #expect(!untouched.correlationWasRepaired)
    #expect(untouched.correlation.rows == PeerUniverse.correlation)
  }

  // Expected: with repair asked for, every matrix that Cholesky cannot factor is repaired.
  // The Gram matrix of three unit vectors of the plane, here the normalised (−4, 1), (1, −1)
  // and (4, −3), is a correlation matrix of rank 2: singular, so dpotrf refuses it. But
  // dsyevr returns its smallest eigenvalue as +2e-16 (rounding), so the
  // repair must be decided by whether Cholesky succeeds, not by that sign (deciding by the
  // sign once told the user to add the repair they had already asked for). Whether a singular
  // matrix hits this depends on rounding, and for some matrices on the OpenBLAS thread count
  // (e.g. [[1, .6, .8], [.6, 1, .96], [.8, .96, 1]]: +5.2e-17 on 2 threads, −9.7e-17 on 1);
  // this one gives +2e-16 on both.
  @Test func singularCorrelationIsRepairedWhenAsked() throws {
    let vectors: [(Double, Double)] = [(-4, 1), (1, -1), (4, -3)]
    let unit = vectors.map { v in
      let norm = (v.0 * v.0 + v.1 * v.1).squareRoot()
      return (v.0 / norm, v.1 / norm)
    }
    let rows = unit.map { a in unit.map { b in a == b ? 1.0 : a.0 * b.0 + a.1 * b.1 } }
    let matrix = try CorrelationMatrix(rows: rows, dimension: 3)
    #expect(matrix.smallestEigenvalue > 0)
    #expect(throws: ModelInputError.self) { _ = try matrix.choleskyFactor() }
    let m = try model(markets: Array(Self.markets.prefix(3)), correlation: rows, repair: true)
    #expect(m.correlationWasRepaired)
    // A singular matrix whose computed eigenvalue is ≤ 0 is repaired too.
    let ones = try model(markets: Array(Self.markets.prefix(2)), correlation: [[1, 1], [1, 1]], repair: true)
    #expect(ones.correlationWasRepaired)
    #expect(ones.correlation.smallestEigenvalue > 0)
  }

  // Expected: no correlation means independent markets (identity), Cholesky factor = I.
  @Test func missingCorrelationIsTheIdentity() throws {
    let m = try model()
    #expect(m.correlation == .identity(dimension: 4))
    #expect(m.choleskyFactor == CorrelationMatrix.identity(dimension: 4).entries)
    #expect(m.marketCount == 4)
    #expect(m.symbols == ["BTC", "ETH", "SOL", "DOGE"])
    #expect(m.horizon == Self.horizon)
    #expect(m.replay == nil)
  }

  // Expected: docs/MODEL.md, "Price paths", the horizon of a replay is the file's length, and its columns are
  // matched to the markets by symbol, whatever their order in the file.
  @Test func replaySetsTheHorizonAndReordersColumns() throws {
    let replay = try ReplayPrices(
      symbols: ["DOGE", "SOL", "ETH", "BTC"],
      rows: [[0.15, 150, 3000, 60000], [0.14, 140, 2900, 59000], [0.13, 130, 2800, 58000]])
    let m = try model(horizon: Horizon(steps: 1440, stepSeconds: 30), replay: replay)
    #expect(m.horizon == Horizon(steps: 2, stepSeconds: 30))
    #expect(m.replay?.symbols == ["BTC", "ETH", "SOL", "DOGE"])
    #expect(m.replay?.price(step: 1, column: 0) == 59000)
    #expect(m.replay?.price(step: 2, column: 3) == 0.13)
  }

  // A replay file with the same symbol in two columns is ambiguous: refused, naming the
  // repeated column (it used to be silently ignored).
  @Test func duplicateReplayColumnIsRefused() throws {
    let error = modelInputError {
      _ = try ReplayPrices(symbols: ["BTC", "ETH", "SOL", "DOGE", "BTC"], rows: [[1, 1, 1, 1, 1], [2, 2, 2, 2, 3]])
    }
    #expect(error?.key == "replay column 6 'BTC'")
  }
}
