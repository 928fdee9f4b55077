import ArgumentParser
import Foundation
import FundReports
import MonteCarlo
import ScenarioFiles

/// `fundstress run`: simulate the scenario and write the report set of docs/REPORTS.md.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract:
      "Simulate the scenario and write summary.csv, paths.csv, markets.csv, fund_quantiles.csv, report.md, report.html and run.json.",
    discussion: """
      The output folder is written beside its destination and moved into place when complete: \
      an error or Ctrl-C leaves no partial folder. With --fail-if, the report is written and the \
      exit status is 3 when a threshold is breached, e.g. --fail-if 'depletion>0.01' \
      --fail-if 'adl>0.2'.
      """)

  @OptionGroup var simulation: SimulationOptions

  @Option(
    help: ArgumentHelp(
      "Output folder (replaced when the run completes).",
      discussion: "Only an earlier report folder is replaced; a symbolic link or a folder of other files is refused."),
    completion: .directory)
  var out: String = "reports/latest"

  @Option(name: .customLong("fail-if"), help: ThresholdBreaches.help)
  var failIf: [String] = []

  @Option(
    name: .customLong("paths-csv"),
    help: "The per-path table: full (paths.csv), gzip (paths.csv.gz, about a third of the size) or none.")
  var pathsCSV: PathsCSVMode = .full

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
    guard out != PathsCommand.standardOutput else {
      throw ValidationError(
        "--out is -, but run writes a folder of files; give a folder path, e.g. --out reports/latest")
    }
    let memory = ProcessInfo.processInfo.physicalMemory
    let largest = RunStatistics.largestRun(memoryBytes: memory)
    guard simulation.paths <= largest || quantiles.mode(paths: simulation.paths) != .exact else {
      let gigabytes = { (bytes: Double) in
        bytes >= 1e9 ? String(format: "%.1f GB", bytes / 1e9) : String(format: "%.0f MB", bytes / 1e6)
      }
      throw ValidationError(
        "--paths is \(simulation.paths): its per-path values (\(RunStatistics.bytesPerPath) bytes a path, for exact "
          + "quantiles) need \(gigabytes(Double(simulation.paths) * Double(RunStatistics.bytesPerPath))) of this machine's "
          + "\(gigabytes(Double(memory))); give at most --paths \(largest) or --quantiles sketch")
    }
    try ThresholdBreaches.validate(failIf)
    if let shard {
      guard failIf.isEmpty else {
        throw ValidationError("--fail-if needs the whole run; give it to 'fundstress merge', not to a --shard run")
      }
      try ShardPartial.validate(shard, paths: simulation.paths)
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
      let summary = try staging.publish(
        MonteCarloReport(
          scenario: scenario, options: simulation, quantiles: quantiles.mode(paths: simulation.paths), quiet: quiet,
          failConditions: conditions, pathsCSV: pathsCSV
        ).write(to:))
      if !quiet {
        print(HeadlineText.lines(summary, folder: staging.destination.path).joined(separator: "\n"))
      }
      try ThresholdBreaches.check(conditions, summary)
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
  var failConditions: [FailCondition] = []
  var pathsCSV: PathsCSVMode = .full

  func write(to folder: URL) throws -> RunSummary {
    let started = Date()
    let run = MonteCarloRun(scenario: scenario, quantiles: quantiles)
    let pathsFile = try PathsCSVSink(mode: pathsCSV, folder: folder)
    var progress = ProgressBar(total: options.paths, quiet: quiet)
    var done = 0
    var statistics = try run.run(paths: 0..<options.paths, threads: options.threads, rows: pathsCSV != .none) {
      chunk in
      try pathsFile.write(chunk.rows)
      done += chunk.statistics.pathCount
      progress.update(done: done)
    }
    progress.finish()
    try pathsFile.finish()
    statistics.sortPerPathValues()

    var context = try RunDescription(scenario: scenario, lines: ScenarioLines.lines(scenario)).reportContext(
      paths: options.paths, threads: options.threads, shards: nil, version: FundstressVersion.current,
      wallSeconds: Date().timeIntervalSince(started), commandLine: CommandLine.arguments, runDate: started)
    context.failConditions = failConditions
    return try ReportWriter.write(statistics, context: context, to: folder)
  }
}
