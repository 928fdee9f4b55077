import Foundation
import FundSimulation
import PricePaths
import Yams

/// A scenario file as read, every default filled in, before the parts are validated
/// against each other and the files it names are read.
struct ScenarioInput {
  var name: String
  var description: String?
  /// The scenario's `seed`: keys the price paths, and the synthetic book unless the book
  /// has its own seed.
  var seed: UInt64
  /// `nil` only when a replay sets the horizon.
  var horizon: Horizon?
  var markets: [MarketModel]
  /// Per-market rules, in market order.
  var rules: [MarketRules]
  var jumps: JumpFactor?
  /// Rows as written, `nil` when absent (uncorrelated markets).
  var correlation: [[Double]]?
  /// `correlation_repair: nearest`.
  var repairCorrelation: Bool
  var replay: FileReference?
  var book: BookInput
  var fund: FundRules
  var adl: ADLInput
  var cascadeRoundCap: Int
  /// About this many fund-balance checkpoints over the horizon.
  var checkpointTarget: Int
  /// Filtered historical simulation, when the file has a `historical` block.
  var historical: HistoricalInput? = nil
  /// The funds whose shares follow the book's open interest (`fund.split: open-interest`),
  /// resolved once the book is loaded; `nil`: `fund.scope`'s shares are final.
  var openInterestSplit: OpenInterestSplit? = nil
  /// The venue preset the file names (`venue:`), whose values are already in the fields.
  var venue: VenuePreset? = nil
}

/// A file named in the scenario (`replay: crash.csv`, `book.positions: book.csv`).
struct FileReference {
  /// As written in the scenario.
  var written: String
  /// Resolved against the scenario's folder.
  var url: URL
  /// The key that names it (`replay`, `book.positions`).
  var key: String
  /// Where that key's value starts in the scenario.
  var mark: Mark?

  /// How to name the file in messages and records.
  var display: String { TextFile.displayPath(url) }
}

extension FileReference {
  /// The referenced file's text; a failure is reported at the key that names the file.
  func readText(source: String) throws -> String {
    do {
      return try TextFile.read(url)
    } catch {
      throw ScenarioError(
        file: source, mark: mark, key: key, problem: "cannot read '\(display)' (\(error.reason))",
        fix: "check the path; it is relative to the scenario file's folder")
    }
  }
}

/// The position book as written: a CSV file or a synthetic book.
enum BookInput {
  case positions(FileReference)
  /// `seed` is `book.synthetic.seed` when given.
  case synthetic(SyntheticBook, seed: UInt64?)
}

/// The `adl` block as written; the drawdown window is in hours until the step length is
/// known.
struct ADLInput {
  var ranking: ADLRanking
  /// Fund drawdown (a fraction) over the window that triggers ADL, e.g. 0.3.
  var drawdownTrigger: Double?
  /// Window of the drawdown trigger in hours (OKX/Bybit: 8).
  var drawdownWindowHours: Double
  var closePrice = ADLClosePrice.bankruptcy
  /// `random-walk`: the most accounts one ADL event visits.
  var randomWalkAccounts = ADLPolicy().randomWalkAccounts

  /// The window in whole steps of `stepSeconds`, rounded to the nearest step, at least one.
  func windowSteps(stepSeconds: Double) -> Int {
    let steps = (drawdownWindowHours * 3600 / stepSeconds).rounded()
    return steps.isFinite ? Int(max(1, min(steps, 1.0e9))) : 1
  }

  func policy(stepSeconds: Double) -> ADLPolicy {
    ADLPolicy(
      ranking: ranking, drawdownTrigger: drawdownTrigger, drawdownWindowSteps: windowSteps(stepSeconds: stepSeconds),
      closePrice: closePrice, randomWalkAccounts: randomWalkAccounts)
  }
}

/// Default values of optional keys, in one place so the reader, the record and the
/// embedded default agree.
enum ScenarioDefaults {
  static let seed: UInt64 = 1
  static let stepSeconds = 60.0
  static let drift = 0.0
  static let jumpBeta = 1.0
  static let resilience = 0.2
  static let permanentImpact = 0.5
  static let maxLeverage = 20.0
  static let fundShare = 1.0
  static let takeoverSubsidy = 0.25
  static let depletionThreshold = 0.0
  static let drawdownWindowHours = 8.0
  static let cascadeRoundCap = 100
  static let checkpoints = 96
  static let minLeverage = 2.0
  static let maxBookLeverage = 50.0
  static let longShare = 0.5
  static let entryDispersion = 0.03
  static let sizeDispersion = 1.5
}
