import ArgumentParser
import Foundation
import ScenarioFiles

/// Options shared by the commands that simulate: which scenario, how many paths, which
/// seed, how many threads.
struct SimulationOptions: ParsableArguments {
  @Option(
    help: "Scenario YAML file (default: the embedded default scenario).",
    completion: .file(extensions: ["yaml", "yml"]))
  var scenario: String?

  @Option(parsing: .unconditional, help: "Number of Monte Carlo paths.")
  var paths: Int = 10_000

  @Option(
    parsing: .unconditional,
    help: "Seed of the price paths (default: the scenario's seed). The book stays the scenario's.")
  var seed: UInt64?

  @Option(parsing: .unconditional, help: "Worker threads (default: all cores). Results do not depend on it.")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .customLong("set"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "Override a scenario value: KEY=VALUE, repeatable; KEY a dotted path (fund.balance, markets.BTC.depth, "
        + "markets.*.volatility, book.synthetic.open_interest.SOL, adl.ranking), VALUE a value or xK (times K).",
      valueName: "KEY=VALUE"))
  var overrides: [String] = []

  /// Out-of-range counts and malformed overrides are usage errors (exit status 64), like a
  /// malformed option.
  func validate() throws {
    for text in overrides {
      do { _ = try ScenarioOverride(parsing: text) } catch { throw ValidationError("\(error)") }
    }
    guard paths >= 1 else {
      throw ValidationError("--paths is \(paths); give at least 1 path, e.g. --paths 10000")
    }
    guard paths <= 1_000_000_000 else {
      throw ValidationError("--paths is \(paths); give at most 1000000000 paths per run (split larger runs)")
    }
    guard (1...1024).contains(threads) else {
      throw ValidationError("--threads is \(threads); give between 1 and 1024 threads")
    }
  }

  /// The `--set` overrides, parsed.
  func parsedOverrides() throws -> [ScenarioOverride] { try overrides.map { try ScenarioOverride(parsing: $0) } }

  /// Loads the scenario (the embedded default without `--scenario`) with the `--set`
  /// overrides (and `extra` ones after them) and applies `--seed`.
  func loadScenario(extra: [ScenarioOverride] = []) throws -> Scenario {
    let all = try parsedOverrides() + extra
    let scenario =
      try scenario.map { try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: $0), overrides: all) }
      ?? ScenarioLoader.loadDefault(overrides: all)
    return seed.map { scenario.withSeed($0) } ?? scenario
  }
}

/// A command-line problem, printed as one line.
struct CommandLineError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
