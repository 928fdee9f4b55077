import Foundation
import FundSimulation
import PricePaths
import Yams

/// Reads a scenario's YAML text into a ``ScenarioInput`` by walking the Yams node tree:
/// unknown keys, wrong types and missing keys are refused here, with file, line and key.
/// Range checks (a negative volatility, a correlation that is not positive definite) are
/// left to the libraries that own the quantities; ``ScenarioLoader`` locates their errors
/// with the key positions recorded in ``document``.
struct ScenarioParser {
  let document: YAMLDocument
  /// The scenario file's folder: files it names are relative to it.
  let baseDirectory: URL

  static let topLevelKeys = [
    "name", "description", "seed", "horizon", "markets", "jumps", "correlation", "correlation_repair", "replay",
    "book", "fund", "adl", "simulation", "historical", "venue",
  ]

  /// Parses YAML text.
  ///
  /// - Throws: ``ScenarioError`` for malformed YAML (with the line Yams reports), an empty
  ///   file, unknown keys, wrong types and missing keys.
  func parse(yaml: String) throws -> ScenarioInput {
    guard let root = try YAMLValue.root(yaml: yaml, document: document) else {
      throw ScenarioError(
        file: document.file, key: "", problem: "is empty",
        fix: "start from the commented example printed by `fundstress scenario default`")
    }
    return try parse(top: root.mapping(allowedKeys: Self.topLevelKeys))
  }

  /// Parses YAML text with `overrides` applied to its tree first (``OverrideTree``), so the
  /// overridden values are checked exactly as written ones; returns what they changed.
  ///
  /// - Throws: ``ScenarioError``, as ``parse(yaml:)``; an override that cannot be applied
  ///   is named in its error.
  func parse(yaml: String, overrides: [ScenarioOverride]) throws -> (ScenarioInput, [AppliedOverride]) {
    guard !overrides.isEmpty else { return (try parse(yaml: yaml), []) }
    guard let root = try YAMLValue.root(yaml: yaml, document: document) else { return (try parse(yaml: yaml), []) }
    var tree = OverrideTree(root: root.node)
    for override in overrides { try tree.apply(override) }
    let changed = YAMLValue(node: tree.root, path: "", document: document)
    return (try parse(top: changed.mapping(allowedKeys: Self.topLevelKeys)), tree.applied)
  }

  private func parse(top: YAMLMapping) throws -> ScenarioInput {
    let name = try top.optional("name")?.text() ?? TextFile.stem(document.file)
    let description = try top.optional("description")?.text()
    let seed = try top.optional("seed")?.seed() ?? ScenarioDefaults.seed
    let replay = try top.optional("replay").map { try fileReference($0) }
    let historical = try parseHistorical(top)
    let horizon = try parseHorizon(top, replayGiven: replay != nil)
    let (markets, parsedRules) = try parseMarkets(top.required("markets", fix: "a list of markets (symbol, price, …)"))
    let jumps = try parseJumps(top)
    if jumps == nil, replay == nil, let index = markets.firstIndex(where: { $0.returns.jumpBeta != 0 }) {
      throw document.error(
        "jumps", at: document.marks["markets[\(index)].returns"],
        "is missing but markets[\(index)] (\(markets[index].symbol)) uses the jumps model",
        fix: "add a block `jumps: {intensity: 0.5, mean: -0.04, stdev: 0.02}` (crash jumps per day, mean and stdev "
          + "of the jump's log-size)")
    }
    let correlation = try top.optional("correlation").map { try parseCorrelation($0) }
    let repair = try top.choice("correlation_repair", ["none", "nearest"], default: "none") == "nearest"
    let book = try parseBook(
      top.required("book", fix: "`positions: FILE` or a `synthetic:` block"), symbols: markets.map(\.symbol))
    let venue = try top.optional("venue").map {
      VenuePreset(rawValue: try $0.choice(VenuePreset.allCases.map(\.rawValue)))
    }
    let fundValue = try top.required("fund", fix: "a block with `balance` and `waterfall`")
    var fund = try parseFund(fundValue, waterfallRequired: venue == nil)
    let fundBlock = try fundValue.mapping(allowedKeys: Self.fundKeys)
    let split =
      try parseFundSplit(fundBlock) ?? (venue??.rules.scope.splitsByOpenInterest == true ? .openInterest : .equal)
    var (scope, openInterestSplit) =
      try parseFundScope(fundBlock, symbols: markets.map(\.symbol), split: split) ?? (.shared, nil)
    var adl = try parseADL(top.optional("adl"))
    var rules = parsedRules
    if let preset = venue ?? nil {
      try applyPreset(
        preset.rules, top: top, fundBlock: fundBlock, fund: &fund, adl: &adl, scope: &scope,
        openInterestSplit: &openInterestSplit, split: split, markets: markets, rules: &rules)
    }
    fund.scope = scope
    let simulation = try top.block("simulation", allowedKeys: ["cascade_round_cap", "checkpoints"])
    let cascadeRoundCap =
      try simulation?.wholeNumber("cascade_round_cap", default: ScenarioDefaults.cascadeRoundCap)
      ?? ScenarioDefaults.cascadeRoundCap
    let checkpoints =
      try simulation?.wholeNumber("checkpoints", default: ScenarioDefaults.checkpoints) ?? ScenarioDefaults.checkpoints
    guard checkpoints >= 1 else {
      throw document.error(
        "simulation.checkpoints", at: nil, "is \(checkpoints)",
        fix: "give the number of fund-balance checkpoints over the horizon, 1 or more (e.g. 96)")
    }
    return ScenarioInput(
      name: name, description: description, seed: seed, horizon: horizon, markets: markets, rules: rules,
      jumps: jumps, correlation: correlation, repairCorrelation: repair, replay: replay, book: book, fund: fund,
      adl: adl, cascadeRoundCap: cascadeRoundCap, checkpointTarget: checkpoints, historical: historical,
      openInterestSplit: openInterestSplit, venue: venue ?? nil)
  }

  /// `horizon: {steps, step_seconds}`; optional with a replay (the file sets the length).
  private func parseHorizon(_ top: YAMLMapping, replayGiven: Bool) throws -> Horizon? {
    let keys = ["steps", "step_seconds"]
    guard let block = try top.block("horizon", allowedKeys: keys) else {
      if replayGiven { return nil }
      throw document.error(
        "horizon", at: top.value.mark, "is missing",
        fix: "add it: `horizon: {steps: 1440, step_seconds: 60}` (number of steps and seconds per step)")
    }
    let stepSeconds = try block.number("step_seconds", default: ScenarioDefaults.stepSeconds)
    if replayGiven {
      let steps = try block.optional("steps")?.wholeNumber() ?? 0
      return Horizon(steps: steps, stepSeconds: stepSeconds)
    }
    let steps = try block.wholeNumber("steps", fix: "the number of time steps, e.g. 1440 (one day of minutes)")
    return Horizon(steps: steps, stepSeconds: stepSeconds)
  }

  /// `jumps: {intensity, mean, stdev}`: the common crash factor.
  private func parseJumps(_ top: YAMLMapping) throws -> JumpFactor? {
    guard let block = try top.block("jumps", allowedKeys: ["intensity", "mean", "stdev"]) else { return nil }
    return JumpFactor(
      intensityPerDay: try block.number("intensity", fix: "expected crash jumps per day, e.g. 0.5"),
      mean: try block.number("mean", fix: "mean log-size of a jump, e.g. -0.04 for a 4% crash"),
      stdev: try block.number("stdev", fix: "standard deviation of the jump log-size, e.g. 0.02"))
  }

  /// `correlation:` a list of rows of numbers (shape and values are checked later).
  private func parseCorrelation(_ value: YAMLValue) throws -> [[Double]] {
    try value.items(expected: "a list of rows").map { row in
      try row.items(expected: "a row of numbers such as [1.0, 0.8]").map { try $0.number() }
    }
  }

  /// A file named by `value`, resolved against the scenario's folder.
  func fileReference(_ value: YAMLValue) throws -> FileReference {
    let written = try value.text()
    guard !written.isEmpty else {
      throw value.error("is empty", fix: "give a file path relative to the scenario's folder")
    }
    return FileReference(
      written: written, url: TextFile.resolve(written, against: baseDirectory), key: value.path, mark: value.mark)
  }
}
