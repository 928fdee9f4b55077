import ArgumentParser
import Foundation
import FundReports
import MonteCarlo

/// `fundstress merge`: merge the partials of a sharded run into its report set.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract:
      "Merge the partials written by 'fundstress run|sweep|size --shard I/N' into the report set of the whole run.",
    discussion: """
      The partials must be of one scenario, seed and path count and cover every path exactly \
      once; otherwise nothing is written. summary.csv, paths.csv, markets.csv and \
      fund_quantiles.csv are byte-identical to a single-machine run; report.md and run.json \
      differ only in run metadata (wall time, threads, shards). With --fail-if, as with run, \
      the report is written and the exit status is 3 when a threshold is breached. Partials of \
      'sweep --shard' or 'size --shard' give the files of sweep or size, their CSVs byte-identical.
      """)

  @Argument(help: "The partial folders, one per shard, in any order.")
  var partials: [String] = []

  @Option(help: "Output folder (replaced when the merge completes).")
  var out: String = "reports/latest"

  @Option(help: QuantileChoice.help)
  var quantiles: QuantileChoice = .auto

  @Option(name: .customLong("fail-if"), help: ThresholdBreaches.help)
  var failIf: [String] = []

  @Flag(help: "No summary on standard output.")
  var quiet = false

  func validate() throws {
    guard !partials.isEmpty else {
      throw CommandLineError("give the partial folders to merge, e.g. fundstress merge shards/* --out report")
    }
    let destination = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
    if let clash = partials.first(where: {
      URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path == destination
    }) {
      throw CommandLineError("--out \(out) is the partial \(clash); write the report to another folder")
    }
    try ThresholdBreaches.validate(failIf)
  }

  func run() throws {
    try withOneLineErrors {
      let started = Date()
      let conditions = try failIf.map { try FailCondition(parsing: $0) }
      let folders = partials.map { URL(fileURLWithPath: $0) }
      let kind = try StudyPartial.Kind.common(of: folders)
      guard kind == .run else {
        return try StudyMerge(
          folders: folders, out: out, conditions: conditions, quantiles: quantiles, quiet: quiet, started: started
        ).run()
      }
      let merge = try PartialMerge(folders: folders)
      let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: true)
      let sketch = quantiles.mode(paths: merge.totalPaths) != .exact
      let summary = try staging.publish { folder in
        try merge.writeReport(to: folder, sketch: sketch, requireExact: quantiles == .exact) {
          var context = merge.description.reportContext(
            paths: merge.totalPaths, threads: 1, shards: merge.partials.count, version: FundstressVersion.current,
            wallSeconds: Date().timeIntervalSince(started), commandLine: CommandLine.arguments)
          context.failConditions = conditions
          return context
        }
      }
      if !quiet {
        print(HeadlineText.lines(summary, folder: staging.destination.path).joined(separator: "\n"))
      }
      try ThresholdBreaches.check(conditions, summary)
    }
  }
}
