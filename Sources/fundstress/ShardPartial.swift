import ArgumentParser
import Foundation
import FundReports
import MonteCarlo
import ScenarioFiles

/// `fundstress run --shard I/N`: simulates one shard of the run and writes its partial
/// (``RunPartial``) into the output folder, staged like a report.
struct ShardPartial {
  let options: SimulationOptions
  let shard: RunShard
  let quantiles: QuantileMode
  let out: String
  let quiet: Bool

  /// Checks `--shard I/N` of a `paths`-path run, for the `validate()` of the commands that
  /// shard (`run`, `sweep`, `size`).
  ///
  /// - Throws: `ValidationError` naming `--shard`: malformed, or a shard with no paths.
  static func validate(_ shard: String, paths: Int) throws {
    do { _ = try RunShard(parsing: shard).paths(of: paths) } catch {
      throw ValidationError("--shard: \(error)")
    }
  }

  func run() throws {
    try withOneLineErrors {
      let scenario = try options.loadScenario()
      try Self.publish(shard, of: options.paths, scenario: scenario, out: out, quiet: quiet) {
        description, folder, progress in
        try PartialWriter.write(
          MonteCarloRun(scenario: scenario, quantiles: quantiles), shard: shard, totalPaths: options.paths,
          threads: options.threads, description: description, version: FundstressVersion.current, to: folder,
          progress: progress)
      }
    }
  }

  /// Writes a shard's partial of `scenario` into `out`, staged like a report, with a
  /// progress bar, then names what was written: the end of `run`, `sweep` and `size
  /// --shard`.
  ///
  /// - Parameters:
  ///   - stepsPerPath: progress steps a shard path (a sweep's points).
  ///   - label: the printed line's start, e.g. `sweep shard`.
  ///   - detail: what the printed line says after the path range, e.g. ` at 5 points`.
  ///   - write: writes the partial given the scenario's description, the staging folder
  ///     and a progress callback (steps done so far).
  static func publish(
    _ shard: RunShard, of totalPaths: Int, scenario: Scenario, out: String, quiet: Bool, stepsPerPath: Int = 1,
    label: String = "shard", detail: String = "", write: (RunDescription, URL, (Int) -> Void) throws -> Void
  ) throws {
    let description = try RunDescription(scenario: scenario, lines: ScenarioLines.lines(scenario))
    let paths = try shard.paths(of: totalPaths)
    let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: true)
    var progress = ProgressBar(total: paths.count * stepsPerPath, quiet: quiet)
    try staging.publish { folder in
      try write(description, folder) { progress.update(done: $0) }
      progress.finish()
    }
    if !quiet {
      print(
        "\(label) \(shard) of \(totalPaths) paths: paths \(paths.lowerBound)..<\(paths.upperBound)\(detail) written to "
          + "\(staging.destination.path)")
    }
  }
}
