import ArgumentParser
import Foundation
import FundReports
import MonteCarlo
import ScenarioFiles

/// `fundstress size`: the fund needed for depletion or ADL targets.
struct SizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "size",
    abstract:
      "Find the fund needed for targets; write sizing.csv, targets.csv, size.md, sizing_curve.svg and run.json.",
    discussion: """
      With the market-close waterfall and no drawdown trigger the answer is exact from one run \
      (method one-run): the curve at any balance F equals `fundstress run --set fund.balance=F` \
      with the same seed and paths. Otherwise each balance tried is a full run on the same paths \
      (method bisection). Example: fundstress size --paths 100000 --target 'depletion<=0.01' \
      --target 'depletion<=0.001' --target 'adl<=0.05'.
      """)

  @OptionGroup var simulation: SimulationOptions

  @Option(
    name: .customLong("target"), parsing: .unconditionalSingleValue,
    help: "A target METRIC<=P (also <), METRIC depletion or adl; repeatable (default depletion<=0.01).")
  var targets: [String] = []

  @Option(help: "auto (one-run where exact, else bisection), one-run or bisection.")
  var method: String = "auto"

  @Option(help: "Bisection stops when its bracket is narrower than this share of the balance.")
  var tolerance: Double = 1e-3

  @Option(
    help: ArgumentHelp(
      "Balances on the curve (default: 100 for one-run, free; 50 for bisection, each a full run).",
      valueName: "N"))
  var levels: Int?

  @Option(help: "Output folder (replaced when the sizing completes).")
  var out: String = "reports/size"

  @Flag(help: "No progress bar and no summary on standard output.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Run shard I of N (I from 0) of the --paths paths (one-run method only) and write a partial into --out, for 'fundstress merge'.",
      valueName: "I/N"))
  var shard: String?

  /// Why bisection cannot be sharded.
  static let bisectionShardReason =
    "bisection cannot be sharded (each balance it tries depends on the whole run at the previous one)"

  func validate() throws {
    for text in targets {
      do { _ = try SizingTarget(parsing: text) } catch { throw ValidationError("\(error)") }
    }
    guard ["auto", "one-run", "bisection"].contains(method) else {
      throw ValidationError("--method is '\(method)'; use auto, one-run or bisection")
    }
    if let levels, !(1...10_000).contains(levels) {
      throw ValidationError("--levels is \(levels); give between 1 and 10000 balances")
    }
    guard tolerance > 0, tolerance < 0.5 else {
      throw ValidationError("--tolerance is \(tolerance); give a share between 0 and 0.5, e.g. 0.001")
    }
    if let shard {
      guard method != "bisection" else {
        throw ValidationError(
          "--shard with --method bisection: \(Self.bisectionShardReason); use --method one-run, or shard "
            + "'fundstress run --set fund.balance=F' at each balance")
      }
      try ShardPartial.validate(shard, paths: simulation.paths)
    }
  }

  func run() throws {
    try withOneLineErrors {
      let started = Date()
      let scenario = try simulation.loadScenario()
      let run = MonteCarloRun(scenario: scenario)
      let goals = try goals
      let oneRun = run.simulator.fundNeededFromOneRun
      if method == "one-run" && !oneRun {
        let scope = scenario.exchange.fund.scope
        let scoped = scope == .shared ? "" : ", fund scope \(scope.name)"
        throw CommandLineError(
          "--method one-run needs the market-close waterfall without a drawdown trigger and the shared fund; the scenario has "
            + "\(scenario.exchange.fund.waterfall.rawValue)\(scenario.exchange.adl.drawdownTrigger == nil ? "" : " with a drawdown trigger")\(scoped); "
            + "use --method auto or bisection")
      }
      if let shard {
        guard oneRun else {
          throw CommandLineError(
            "--shard: the scenario needs bisection (\(scenario.exchange.fund.waterfall.rawValue)"
              + "\(scenario.exchange.adl.drawdownTrigger == nil ? "" : " with a drawdown trigger")) and "
              + "\(Self.bisectionShardReason); run it on one machine, or shard 'fundstress run --set fund.balance=F'")
        }
        return try writePartial(run, shard: try RunShard(parsing: shard))
      }
      let fund = scenario.exchange.fund
      let paths = simulation.paths
      var sized: [SizedTarget]
      var points: [SizingPoint]
      if oneRun && method != "bisection" {
        var progress = ProgressBar(total: paths, quiet: quiet)
        let sample = try FundSizing.sample(run, paths: 0..<paths, threads: simulation.threads) {
          progress.update(done: $0)
        }
        progress.finish()
        (sized, points) = sample.sizing(goals, levels: levels ?? 100, scenarioBalance: fund.balance)
      } else {
        var evaluated: [Double: SizingPoint] = [:]
        sized = try goals.map { goal in
          try FundSizing.bisect(
            goal, threshold: fund.depletionThreshold, start: fund.balance, tolerance: tolerance,
            evaluated: &evaluated, evaluate: evaluate(balance:))
        }
        // The curve: the balances tried and an even grid up to a quarter above the largest
        // answer (or the scenario's balance), each a full run on the same paths.
        let upper = 1.25 * (sized.compactMap(\.fundNeeded) + [fund.balance]).max()!
        for balance in FundSizing.grid(threshold: fund.depletionThreshold, upper: upper, levels: levels ?? 50)
        where evaluated[balance] == nil {
          evaluated[balance] = try evaluate(balance: balance)
        }
        points = evaluated.values.sorted { $0.balance < $1.balance }
      }

      let context = try RunDescription(scenario: scenario, lines: []).studyContext(
        paths: paths, threads: simulation.threads, shards: nil, version: FundstressVersion.current,
        wallSeconds: Date().timeIntervalSince(started), commandLine: CommandLine.arguments)
      try Self.publish(
        targets: sized, curve: points, scenarioBalance: fund.balance, context: context, out: out, quiet: quiet)
    }
  }

  /// The targets given, or the default.
  var goals: [SizingTarget] {
    get throws { try (targets.isEmpty ? ["depletion<=0.01"] : targets).map { try SizingTarget(parsing: $0) } }
  }

  /// Writes the sizing's files into `out` and prints the answers: the end of `size` and of
  /// `merge` of its shards.
  static func publish(
    targets sized: [SizedTarget], curve points: [SizingPoint], scenarioBalance: Double, context: ReportContext,
    out: String, quiet: Bool
  ) throws {
    let report = SizingReport(
      curve: points.map(\.row), targets: sized.map(\.row), scenarioBalance: scenarioBalance, context: context)
    let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: true)
    try staging.publish(report.write(to:))
    if !quiet {
      for target in sized {
        let needed = target.fundNeeded.map { CSVField.format($0) } ?? "not reachable"
        let interval =
          "\(target.low.map { CSVField.format($0) } ?? "—") – \(target.high.map { CSVField.format($0) } ?? "—")"
        print("\(target.target): fund needed \(needed) (95% CI \(interval)), \(target.method.rawValue)")
      }
      print("written: \(staging.destination.path)/\(SizingReport.File.markdown)")
    }
  }

  /// `--shard I/N`: the shard's funds needed, written as a partial into `out`.
  private func writePartial(_ run: MonteCarloRun, shard: RunShard) throws {
    let plan = SizingPlan(targets: try goals.map(\.description), levels: levels)
    try ShardPartial.publish(
      shard, of: simulation.paths, scenario: run.scenario, out: out, quiet: quiet, label: "size shard"
    ) { description, folder, progress in
      try StudyPartialWriter.writeSizing(
        run, plan: plan, shard: shard, totalPaths: simulation.paths, threads: simulation.threads,
        description: description, version: FundstressVersion.current, to: folder, progress: progress)
    }
  }

  /// A full run at `balance` on the same paths (`--set fund.balance=…` after the others).
  private func evaluate(balance: Double) throws -> SizingPoint {
    let override = try ScenarioOverride(parsing: "fund.balance=\(balance)")
    let scenario = try simulation.loadScenario(extra: [override])
    var progress = ProgressBar(total: simulation.paths, quiet: quiet)
    var done = 0
    let statistics = try MonteCarloRun(scenario: scenario).run(
      paths: 0..<simulation.paths, threads: simulation.threads, rows: false
    ) { chunk in
      done += chunk.statistics.pathCount
      progress.update(done: done)
    }
    progress.finish()
    return SizingPoint(
      balance: balance, paths: statistics.pathCount, depleted: statistics.depletedPaths, adl: statistics.adlPaths)
  }
}
