import Foundation
import FundSimulation
import PricePaths
import Yams

/// Loads scenario files (README, "Scenario reference") into validated ``Scenario`` values.
///
/// Reading happens in three stages, each refusing bad input with a one-line
/// ``ScenarioError`` that names the file, the line and the key:
///
/// 1. the YAML is walked key by key (``ScenarioParser``): syntax, unknown keys (with a
///    suggestion), types and missing keys;
/// 2. the files it names are read: the replay CSV and the positions CSV, errors located
///    at their own lines;
/// 3. the parts are validated by the libraries that own them (``PathModel``,
///    ``MarketRules``, ``SyntheticBook``, ``ExchangeModel``, in that order: the markets'
///    rules before the book that is read or drawn against them), whose
///    typed errors (from PricePaths and FundSimulation, keyed by ``EngineErrorKeys``) are
///    re-thrown at the line of the offending key.
public enum ScenarioLoader {
  /// Loads a scenario file; files it names are relative to its folder.
  ///
  /// - Throws: ``ScenarioError``, also when the file cannot be read.
  public static func load(contentsOf url: URL, overrides: [ScenarioOverride] = []) throws -> Scenario {
    // As the user typed it: `URL(fileURLWithPath: "cases/x.yaml")` keeps "cases/x.yaml".
    let name = url.baseURL == nil ? url.path : url.relativePath
    let text: String
    do {
      text = try TextFile.read(url)
    } catch {
      throw ScenarioError.unreadable(name, reason: error.reason)
    }
    return try load(
      yaml: text, source: name, baseDirectory: url.standardizedFileURL.deletingLastPathComponent(),
      overrides: overrides)
  }

  /// Loads a scenario from YAML text.
  ///
  /// - Parameters:
  ///   - source: how to name the scenario in messages and records (a path, or
  ///     `embedded default`); its stem is the default `name`.
  ///   - baseDirectory: the folder that relative `replay` and `book.positions` paths are
  ///     resolved against.
  ///   - overrides: `--set` changes (``ScenarioOverride``), applied in order before the
  ///     scenario is read and recorded in ``Scenario/record``.
  /// - Throws: ``ScenarioError``; an error that only the overrides cause names the
  ///   override instead of the file (``attribute(_:to:yaml:source:baseDirectory:)``).
  public static func load(
    yaml: String, source: String, baseDirectory: URL, overrides: [ScenarioOverride] = []
  ) throws -> Scenario {
    let document = YAMLDocument(file: source)
    do {
      let (input, applied) = try ScenarioParser(document: document, baseDirectory: baseDirectory)
        .parse(yaml: yaml, overrides: overrides)
      var scenario = try assemble(input, document: document, source: source)
      scenario.recordOverrides(applied)
      return scenario
    } catch let error as ScenarioError where !overrides.isEmpty && !error.file.hasPrefix("--set ") {
      throw attribute(error, to: overrides, yaml: yaml, source: source, baseDirectory: baseDirectory)
    }
  }

  /// The error to report when a scenario with overrides is refused: the file's own error
  /// when the file alone is refused too, else `error` re-addressed to the override whose
  /// key it concerns (`--set markets.*.volatility=x-1: markets[0].volatility: …`).
  private static func attribute(
    _ error: ScenarioError, to overrides: [ScenarioOverride], yaml: String, source: String, baseDirectory: URL
  ) -> ScenarioError {
    do {
      _ = try load(yaml: yaml, source: source, baseDirectory: baseDirectory)
    } catch let fileError as ScenarioError {
      return fileError
    } catch {}
    func related(_ a: String, _ b: String) -> Bool {
      a == b || a.hasPrefix(b + ".") || a.hasPrefix(b + "[") || b.hasPrefix(a + ".") || b.hasPrefix(a + "[")
    }
    var paths: [(ScenarioOverride, String)] = []
    if let root = try? Yams.compose(yaml: yaml) {
      var tree = OverrideTree(root: root)
      for override in overrides { try? tree.apply(override) }
      paths = tree.applied.flatMap { applied in applied.values.map { (applied.override, $0.path) } }
    }
    let culprit = paths.last { related(error.key, $0.1) }?.0
    let name = culprit?.description ?? overrides.map(\.description).joined(separator: " ")
    return ScenarioError(file: name, key: error.key, problem: error.problem, fix: error.fix)
  }

  /// The embedded default scenario: a mid-size USDC-margined exchange with eight markets,
  /// one day at one-minute steps, as a commented YAML file to start from.
  public static var defaultYAML: String { defaultScenarioYAML }

  /// The scenario used when no file is given.
  public static func loadDefault(overrides: [ScenarioOverride] = []) throws -> Scenario {
    try load(
      yaml: defaultYAML, source: "embedded default",
      baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), overrides: overrides)
  }

  // MARK: Assembly

  private static func assemble(_ input: ScenarioInput, document: YAMLDocument, source: String) throws -> Scenario {
    // Price paths, with the replay file's own errors located in that file.
    var replay: ReplayPrices?
    if let file = input.replay {
      replay = try readReplay(file, source: source)
    }
    let stepSeconds = input.horizon?.stepSeconds ?? ScenarioDefaults.stepSeconds
    // The markets' models before the history is filtered under their GARCH parameters: a
    // negative β would otherwise be blamed on the history file's residuals.
    if input.historical != nil {
      for (i, market) in input.markets.enumerated() {
        do { try market.validate(index: i) } catch { throw document.located(error) }
      }
    }
    let historical = try input.historical?.shocks(markets: input.markets, stepSeconds: stepSeconds, source: source)
    let paths: PathModel
    do {
      paths = try PathModel(
        markets: input.markets, correlation: input.correlation,
        horizon: input.horizon ?? Horizon(steps: replay?.steps ?? 0, stepSeconds: stepSeconds),
        jumps: input.jumps, replay: replay, repairCorrelation: input.repairCorrelation, historical: historical)
    } catch {
      guard let keyed = EngineErrorKeys.keyed(error) else { throw error }
      if let file = input.replay, keyed.key.hasPrefix("replay") {
        throw ScenarioError(file: file.display, line: 1, key: keyed.key, problem: keyed.problem, fix: keyed.fix)
      }
      throw ScenarioError(keyed, file: source, marks: document.marks)
    }
    if let replay, let written = input.horizon?.steps, written > 0, written != replay.steps {
      throw document.error(
        "horizon.steps", at: nil, "is \(written) but the replay file has \(replay.steps) steps after step 0",
        fix: "remove horizon.steps (a replay sets the horizon) or make the two agree")
    }

    // The markets' rules before the book, which is read and drawn against them: a
    // maintenance_margin of 2 would otherwise be blamed on a position of the file, and a
    // max_leverage of 0 would never finish drawing.
    do {
      for (i, rule) in input.rules.enumerated() { try rule.validate(index: i) }
    } catch {
      throw document.located(error)
    }

    // The book, then the exchange around it.
    let book = try BookLoader.load(input, paths: paths, document: document, source: source)
    var fund = input.fund
    if let split = input.openInterestSplit {
      fund.scope = try resolve(split, scope: fund.scope, book: book, markets: paths.markets, document: document)
    }
    let exchange: ExchangeModel
    do {
      exchange = try ExchangeModel(
        rules: input.rules, positions: book.positions, fund: fund,
        adl: input.adl.policy(stepSeconds: paths.horizon.stepSeconds), cascadeRoundCap: input.cascadeRoundCap,
        initialPrices: paths.markets.map(\.price))
    } catch {
      throw document.located(error)
    }
    let checkpoints = CheckpointSchedule(horizonSteps: paths.horizon.steps, target: input.checkpointTarget)
    let record = ScenarioRecord(
      input: input, source: source, paths: paths, exchange: exchange, book: book, checkpoints: checkpoints)
    return Scenario(
      name: input.name, seed: input.seed, paths: paths, exchange: exchange, checkpoints: checkpoints, source: source,
      bookSource: book.source, bookSeed: book.seed, record: record)
  }

  /// The funds' shares by the book's open interest (``OpenInterestSplit``), with a refusal
  /// at `fund.split` that names the fund and the fix.
  private static func resolve(
    _ split: OpenInterestSplit, scope: FundScope, book: LoadedBook, markets: [MarketModel], document: YAMLDocument
  ) throws -> FundScope {
    let openInterest = ScenarioRecord.bookSummary(book.positions, markets: markets).map {
      $0.longOpenInterest + $0.shortOpenInterest
    }
    do {
      return try split.resolve(scope, openInterest: openInterest)
    } catch OpenInterestSplit.Problem.withoutOpenInterest(let g) {
      let symbols = (scope.funds(markets: markets.count)?[g].markets ?? []).map { markets[$0].symbol }
      throw document.error(
        "fund.split", at: document.marks["fund.split"] ?? document.marks["fund"],
        "is open-interest but the book has no open interest in \(symbols.joined(separator: ", ")), "
          + "whose fund would start empty",
        fix: "give that fund a `share` (fund.groups), or write `split: equal`")
    } catch {
      throw document.error(
        "fund.split", at: document.marks["fund.split"] ?? document.marks["fund"],
        "is open-interest but the groups' written shares leave nothing for the others",
        fix: "lower the written shares below 1 in total, or write every group's share")
    }
  }

  private static func readReplay(_ file: FileReference, source: String) throws -> ReplayPrices {
    let text = try file.readText(source: source)
    return try ReplayFile.read(text: text, file: file.display)
  }
}
