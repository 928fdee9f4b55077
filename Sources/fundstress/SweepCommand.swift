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

  func validate() throws {
    guard (1...2).contains(vary.count) else {
      throw CommandLineError(
        "give --vary once or twice (got \(vary.count)), e.g. --vary 'markets.*.depth=x0.5,x1,x2'")
    }
    let axes: [SweepAxis]
    do { axes = try vary.map { try SweepAxis(parsing: $0) } } catch { throw CommandLineError("\(error)") }
    if axes.count == 2 && axes[0].key == axes[1].key {
      throw CommandLineError("--vary names '\(axes[0].key)' twice; vary two different keys")
    }
    for text in failIf {
      do { _ = try FailCondition(parsing: text) } catch { throw CommandLineError("\(error)") }
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

      let paths = simulation.paths
      var progress = ProgressBar(total: paths * (cells.count + (baseCell == nil ? 1 : 0)), quiet: quiet)
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
      func rows(_ cell: String, _ values: [String], _ metrics: [PairedMetric]) -> [SweepRow] {
        metrics.map {
          SweepRow(
            cell: cell, keyValues: values, metric: $0.name, value: $0.value, difference: $0.difference,
            unit: $0.unit.label(currency: currency))
        }
      }
      let baseSample = try sample(baseCell.map { cells[$0].scenario } ?? base)
      var table: [SweepRow] = []
      if baseCell == nil {
        table += rows("base", axes.map { _ in "" }, PairedComparison.compare(baseSample, with: baseSample))
      }
      var breaches: [String] = []
      for (index, cell) in cells.enumerated() {
        let result = index == baseCell ? baseSample : try sample(cell.scenario)
        table += rows(String(index), cell.values, PairedComparison.compare(result, with: baseSample))
        let summary = RunSummary(statistics: result.statistics, currency: currency)
        for condition in conditions where condition.isBreached(by: summary) {
          let where_ = zip(axes, cell.values).map { "\($0.key)=\($1)" }.joined(separator: " ")
          breaches.append("cell \(index) (\(where_)): \(condition)")
        }
      }
      progress.finish()

      let fund = base.exchange.fund
      let context = ReportContext(
        scenarioName: base.name, symbols: base.symbols, seed: base.seed, paths: paths, threads: simulation.threads,
        version: FundstressVersion.current, wallSeconds: Date().timeIntervalSince(started),
        commandLine: CommandLine.arguments, currency: currency, mechanic: fund.waterfall.rawValue,
        ranking: base.exchange.adl.ranking.rawValue, initialFund: fund.balance,
        depletionThreshold: fund.depletionThreshold, stepSeconds: base.paths.horizon.stepSeconds,
        resolvedScenario: base.record)
      let report = SweepReport(
        keys: axes.map(\.key), values: axes.map(\.values), rows: table, baseCell: baseCell, context: context)
      let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: true)
      try staging.publish(report.write(to:))
      if !quiet {
        print(report.markdown.components(separatedBy: "\n").filter { $0.hasPrefix("|") }.joined(separator: "\n"))
      }
      if !quiet { print("written: \(staging.destination.path)/\(SweepReport.File.markdown)") }
      for breach in breaches {
        FileHandle.standardError.write(Data("fundstress: threshold breached in \(breach)\n".utf8))
      }
      if !breaches.isEmpty { throw ExitCode(3) }
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
