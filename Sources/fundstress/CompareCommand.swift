import ArgumentParser
import Foundation
import FundReports

/// `fundstress compare A B`: each summary metric's change from run A to run B.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract:
      "Compare two run folders: each summary metric's change with a 95% interval and whether it is significant.",
    discussion: """
      Paired path by path from paths.csv when both runs share the book, the seed and the number \
      of paths (common random numbers: far tighter intervals); unpaired from summary.csv otherwise. \
      Writes compare.csv and compare.md into --out and prints the headline changes.
      """)

  @Argument(help: "The earlier (baseline) run folder.", completion: .directory)
  var a: String

  @Argument(help: "The later run folder.", completion: .directory)
  var b: String

  @Option(help: "Output folder for compare.csv and compare.md (replaced when complete).", completion: .directory)
  var out: String = "reports/compare"

  func run() throws {
    try withOneLineErrors {
      let runA = try RunFolder(URL(fileURLWithPath: a))
      let runB = try RunFolder(URL(fileURLWithPath: b))
      let comparison = try RunComparison(runA, runB)
      let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: true)
      try staging.publish { folder in
        try Data(ComparisonReport.csv(comparison).utf8).write(
          to: folder.appendingPathComponent(ComparisonReport.csvFile))
        try Data(ComparisonReport.markdown(comparison, a: runA, b: runB).utf8).write(
          to: folder.appendingPathComponent(ComparisonReport.markdownFile))
      }
      let method = comparison.unpairedReason.map { "unpaired: \($0)" } ?? "paired (common random numbers)"
      print("compare \(runA.runID) → \(runB.runID), \(method)")
      print(ComparisonReport.headline(comparison, metrics: HeadlineText.metrics).joined(separator: "\n"))
      print("report: \(staging.destination.path)/\(ComparisonReport.markdownFile)")
    }
  }
}
