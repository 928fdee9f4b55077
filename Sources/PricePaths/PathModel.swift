import RealModule

/// Everything that defines the joint price paths of a scenario, validated: the markets,
/// their correlation (with its Cholesky factor), the horizon, the optional crash factor and
/// an optional replay that replaces the models.
public struct PathModel: Sendable {
  public let markets: [MarketModel]
  public let correlation: CorrelationMatrix
  public let horizon: Horizon
  public let jumps: JumpFactor?
  public let replay: ReplayPrices?
  /// Filtered historical simulation's residual rows, in market order, when the innovations
  /// come from history instead of the Gaussian/Student-t draws.
  public let historical: HistoricalShocks?
  /// Whether the correlation given was repaired to the nearest correlation matrix.
  public let correlationWasRepaired: Bool
  /// Lower Cholesky factor of ``correlation``, row-major, upper triangle zero.
  public let choleskyFactor: [Double]

  /// Validates and assembles a path model.
  ///
  /// - Parameters:
  ///   - repairCorrelation: replace a matrix that is not positive definite by the nearest
  ///     correlation matrix (Higham 2002) instead of refusing it.
  ///   - replay: when present it sets the horizon (its length) and must have a column for
  ///     every market and no other.
  /// - Throws: the first problem: ``PathModelError`` when the parts do not fit together,
  ///   else the part's own error (``MarketModelError``, ``JumpFactorError``,
  ///   ``CorrelationError``, ``ReplayError``, ``HorizonError``).
  public init(
    markets: [MarketModel], correlation: [[Double]]?, horizon: Horizon, jumps: JumpFactor? = nil,
    replay: ReplayPrices? = nil, repairCorrelation: Bool = false, historical: HistoricalShocks? = nil
  ) throws {
    guard !markets.isEmpty else {
      throw PathModelError.noMarkets
    }
    for (i, market) in markets.enumerated() {
      try market.validate(index: i)
      if let j = markets[..<i].firstIndex(where: { $0.symbol == market.symbol }) {
        throw PathModelError.repeatedSymbol(market: i, symbol: market.symbol, firstMarket: j)
      }
    }
    let tDofs = Set(markets.compactMap(\.returns.dof))
    if tDofs.count > 1 {
      throw PathModelError.degreesOfFreedomDiffer(tDofs.sorted())
    }
    let needsJumps = markets.contains { if case .jumps = $0.returns { true } else { false } }
    if needsJumps && jumps == nil && replay == nil {
      throw PathModelError.crashFactorMissing
    }
    try jumps?.validate()
    if let historical {
      try Self.checkHistorical(historical, markets: markets, replay: replay)
    }
    self.historical = historical

    var matrix: CorrelationMatrix
    if let correlation {
      matrix = try CorrelationMatrix(rows: correlation, dimension: markets.count)
    } else {
      matrix = .identity(dimension: markets.count)
    }
    var repaired = false
    var factor = try? matrix.choleskyFactor()
    if factor == nil && repairCorrelation {
      // Not positive definite (or too close to singular for Cholesky): repair as asked.
      matrix = matrix.nearestCorrelation()
      repaired = true
      factor = try? matrix.choleskyFactor()
    }
    self.choleskyFactor = try factor ?? matrix.choleskyFactor()
    self.correlation = matrix
    self.correlationWasRepaired = repaired
    self.markets = markets
    self.jumps = jumps

    if let replay {
      for (j, symbol) in replay.symbols.enumerated() where !markets.contains(where: { $0.symbol == symbol }) {
        throw PathModelError.replayColumnUnknown(column: j, symbol: symbol, markets: markets.map(\.symbol))
      }
      if let missing = markets.first(where: { !replay.symbols.contains($0.symbol) }) {
        throw PathModelError.replayColumnMissing(symbol: missing.symbol)
      }
      // Reorder the columns into market order.
      let order = markets.map { m in replay.symbols.firstIndex(of: m.symbol)! }
      let rows = (0...replay.steps).map { t in order.map { replay.price(step: t, column: $0) } }
      self.replay = try ReplayPrices(symbols: markets.map(\.symbol), rows: rows)
      self.horizon = Horizon(steps: replay.steps, stepSeconds: horizon.stepSeconds)
    } else {
      self.replay = nil
      self.horizon = horizon
    }
    try self.horizon.validate()
    if let jumps, self.replay == nil, jumps.intensityPerDay * self.horizon.stepDays > 1 {
      // Crash jumps are rare events; an intensity of 10⁹ per day would also have every path
      // draw and store a billion of them.
      throw JumpFactorError.moreThanOnePerStep(
        intensityPerDay: jumps.intensityPerDay, stepSeconds: self.horizon.stepSeconds)
    }
  }

  /// Filtered historical simulation rescales the data's residuals by a volatility filter:
  /// each market must be `gbm` (constant volatility) or `garch`; the tails and the
  /// dependence are the data's, so Student-t mixing, crash jumps and a replay do not apply.
  private static func checkHistorical(
    _ historical: HistoricalShocks, markets: [MarketModel], replay: ReplayPrices?
  ) throws {
    guard replay == nil else {
      throw PathModelError.historicalWithReplay
    }
    for (i, market) in markets.enumerated() {
      switch market.returns {
      case .gbm, .garch: continue
      default:
        throw PathModelError.historicalReturnModel(market: i, returns: market.returns)
      }
    }
    guard historical.markets == markets.count else {
      throw PathModelError.historicalMarkets(history: historical.markets, markets: markets.count)
    }
  }

  /// Number of markets.
  public var marketCount: Int { markets.count }
  /// Symbols in market order.
  public var symbols: [String] { markets.map(\.symbol) }
}
