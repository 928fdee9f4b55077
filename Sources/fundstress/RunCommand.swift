import ArgumentParser
import Foundation
import FundReports
import MonteCarlo
import ScenarioFiles

/// `fundstress run`: simulate the scenario and write the report set of DESIGN §7.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract:
      "Simulate the scenario and write summary.csv, paths.csv, markets.csv, fund_quantiles.csv, report.md and run.json.",
    discussion: """
      The output folder is written beside its destination and moved into place when complete: \
      an error or Ctrl-C leaves no partial folder. With --fail-if, the report is written and the \
      exit status is 3 when a threshold is breached, e.g. --fail-if 'depletion>0.01' \
      --fail-if 'adl>0.2'.
      """)

  @OptionGroup var simulation: SimulationOptions

  @Option(help: "Output folder (replaced when the run completes).")
  var out: String = "reports/latest"

  @Option(
    name: .customLong("fail-if"),
    help:
      "Exit with status 3 when a summary metric breaches a threshold: METRIC>VALUE (also >=, <, <=; aliases depletion, adl)."
  )
  var failIf: [String] = []

  @Flag(help: "No progress bar and no summary on standard output.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Run shard I of N (I from 0) of the --paths paths and write a partial into --out, for 'fundstress merge'.",
      valueName: "I/N"))
  var shard: String?

  @Option(help: QuantileChoice.help)
  var quantiles: QuantileChoice = .auto

  func validate() throws {
    let memory = ProcessInfo.processInfo.physicalMemory
    let largest = RunStatistics.largestRun(memoryBytes: memory)
    guard simulation.paths <= largest || quantiles.mode(paths: simulation.paths) != .exact else {
      let gigabytes = { (bytes: Double) in
        bytes >= 1e9 ? String(format: "%.1f GB", bytes / 1e9) : String(format: "%.0f MB", bytes / 1e6)
      }
      throw CommandLineError(
        "--paths is \(simulation.paths): its per-path values (\(RunStatistics.bytesPerPath) bytes a path, for exact "
          + "quantiles) need \(gigabytes(Double(simulation.paths) * Double(RunStatistics.bytesPerPath))) of this machine's "
          + "\(gigabytes(Double(memory))); give at most --paths \(largest) or --quantiles sketch")
    }
    for text in failIf {
      do { _ = try FailCondition(parsing: text) } catch { throw CommandLineError("\(error)") }
    }
    if let shard {
      guard failIf.isEmpty else {
        throw CommandLineError("--fail-if needs the whole run; give it to 'fundstress merge', not to a --shard run")
      }
      do { _ = try RunShard(parsing: shard).paths(of: simulation.paths) } catch {
        throw CommandLineError("--shard: \(error)")
      }
    }
  }

  func run() throws {
    if let shard {
      return try ShardPartial(
        options: simulation, shard: try RunShard(parsing: shard), quantiles: quantiles.mode(paths: simulation.paths),
        out: out, quiet: quiet
      ).run()
    }
    try withOneLineErrors {
      let scenario = try simulation.loadScenario()
      let conditions = try failIf.map { try FailCondition(parsing: $0) }
      let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: true)
      let summary: RunSummary
      do {
        summary = try MonteCarloReport(
          scenario: scenario, options: simulation, quantiles: quantiles.mode(paths: simulation.paths), quiet: quiet
        ).write(to: staging.staging)
        try staging.commit()
      } catch {
        staging.discard()
        throw error
      }
      let breached = conditions.filter { $0.isBreached(by: summary) }
      if !quiet {
        print(HeadlineText.lines(summary, folder: staging.destination.path).joined(separator: "\n"))
      }
      for condition in breached {
        FileHandle.standardError.write(Data("fundstress: threshold breached: \(condition)\n".utf8))
      }
      if !breached.isEmpty { throw ExitCode(3) }
    }
  }
}

/// Runs the Monte Carlo of a scenario (``MonteCarloRun``) and writes the report set into a
/// folder: `paths.csv` streamed chunk by chunk, a progress bar, then the report files.
struct MonteCarloReport {
  let scenario: Scenario
  let options: SimulationOptions
  var quantiles = QuantileMode.exact
  let quiet: Bool

  func write(to folder: URL) throws -> RunSummary {
    let started = Date()
    let run = MonteCarloRun(scenario: scenario, quantiles: quantiles)
    let pathsURL = folder.appendingPathComponent(ReportWriter.File.paths)
    // A file that cannot be created is reported by opening it, on the next line.
    _ = FileManager.default.createFile(atPath: pathsURL.path, contents: nil)
    let pathsFile = try FileHandle(forWritingTo: pathsURL)
    defer { try? pathsFile.close() }
    try pathsFile.write(contentsOf: Data(PathsTable.header.utf8))

    var progress = ProgressBar(total: options.paths, quiet: quiet)
    var done = 0
    var statistics = try run.run(paths: 0..<options.paths, threads: options.threads) { chunk in
      try pathsFile.write(contentsOf: chunk.rows)
      done += chunk.statistics.pathCount
      progress.update(done: done)
    }
    progress.finish()
    statistics.sortPerPathValues()

    let context = ReportContext(
      scenarioName: scenario.name, scenarioLines: ScenarioLines.lines(scenario), symbols: scenario.symbols,
      seed: scenario.seed, paths: options.paths, threads: options.threads, version: FundstressVersion.current,
      wallSeconds: Date().timeIntervalSince(started), commandLine: CommandLine.arguments,
      mechanic: scenario.exchange.fund.waterfall.rawValue, ranking: scenario.exchange.adl.ranking.rawValue,
      initialFund: scenario.exchange.fund.balance, depletionThreshold: scenario.exchange.fund.depletionThreshold,
      stepSeconds: scenario.paths.horizon.stepSeconds, identicalPaths: scenario.paths.replay != nil,
      resolvedScenario: scenario.record)
    return try ReportWriter.write(statistics, context: context, to: folder)
  }
}
