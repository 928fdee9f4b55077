import Foundation
import FundReports
import MonteCarlo

/// `fundstress merge` of a sharded sweep's or sizing's partials (``StudyPartialMerge``):
/// the same files as the single-machine `sweep` or `size`.
struct StudyMerge {
  let folders: [URL]
  let out: String
  let conditions: [FailCondition]
  let quantiles: QuantileChoice
  let quiet: Bool
  let started: Date

  func run() throws {
    let merge = try StudyPartialMerge(folders: folders)
    guard quantiles == .auto else {
      throw CommandLineError("--quantiles applies to run partials; these are \(merge.kind.rawValue) partials")
    }
    let context = {
      merge.description.studyContext(
        paths: merge.totalPaths, threads: 1, shards: merge.partials.count, version: FundstressVersion.current,
        wallSeconds: Date().timeIntervalSince(started), commandLine: CommandLine.arguments)
    }
    if let plan = merge.size {
      guard conditions.isEmpty else {
        throw CommandLineError("--fail-if applies to run and sweep partials; these are size partials")
      }
      let goals = try plan.targets.map { try SizingTarget(parsing: $0) }
      let (targets, curve) = try merge.fundNeededSample().sizing(
        goals, levels: plan.levels ?? 100, scenarioBalance: merge.description.initialFund)
      try SizeCommand.publish(
        targets: targets, curve: curve, scenarioBalance: merge.description.initialFund, context: context(), out: out,
        quiet: quiet)
    } else {
      let table = try merge.sweepTable(currency: merge.description.currency, conditions: conditions)
      try SweepCommand.publish(table, context: context(), out: out, quiet: quiet)
    }
  }
}
