import Foundation

/// What the report needs that the statistics do not hold: the scenario's description, the
/// run's parameters and metadata. Filled in by the command-line tool.
public struct ReportContext: Sendable {
  public var scenarioName: String
  /// Lines describing the scenario; each becomes one bullet of the report's Scenario
  /// section (Markdown inside a line is kept).
  public var scenarioLines: [String]
  public var symbols: [String]
  public var seed: UInt64
  public var paths: Int
  public var threads: Int
  /// fundstress's version string.
  public var version: String
  /// Wall-clock duration of the run in seconds.
  public var wallSeconds: Double
  /// The command line as arguments (`CommandLine.arguments`), rendered shell-quoted.
  public var commandLine: [String]
  /// The margin currency's name (unit of money amounts).
  public var currency: String
  /// The waterfall mechanic's name, e.g. `market-close`.
  public var mechanic: String
  /// The ADL ranking's name, e.g. `pnl-leverage`.
  public var ranking: String
  public var initialFund: Double
  public var depletionThreshold: Double
  public var stepSeconds: Double
  /// Every path is the same path (a replay): the figures are exact, their intervals the
  /// values themselves.
  public var identicalPaths: Bool
  /// The scenario after defaults and overrides, embedded in `run.json` under `scenario`.
  public var resolvedScenario: (any Encodable & Sendable)?
  /// When the run started (stated in UTC, ISO 8601, in the report and `run.json`).
  public var runDate: Date
  /// A name for this run, unique in practice: ``RunIdentifier/make(date:)``.
  public var runID: String
  /// The run's `--fail-if` conditions; a breach is stated at the top of the report.
  public var failConditions: [FailCondition]
  /// The number of shards merged into this report (`fundstress merge`); `nil` for a
  /// single-machine run.
  public var shards: Int? = nil
  /// How the VaR, ES and drawdown quantiles were computed (``QuantileMode``'s description);
  /// filled in by ``ReportWriter`` from the statistics.
  public var quantiles: String? = nil

  public init(
    scenarioName: String, scenarioLines: [String] = [], symbols: [String], seed: UInt64, paths: Int, threads: Int,
    version: String, wallSeconds: Double, commandLine: [String], currency: String = "USDC",
    mechanic: String, ranking: String, initialFund: Double, depletionThreshold: Double, stepSeconds: Double,
    identicalPaths: Bool = false, resolvedScenario: (any Encodable & Sendable)? = nil, runDate: Date = Date(),
    runID: String? = nil, failConditions: [FailCondition] = []
  ) {
    self.scenarioName = scenarioName
    self.scenarioLines = scenarioLines
    self.symbols = symbols
    self.seed = seed
    self.paths = paths
    self.threads = threads
    self.version = version
    self.wallSeconds = wallSeconds
    self.commandLine = commandLine
    self.currency = currency
    self.mechanic = mechanic
    self.ranking = ranking
    self.initialFund = initialFund
    self.depletionThreshold = depletionThreshold
    self.stepSeconds = stepSeconds
    self.identicalPaths = identicalPaths
    self.resolvedScenario = resolvedScenario
    self.runDate = runDate
    self.runID = runID ?? RunIdentifier.make(date: runDate)
    self.failConditions = failConditions
  }

  /// ``runDate`` in UTC, ISO 8601 to the second: `2026-12-05T06:00:00Z`.
  public var runDateText: String { RunIdentifier.iso8601(runDate) }

  /// The command line as one shell-pasteable string: arguments containing anything but
  /// `A–Z a–z 0–9 _ - . / = : , + @ %` are single-quoted (`'` written as `'\''`).
  public var shellCommand: String {
    commandLine.map { argument in
      let safe =
        !argument.isEmpty
        && argument.unicodeScalars.allSatisfy { scalar in
          scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
              || "_-./=:,+@%".unicodeScalars.contains(scalar))
        }
      return safe ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }.joined(separator: " ")
  }
}
