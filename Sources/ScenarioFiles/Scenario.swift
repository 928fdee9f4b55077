import FundSimulation
import PricePaths

/// A scenario ready to simulate: validated price-path model, exchange (rules, book, fund,
/// ADL), fund checkpoints, and the fully resolved record of what was run.
///
/// Load one with ``ScenarioLoader``. Randomness:
///
/// * the price paths are keyed by ``seed`` (and the path index);
/// * a synthetic book is drawn once, when the scenario is loaded, from
///   `RandomStreams(seed: bookSeed).generator(path: 0, purpose: .book)`, where `bookSeed`
///   is `book.synthetic.seed` when the file gives one and the file's `seed` otherwise.
///
/// ``withSeed(_:)`` (a `--seed` override on the command line) therefore changes the price
/// paths but keeps the same book, so runs with different seeds compare like with like.
public struct Scenario: Sendable {
  /// `name` from the file, or the file's stem.
  public let name: String
  /// The seed of the price paths.
  public private(set) var seed: UInt64
  /// Markets, correlation, horizon, crash factor, replay.
  public let paths: PathModel
  /// Market rules, positions, fund, ADL policy, cascade round cap.
  public let exchange: ExchangeModel
  /// Steps at which the fund balance is recorded (about `simulation.checkpoints` of them).
  public let checkpoints: CheckpointSchedule
  /// The scenario file as named by the user, or `embedded default`.
  public let source: String
  /// `synthetic, 2000 positions per market` or the positions file's path.
  public let bookSource: String
  /// The seed the synthetic book was drawn with; `nil` for a positions file.
  public let bookSeed: UInt64?
  /// Everything resolved, for `run.json`.
  public private(set) var record: ScenarioRecord

  init(
    name: String, seed: UInt64, paths: PathModel, exchange: ExchangeModel, checkpoints: CheckpointSchedule,
    source: String, bookSource: String, bookSeed: UInt64?, record: ScenarioRecord
  ) {
    self.name = name
    self.seed = seed
    self.paths = paths
    self.exchange = exchange
    self.checkpoints = checkpoints
    self.source = source
    self.bookSource = bookSource
    self.bookSeed = bookSeed
    self.record = record
  }

  /// The same scenario with the price paths keyed by `seed`; the book is unchanged (it was
  /// drawn with ``bookSeed`` when the scenario was loaded).
  public func withSeed(_ seed: UInt64) -> Scenario {
    var copy = self
    copy.seed = seed
    copy.record.seed = seed
    return copy
  }

  /// Records the `--set` overrides the scenario was loaded with.
  mutating func recordOverrides(_ applied: [AppliedOverride]) { record.overrides = applied }

  /// Symbols in market order.
  public var symbols: [String] { paths.symbols }

  /// Initial prices in market order.
  public var initialPrices: [Double] { paths.markets.map(\.price) }
}
