import ArgumentParser
import Foundation
import FundReports
import FundSimulation
import PricePaths

/// `fundstress paths`: export sample price paths for notebooks and spreadsheets.
struct PathsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paths",
    abstract: "Export simulated price paths as CSV: path,step,<symbol>,… (prices in the margin currency).")

  @OptionGroup var simulation: SimulationOptions

  @Option(help: "Output CSV file (written atomically).", completion: .file(extensions: ["csv"]))
  var out: String

  @Option(parsing: .unconditional, help: "Keep every K-th step (step 0 and the last step are always kept).")
  var every: Int = 1

  func validate() throws {
    guard every >= 1 else { throw CommandLineError("--every is \(every); give a step spacing of 1 or more") }
  }

  func run() throws {
    try withOneLineErrors {
      let scenario = try simulation.loadScenario()
      let generator = PathGenerator(model: scenario.paths, seed: scenario.seed)
      let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: false)
      do {
        let file = try FileHandle(forWritingTo: staging.staging)
        defer { try? file.close() }
        try file.write(contentsOf: Data(PriceTable.header(symbols: scenario.symbols).utf8))
        let every = every
        try ChunkedParallelRun.run(
          paths: 0..<simulation.paths, threads: simulation.threads, chunkSize: 16,
          makeWorkspace: { SendableBox(generator.makeWorkspace()) },
          process: { range, box in
            var bytes: [UInt8] = []
            for path in range {
              generator.generate(path: path, into: box.value)
              PriceTable.appendRows(path: path, workspace: box.value, every: every, to: &bytes)
            }
            return bytes
          },
          consume: { try file.write(contentsOf: $0) })
        try file.close()
        try staging.commit()
      } catch {
        staging.discard()
        throw error
      }
    }
  }
}
