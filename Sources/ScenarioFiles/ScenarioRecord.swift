import FundSimulation
import PricePaths

/// The fully resolved scenario, for `run.json`: every key of the file with its default
/// filled in, the correlation actually used (after any repair), the horizon actually run
/// (a replay's length) and a summary of the book.
///
/// Keys are encoded in the scenario file's snake_case spelling; optional values that are
/// not set are written as `null`, so every key is always present. A depth without price
/// impact is written as the string `".inf"` (JSON has no infinity). Amounts are in the
/// margin currency, rates and shares are fractions.
public struct ScenarioRecord: Encodable, Sendable, Equatable {
  public var name: String
  public var description: String?
  /// The scenario file, or `embedded default`.
  public var source: String
  /// Seed of the price paths (after any command-line override).
  public var seed: UInt64
  public var horizon: HorizonRecord
  public var markets: [MarketRecord]
  public var jumps: JumpFactor?
  public var correlation: CorrelationRecord
  public var replay: ReplayRecord?
  public var book: BookRecord
  public var fund: FundRules
  public var adl: ADLRecord
  public var simulation: SimulationRecord
  /// The venue preset the scenario names (`venue:`; docs/VENUES.md), whose values the other
  /// fields already hold; left out of `run.json` without one.
  public var venue: String? = nil
  /// Filtered historical simulation, when the scenario has a `historical` block (the key is
  /// left out of `run.json` otherwise).
  public var historical: HistoricalRecord? = nil

  /// The history behind a filtered historical simulation.
  public struct HistoricalRecord: Encodable, Sendable, Equatable {
    /// The price file.
    public var prices: String
    /// Residual rows drawn from (one per return).
    public var rows: Int
    /// Rows in the stressed period (0 without one).
    public var stressedRows: Int
    /// Their total probability, `nil` when every row is equally likely.
    public var stressedWeight: Double?

    enum CodingKeys: String, CodingKey {
      case prices, rows
      case stressedRows = "stressed_rows"
      case stressedWeight = "stressed_weight"
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(prices, forKey: .prices)
      try c.encode(rows, forKey: .rows)
      try c.encode(stressedRows, forKey: .stressedRows)
      try c.encode(stressedWeight, forKey: .stressedWeight)
    }
  }

  /// The `--set` overrides applied, with the values they wrote (`overrides` in
  /// `run.json`, present only when there are some).
  public var overrides: [AppliedOverride] = []

  public struct HorizonRecord: Encodable, Sendable, Equatable {
    public var steps: Int
    public var stepSeconds: Double
    /// `steps × step_seconds / 3600`.
    public var hours: Double

    enum CodingKeys: String, CodingKey {
      case steps
      case stepSeconds = "step_seconds"
      case hours
    }
  }

  /// The correlation used and how it came about.
  public struct CorrelationRecord: Encodable, Sendable, Equatable {
    /// The matrix the paths use (identity when the file gives none), rows in market order.
    public var matrix: [[Double]]
    /// Whether the file gave a matrix (`false`: identity, uncorrelated markets).
    public var given: Bool
    /// `none` or `nearest`.
    public var repair: String
    /// Whether the given matrix was not positive definite and was repaired.
    public var repaired: Bool
    /// Smallest eigenvalue of the matrix used (> 0: positive definite).
    public var smallestEigenvalue: Double
    /// Smallest eigenvalue of the matrix as written, when it was repaired.
    public var givenSmallestEigenvalue: Double?

    enum CodingKeys: String, CodingKey {
      case matrix, given, repair, repaired
      case smallestEigenvalue = "smallest_eigenvalue"
      case givenSmallestEigenvalue = "given_smallest_eigenvalue"
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(matrix, forKey: .matrix)
      try c.encode(given, forKey: .given)
      try c.encode(repair, forKey: .repair)
      try c.encode(repaired, forKey: .repaired)
      try c.encode(smallestEigenvalue, forKey: .smallestEigenvalue)
      try c.encode(givenSmallestEigenvalue, forKey: .givenSmallestEigenvalue)
    }
  }

  public struct ReplayRecord: Encodable, Sendable, Equatable {
    /// The replay file's path.
    public var file: String
    /// Steps after step 0: the horizon.
    public var steps: Int
  }

  /// The position book: where it came from and what is in it.
  public struct BookRecord: Encodable, Sendable, Equatable {
    /// `positions` (a CSV file) or `synthetic`.
    public var kind: String
    /// The positions file, for `positions`.
    public var file: String?
    /// The synthetic book's parameters, for `synthetic`.
    public var synthetic: SyntheticBook?
    /// The seed the synthetic book was drawn with.
    public var seed: UInt64?
    /// Number of positions.
    public var positions: Int
    /// Per market: position counts and open interest (size × initial price) per side.
    public var markets: [BookMarketRecord]

    enum CodingKeys: String, CodingKey { case kind, file, synthetic, seed, positions, markets }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(kind, forKey: .kind)
      try c.encode(file, forKey: .file)
      try c.encode(synthetic.map(SyntheticRecord.init), forKey: .synthetic)
      try c.encode(seed, forKey: .seed)
      try c.encode(positions, forKey: .positions)
      try c.encode(markets, forKey: .markets)
    }
  }

  /// One market's share of the book.
  public struct BookMarketRecord: Encodable, Sendable, Equatable {
    public var symbol: String
    public var longPositions: Int
    public var shortPositions: Int
    /// Σ size × initial price over the long positions.
    public var longOpenInterest: Double
    /// Σ size × initial price over the short positions.
    public var shortOpenInterest: Double

    enum CodingKeys: String, CodingKey {
      case symbol
      case longPositions = "long_positions"
      case shortPositions = "short_positions"
      case longOpenInterest = "long_open_interest"
      case shortOpenInterest = "short_open_interest"
    }
  }

  public struct ADLRecord: Encodable, Sendable, Equatable {
    public var ranking: ADLRanking
    public var drawdownTrigger: Double?
    public var drawdownWindowHours: Double
    /// The window in steps, as simulated.
    public var drawdownWindowSteps: Int
    public var closePrice = ADLClosePrice.bankruptcy
    public var randomWalkAccounts = ADLPolicy().randomWalkAccounts

    enum CodingKeys: String, CodingKey {
      case ranking
      case drawdownTrigger = "drawdown_trigger"
      case drawdownWindowHours = "drawdown_window_hours"
      case drawdownWindowSteps = "drawdown_window_steps"
      case closePrice = "close_price"
      case randomWalkAccounts = "random_walk_accounts"
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(ranking, forKey: .ranking)
      try c.encode(drawdownTrigger, forKey: .drawdownTrigger)
      try c.encode(drawdownWindowHours, forKey: .drawdownWindowHours)
      try c.encode(drawdownWindowSteps, forKey: .drawdownWindowSteps)
      try c.encode(closePrice, forKey: .closePrice)
      try c.encode(randomWalkAccounts, forKey: .randomWalkAccounts)
    }
  }

  public struct SimulationRecord: Encodable, Sendable, Equatable {
    public var cascadeRoundCap: Int
    /// The target number of checkpoints, as written.
    public var checkpoints: Int
    /// The steps actually recorded (horizon-dependent, last step included).
    public var checkpointSteps: [Int]

    enum CodingKeys: String, CodingKey {
      case cascadeRoundCap = "cascade_round_cap"
      case checkpoints
      case checkpointSteps = "checkpoint_steps"
    }
  }

  enum CodingKeys: String, CodingKey {
    case name, description, source, seed, horizon, markets, jumps, correlation, replay, book, fund, adl, simulation
    case historical, venue
    case overrides
  }
  enum JumpKeys: String, CodingKey { case intensity, mean, stdev }
  enum FundKeys: String, CodingKey {
    case balance, waterfall
    case fundShare = "fund_share"
    case feeCap = "fee_cap"
    case takeoverSubsidy = "takeover_subsidy"
    case depletionThreshold = "depletion_threshold"
    case stepOutflowCap = "step_outflow_cap"
    case marketOutflowCap = "market_outflow_cap"
    case takeoverNotionalCap = "takeover_notional_cap"
    case backstop, scope, groups
  }
  /// One fund of a ``FundScope/groups(_:)`` scope, its markets by symbol.
  struct FundGroupRecord: Encodable {
    var markets: [String]
    var share: Double
  }
  enum BackstopKeys: String, CodingKey {
    case share, capital
    case lossCap = "loss_cap"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(description, forKey: .description)
    try c.encode(source, forKey: .source)
    try c.encode(seed, forKey: .seed)
    try c.encode(horizon, forKey: .horizon)
    try c.encode(markets, forKey: .markets)
    if let jumps {
      var j = c.nestedContainer(keyedBy: JumpKeys.self, forKey: .jumps)
      try j.encode(jumps.intensityPerDay, forKey: .intensity)
      try j.encode(jumps.mean, forKey: .mean)
      try j.encode(jumps.stdev, forKey: .stdev)
    } else {
      try c.encodeNil(forKey: .jumps)
    }
    try c.encode(correlation, forKey: .correlation)
    try c.encode(replay, forKey: .replay)
    try c.encode(book, forKey: .book)
    var f = c.nestedContainer(keyedBy: FundKeys.self, forKey: .fund)
    try f.encode(fund.balance, forKey: .balance)
    try f.encode(fund.waterfall, forKey: .waterfall)
    try f.encode(fund.fundShare, forKey: .fundShare)
    try f.encode(fund.feeCap, forKey: .feeCap)
    try f.encode(fund.takeoverSubsidy, forKey: .takeoverSubsidy)
    try f.encode(fund.depletionThreshold, forKey: .depletionThreshold)
    try f.encodeIfPresent(fund.stepOutflowCap, forKey: .stepOutflowCap)
    try f.encodeIfPresent(fund.marketOutflowCap, forKey: .marketOutflowCap)
    try f.encodeIfPresent(fund.takeoverNotionalCap, forKey: .takeoverNotionalCap)
    if let vault = fund.backstop {
      var b = f.nestedContainer(keyedBy: BackstopKeys.self, forKey: .backstop)
      try b.encode(vault.share, forKey: .share)
      try b.encode(vault.capital, forKey: .capital)
      try b.encode(vault.lossCap, forKey: .lossCap)
    }
    // The shared scope is left out, so the default run's run.json is unchanged.
    if fund.scope != .shared {
      try f.encode(fund.scope.name, forKey: .scope)
      if case .groups(let groups) = fund.scope {
        let records = groups.map {
          FundGroupRecord(markets: $0.markets.map { markets[$0].model.symbol }, share: $0.share)
        }
        try f.encode(records, forKey: .groups)
      }
    }
    try c.encode(adl, forKey: .adl)
    try c.encode(simulation, forKey: .simulation)
    try c.encodeIfPresent(historical, forKey: .historical)
    try c.encodeIfPresent(venue, forKey: .venue)
    if !overrides.isEmpty { try c.encode(overrides, forKey: .overrides) }
  }
}

/// The synthetic book's parameters in the scenario file's spelling.
private struct SyntheticRecord: Encodable {
  let book: SyntheticBook
  init(_ book: SyntheticBook) { self.book = book }

  enum CodingKeys: String, CodingKey {
    case positionsPerMarket = "positions_per_market"
    case openInterest = "open_interest"
    case leverage
    case longShare = "long_share"
    case entryDispersion = "entry_dispersion"
    case sizeDispersion = "size_dispersion"
  }
  enum LeverageKeys: String, CodingKey { case min, max }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(book.positionsPerMarket, forKey: .positionsPerMarket)
    try c.encode(book.openInterest, forKey: .openInterest)
    var leverage = c.nestedContainer(keyedBy: LeverageKeys.self, forKey: .leverage)
    try leverage.encode(book.minLeverage, forKey: .min)
    try leverage.encode(book.maxLeverage, forKey: .max)
    try c.encode(book.longShare, forKey: .longShare)
    try c.encode(book.entryDispersion, forKey: .entryDispersion)
    try c.encode(book.sizeDispersion, forKey: .sizeDispersion)
  }
}
