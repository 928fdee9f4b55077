import Foundation
import FundReports
import ScenarioFiles

/// What a report needs to know about the scenario of a run, apart from its statistics:
/// carried in every partial so that `merge` writes the same report without the scenario
/// file, and compared across partials (through ``fingerprint``) so that shards of
/// different scenarios are never merged.
public struct RunDescription: Sendable, Hashable, Codable {
  public var scenarioName: String
  /// The bullets of the report's Scenario section.
  public var scenarioLines: [String]
  public var symbols: [String]
  public var seed: UInt64
  public var currency: String
  public var mechanic: String
  public var ranking: String
  public var initialFund: Double
  public var depletionThreshold: Double
  public var stepSeconds: Double
  public var identicalPaths: Bool
  /// The resolved scenario (defaults and overrides applied), as `run.json` embeds it.
  public var resolvedScenario: JSONValue

  enum CodingKeys: String, CodingKey {
    case scenarioName = "scenario_name", scenarioLines = "scenario_lines", symbols, seed, currency, mechanic, ranking
    case initialFund = "initial_fund", depletionThreshold = "depletion_threshold", stepSeconds = "step_seconds"
    case identicalPaths = "identical_paths", resolvedScenario = "scenario"
  }

  /// The description of `scenario`; `lines` are the report's Scenario bullets.
  public init(scenario: Scenario, lines: [String], currency: String = "USDC") throws {
    scenarioName = scenario.name
    scenarioLines = lines
    symbols = scenario.symbols
    seed = scenario.seed
    self.currency = currency
    mechanic = scenario.exchange.fund.waterfall.rawValue
    ranking = scenario.exchange.adl.ranking.rawValue
    initialFund = scenario.exchange.fund.balance
    depletionThreshold = scenario.exchange.fund.depletionThreshold
    stepSeconds = scenario.paths.horizon.stepSeconds
    identicalPaths = scenario.paths.replay != nil
    resolvedScenario = try PartialCoding.decoder.decode(
      JSONValue.self, from: PartialCoding.encoder.encode(scenario.record))
  }

  /// FNV-1a (``ContentChecksum``) of the description's canonical JSON (sorted keys): equal
  /// for the same resolved scenario, seed and report text, different otherwise.
  ///
  /// The scenario's diagnostics (``diagnosticKeys``) are left out: they are computed, not
  /// given, and the correlation matrix's smallest eigenvalue differs in its last bits
  /// between two loads of one file in one process (LAPACK's reductions), which must not
  /// make two shards of one run look like two scenarios.
  public var fingerprint: String {
    get throws {
      var inputs = self
      inputs.resolvedScenario = resolvedScenario.removingKeys(Self.diagnosticKeys)
      return ContentChecksum.hex(of: try PartialCoding.encoder.encode(inputs))
    }
  }

  /// Keys of the resolved scenario that report computed diagnostics rather than inputs.
  public static let diagnosticKeys: Set<String> = ["smallest_eigenvalue", "given_smallest_eigenvalue"]

  /// The report context of a run of `paths` paths with this description.
  ///
  /// - Parameter runDate: when the run started (its id is made from it).
  public func reportContext(
    paths: Int, threads: Int, shards: Int?, version: String, wallSeconds: Double, commandLine: [String],
    runDate: Date = Date()
  ) -> ReportContext {
    var context = ReportContext(
      scenarioName: scenarioName, scenarioLines: scenarioLines, symbols: symbols, seed: seed, paths: paths,
      threads: threads, version: version, wallSeconds: wallSeconds, commandLine: commandLine, currency: currency,
      mechanic: mechanic, ranking: ranking, initialFund: initialFund, depletionThreshold: depletionThreshold,
      stepSeconds: stepSeconds, identicalPaths: identicalPaths, resolvedScenario: resolvedScenario, runDate: runDate)
    context.shards = shards
    return context
  }

  /// The report context of a sweep or sizing of `paths` paths of this (base) scenario: a
  /// run's (``reportContext(paths:threads:shards:version:wallSeconds:commandLine:runDate:)``)
  /// without the Scenario bullets and with `identicalPaths` false, as the single-machine
  /// commands and `merge` of their shards make it.
  public func studyContext(
    paths: Int, threads: Int, shards: Int?, version: String, wallSeconds: Double, commandLine: [String]
  ) -> ReportContext {
    var context = reportContext(
      paths: paths, threads: threads, shards: shards, version: version, wallSeconds: wallSeconds,
      commandLine: commandLine)
    context.scenarioLines = []
    context.identicalPaths = false
    return context
  }
}

/// The JSON coders of partials: sorted keys (deterministic bytes), non-finite numbers as
/// the strings `run.json` uses.
enum PartialCoding {
  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }

  static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }
}
