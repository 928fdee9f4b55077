import ArgumentParser
import Foundation
import FundReports
import MonteCarlo
import ScenarioFiles

/// `fundstress sweep`: the scenario over a grid of values of one or two keys, every cell on
/// the same paths and book, with differences paired path by path.
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run the scenario over values of one or two keys; write sweep.csv, sweep.md with charts and run.json.",
    discussion: """
      Every cell runs the same seed, paths and book (common random numbers), so its difference \
      from the scenario's own values (diff_vs_base) is paired path by path and measured far more \
      precisely than the cells themselves. Example: fundstress sweep --paths 20000 \
      --vary 'markets.*.depth=x0.5,x1,x2' --vary 'markets.*.volatility=x1,x1.5,x2'. With --fail-if \
      the exit status is 3 when any cell breaches a threshold.
      """)

  @OptionGroup var simulation: SimulationOptions

  @Option(
    name: .customLong("vary"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "A key and its values, KEY=V1,V2,… (values absolute or xK; any key --set takes); once or twice.",
      valueName: "KEY=V1,V2,…"))
  var vary: [String] = []

  @Option(help: "Output folder (replaced when the sweep completes).")
  var out: String = "reports/sweep"

  @Option(
    name: .customLong("fail-if"),
    help: "Exit with status 3 when any cell breaches a threshold: METRIC>VALUE (also >=, <, <=).")
  var failIf: [String] = []

  @Flag(help: "No progress bar and no table on standard output.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Run shard I of N (I from 0) of the --paths paths at every cell and write a partial into --out, for 'fundstress merge'.",
      valueName: "I/N"))
  var shard: String?

  func validate() throws {
    guard (1...2).contains(vary.count) else {
      throw ValidationError(
        "give --vary once or twice (got \(vary.count)), e.g. --vary 'markets.*.depth=x0.5,x1,x2'")
    }
    let axes: [SweepAxis]
    do { axes = try vary.map { try SweepAxis(parsing: $0) } } catch { throw ValidationError("\(error)") }
    if axes.count == 2 && axes[0].key == axes[1].key {
      throw ValidationError("--vary names '\(axes[0].key)' twice; vary two different keys")
    }
    try ThresholdBreaches.validate(failIf)
    if let shard {
      guard failIf.isEmpty else {
        throw ValidationError("--fail-if needs the whole sweep; give it to 'fundstress merge', not to a --shard sweep")
      }
      try ShardPartial.validate(shard, paths: simulation.paths)
    }
  }

  func run() throws {
    try withOneLineErrors {
      let started = Date()
      let axes = try vary.map { try SweepAxis(parsing: $0) }
      let conditions = try failIf.map { try FailCondition(parsing: $0) }
      let base = try simulation.loadScenario()
      // Every cell is loaded (and so checked) before anything runs.
      var cells: [(values: [String], scenario: Scenario)] = []
      for first in axes[0].values.indices {
        for second in axes.count == 2 ? Array(axes[1].values.indices) : [0] {
          let indices = axes.count == 2 ? [first, second] : [first]
          let overrides = try zip(axes, indices).map { try $0.override($1) }
          cells.append(
            (zip(axes, indices).map { $0.values[$1] }, try simulation.loadScenario(extra: overrides)))
        }
      }
      let baseCell = cells.firstIndex { Self.sameModel($0.scenario, base) }
      let points = (baseCell == nil ? [base] : []) + cells.map(\.scenario)
      let plan = try SweepPlan(
        keys: axes.map(\.key), values: axes.map(\.values), cells: cells.map(\.values), baseCell: baseCell,
        scenarios: points)
      if let shard {
        return try writePartial(plan, points: points, base: base, shard: try RunShard(parsing: shard))
      }

      let paths = simulation.paths
      var progress = ProgressBar(total: paths * points.count, quiet: quiet)
      var done = 0
      func sample(_ scenario: Scenario) throws -> PairedSample {
        let start = done
        let result = try PairedSample.run(
          MonteCarloRun(scenario: scenario), paths: 0..<paths, threads: simulation.threads
        ) {
          done = start + $0
          progress.update(done: done)
        }
        return result
      }
      let currency = "USDC"
      var table = SweepTable(
        plan: plan, base: try sample(points[plan.basePoint]), currency: currency, conditions: conditions)
      for index in cells.indices {
        table.add(cell: index, index == baseCell ? table.base : try sample(cells[index].scenario))
      }
      progress.finish()

      let context = try RunDescription(scenario: base, lines: [], currency: currency).studyContext(
        paths: paths, threads: simulation.threads, shards: nil, version: FundstressVersion.current,
        wallSeconds: Date().timeIntervalSince(started), commandLine: CommandLine.arguments)
      try Self.publish(table, context: context, out: out, quiet: quiet)
    }
  }

  /// Writes the sweep's files from its table into `out`, prints the table, and reports
  /// the breached cells (exit status 3): the end of `sweep` and of `merge` of its shards.
  static func publish(_ table: SweepTable, context: ReportContext, out: String, quiet: Bool) throws {
    let plan = table.plan
    let report = SweepReport(
      keys: plan.keys, values: plan.values, rows: table.rows, baseCell: plan.baseCell, context: context)
    let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: true)
    try staging.publish(report.write(to:))
    if !quiet {
      print(report.markdown.components(separatedBy: "\n").filter { $0.hasPrefix("|") }.joined(separator: "\n"))
    }
    if !quiet { print("written: \(staging.destination.path)/\(SweepReport.File.markdown)") }
    for breach in table.breaches {
      FileHandle.standardError.write(Data("fundstress: threshold breached in \(breach)\n".utf8))
    }
    if !table.breaches.isEmpty { throw ExitCode(3) }
  }

  /// `--shard I/N`: the shard's paths at every point, written as a partial into `out`.
  private func writePartial(_ plan: SweepPlan, points: [Scenario], base: Scenario, shard: RunShard) throws {
    try ShardPartial.publish(
      shard, of: simulation.paths, scenario: base, out: out, quiet: quiet, stepsPerPath: points.count,
      label: "sweep shard", detail: " at \(points.count) points"
    ) { description, folder, progress in
      try StudyPartialWriter.writeSweep(
        points.map { MonteCarloRun(scenario: $0) }, plan: plan, shard: shard, totalPaths: simulation.paths,
        threads: simulation.threads, description: description, version: FundstressVersion.current, to: folder,
        progress: progress)
    }
  }

  /// Whether two scenarios simulate the same model (records equal but for how they were
  /// reached: the overrides list).
  static func sameModel(_ a: Scenario, _ b: Scenario) -> Bool {
    var left = a.record
    var right = b.record
    left.overrides = []
    right.overrides = []
    return left == right
  }
}
