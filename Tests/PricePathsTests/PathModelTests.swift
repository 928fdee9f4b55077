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

  // Expected: every refusal is the first problem (PathModel.init's doc and docs/REPORTS.md,
  // "Bad input"), as the typed error of the part or of how the parts fit together.
  @Test func unknownSymbolInReplayNamesTheColumn() throws {
    let replay = try ReplayPrices(
      symbols: ["BTC", "ETH", "XRP", "SOL", "DOGE"], rows: [[1, 1, 1, 1, 1], [2, 2, 2, 2, 2]])
    // Price columns are counted from 0, so XRP, the third symbol, is column 2.
    #expect(
      throws: PathModelError.replayColumnUnknown(column: 2, symbol: "XRP", markets: ["BTC", "ETH", "SOL", "DOGE"])
    ) { _ = try model(replay: replay) }
  }

  @Test func missingMarketColumnNamesTheMarket() throws {
    let replay = try ReplayPrices(symbols: ["BTC", "ETH", "SOL"], rows: [[1, 1, 1], [2, 2, 2]])
    #expect(throws: PathModelError.replayColumnMissing(symbol: "DOGE")) { _ = try model(replay: replay) }
  }

  @Test func mixedDofIsRefusedWithBoth() {
    var markets = Self.markets
    markets[0].returns = .studentT(dof: 4)
    markets[2].returns = .jumps(beta: 1, dof: 5)
    #expect(throws: PathModelError.degreesOfFreedomDiffer([4, 5])) {
      _ = try model(markets: markets, jumps: Self.jumps)
    }
  }

  @Test func jumpsModelWithoutJumpsBlockIsRefused() {
    var markets = Self.markets
    markets[1].returns = .jumps(beta: 1.2, dof: nil)
    #expect(throws: PathModelError.crashFactorMissing) { _ = try model(markets: markets) }
  }

  // Expected: docs/MODEL.md, "Price paths", and docs/REPORTS.md, "Bad input" — the `jumps` model needs the `jumps` block. A market that
  // declares the jumps model with loading 0 is still a jumps-model market with no crash
  // factor defined, and should be refused the same way.
  @Test func jumpsModelWithZeroBetaWithoutJumpsBlockIsRefused() {
    var markets = Self.markets
    markets[1].returns = .jumps(beta: 0, dof: nil)
    #expect(throws: PathModelError.crashFactorMissing) { _ = try model(markets: markets) }
  }

  @Test func badJumpsBlockIsRefused() {
    var markets = Self.markets
    markets[1].returns = .jumps(beta: 1.2, dof: nil)
    #expect(throws: JumpFactorError.intensity(-1)) {
      _ = try model(markets: markets, jumps: JumpFactor(intensityPerDay: -1, mean: -0.05, stdev: 0.03))
    }
  }

  /// One crash jump per step on average is the most the model takes: at one-minute steps
  /// that is 1 440 a day (86 400 s / 60 s), accepted; anything above is refused with the
  /// intensity and the step (an intensity of 10⁹ would draw a billion jumps per path). The
  /// limit the scenario reader quotes is checked in EngineErrorKeysPricePathsTests.
  @Test func jumpIntensityAboveOnePerStepIsRefused() throws {
    var markets = Self.markets
    markets[1].returns = .jumps(beta: 1.2, dof: nil)
    _ = try model(markets: markets, jumps: JumpFactor(intensityPerDay: 1_440, mean: -0.05, stdev: 0.03))
    for intensity in [1_440.5, 1e9] {
      #expect(throws: JumpFactorError.moreThanOnePerStep(intensityPerDay: intensity, stepSeconds: 60)) {
        _ = try model(markets: markets, jumps: JumpFactor(intensityPerDay: intensity, mean: -0.05, stdev: 0.03))
      }
    }
    // Hourly steps: at most 24 a day.
    let hourly = Horizon(steps: 24, stepSeconds: 3_600)
    _ = try model(markets: markets, horizon: hourly, jumps: JumpFactor(intensityPerDay: 24, mean: -0.05, stdev: 0.03))
    #expect(throws: JumpFactorError.moreThanOnePerStep(intensityPerDay: 25, stepSeconds: 3_600)) {
      _ = try model(markets: markets, horizon: hourly, jumps: JumpFactor(intensityPerDay: 25, mean: -0.05, stdev: 0.03))
    }
    // Yearly steps: 86 400 / 31 536 000 = 0.0027397260… a day; the six digits the reader
    // quotes, rounded down, are accepted.
    let yearly = Horizon(steps: 2, stepSeconds: 31_536_000)
    #expect(throws: JumpFactorError.moreThanOnePerStep(intensityPerDay: 1, stepSeconds: 31_536_000)) {
      _ = try model(markets: markets, horizon: yearly, jumps: JumpFactor(intensityPerDay: 1, mean: -0.05, stdev: 0.03))
    }
    _ = try model(
      markets: markets, horizon: yearly, jumps: JumpFactor(intensityPerDay: 0.00273972, mean: -0.05, stdev: 0.03))
  }

  @Test(arguments: [-0.2, Double.nan, Double.infinity])
  func badVolatilityNamesTheMarket(volatility: Double) {
    var markets = Self.markets
    markets[1].volatility = volatility
    expectThrows(MarketModelError.volatility(market: 1, volatility: volatility)) { _ = try model(markets: markets) }
  }

  @Test(arguments: [-1.0, 0.0, Double.nan, Double.infinity])
  func badPriceNamesTheMarket(price: Double) {
    var markets = Self.markets
    markets[3].price = price
    expectThrows(MarketModelError.price(market: 3, price: price)) { _ = try model(markets: markets) }
  }

  @Test(arguments: [2.0, 1.0])
  func dofAtMostTwoNamesTheMarket(dof: Double) {
    var markets = Self.markets
    markets[0].returns = .studentT(dof: dof)
    #expect(throws: MarketModelError.degreesOfFreedom(market: 0, dof: dof)) { _ = try model(markets: markets) }
  }

  @Test func emptyAndDuplicateMarketsAreRefused() {
    #expect(throws: PathModelError.noMarkets) { _ = try model(markets: []) }
    var markets = Self.markets
    markets[2].symbol = "BTC"
    #expect(throws: PathModelError.repeatedSymbol(market: 2, symbol: "BTC", firstMarket: 0)) {
      _ = try model(markets: markets)
    }
  }

  @Test func correlationOfTheWrongSizeIsRefused() {
    #expect(throws: CorrelationError.rowCount(rows: 2, markets: 4)) {
      _ = try model(correlation: [[1, 0.5], [0.5, 1]])
    }
  }

  @Test func badHorizonIsRefused() {
    #expect(throws: HorizonError.steps(0)) { _ = try model(horizon: Horizon(steps: 0, stepSeconds: 60)) }
  }

  // Expected: an indefinite matrix is refused with its smallest eigenvalue (−0.8, closed
  // form in CorrelationMatrixTests) unless repair is asked for; repaired, the model keeps
  // the nearest correlation matrix (closed form in NearestCorrelationTests) and says so.
  @Test func indefiniteCorrelationIsRefusedOrRepaired() throws {
    let markets = Array(Self.markets.prefix(3))
    let error = #expect(throws: CorrelationError.self) {
      _ = try model(markets: markets, correlation: CorrelationMatrixTests.indefinite)
    }
    guard case .notPositiveDefinite(let smallest) = error else {
      Issue.record("expected notPositiveDefinite, got \(String(describing: error))")
      return
    }
    #expect(abs(smallest + 0.8) <= 1e-12)

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
    #expect(throws: CorrelationError.notPositiveDefinite(smallestEigenvalue: matrix.smallestEigenvalue)) {
      _ = try matrix.choleskyFactor()
    }
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
    #expect(throws: ReplayError.repeatedColumn(column: 4, symbol: "BTC", firstColumn: 0)) {
      _ = try ReplayPrices(symbols: ["BTC", "ETH", "SOL", "DOGE", "BTC"], rows: [[1, 1, 1, 1, 1], [2, 2, 2, 2, 3]])
    }
  }
}
