import ArgumentParser
import Foundation
import FundReports
import MonteCarlo

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
      let description = try RunDescription(scenario: scenario, lines: ScenarioLines.lines(scenario))
      let paths = try shard.paths(of: options.paths)
      let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: true)
      var progress = ProgressBar(total: paths.count, quiet: quiet)
      try staging.publish { folder in
        try PartialWriter.write(
          MonteCarloRun(scenario: scenario, quantiles: quantiles), shard: shard, totalPaths: options.paths,
          threads: options.threads, description: description, version: FundstressVersion.current, to: folder
        ) { progress.update(done: $0) }
        progress.finish()
      }
      if !quiet {
        print(
          "shard \(shard) of \(options.paths) paths: paths \(paths.lowerBound)..<\(paths.upperBound) written to "
            + "\(staging.destination.path)")
      }
    }
  }
}
