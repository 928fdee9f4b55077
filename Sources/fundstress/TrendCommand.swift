import ArgumentParser
import Foundation
import FundReports

/// `fundstress trend RUN_DIR…`: the history of scheduled runs.
struct TrendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trend",
    abstract: "Follow the summary metrics across run folders in run-date order: trend.csv, trend.md, trend.svg.")

  @Argument(help: "Run folders written by fundstress run (any order; sorted by run date).", completion: .directory)
  var runs: [String]

  @Option(help: "Output folder for trend.csv, trend.md and trend.svg (replaced when complete).", completion: .directory)
  var out: String = "reports/trend"

  func validate() throws {
    guard !runs.isEmpty else { throw CommandLineError("no run folders; give one or more, e.g. reports/2026-*") }
  }

  func run() throws {
    try withOneLineErrors {
      let folders = TrendReport.ordered(try runs.map { try RunFolder(URL(fileURLWithPath: $0)) })
      let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: true)
      let document = TrendReport.document(folders)
      try staging.publish { folder in
        var files = [
          (TrendReport.csvFile, TrendReport.csv(folders)),
          (TrendReport.markdownFile, MarkdownReport.render(document)),
        ]
        for case .chart(let file, _, let svg) in document.blocks { files.append((file, svg)) }
        for (name, text) in files {
          try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
      }
      print("trend of \(folders.count) runs, \(folders.first?.runDate ?? "") to \(folders.last?.runDate ?? "")")
      print("report: \(staging.destination.path)/\(TrendReport.markdownFile)")
    }
  }
}
