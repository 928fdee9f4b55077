import ArgumentParser
import Foundation
import FundReports
import FundSimulation
import PricePaths
import ScenarioFiles

/// `fundstress paths`: export sample price paths for notebooks and spreadsheets.
struct PathsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paths",
    abstract: "Export simulated price paths as CSV: path,step,<symbol>,… (prices in the margin currency).")

  @OptionGroup var simulation: SimulationOptions

  @Option(
    help: ArgumentHelp(
      "Output CSV file (written atomically), or - for standard output.",
      discussion: "An existing regular file is replaced; a folder, a symbolic link or a device is refused."),
    completion: .file(extensions: ["csv"]))
  var out: String

  @Option(parsing: .unconditional, help: "Keep every K-th step (step 0 and the last step are always kept).")
  var every: Int = 1

  /// `--out -`: the CSV goes to standard output, as with most command-line tools.
  static let standardOutput = "-"

  func validate() throws {
    guard every >= 1 else { throw ValidationError("--every is \(every); give a step spacing of 1 or more") }
  }

  func run() throws {
    try withOneLineErrors {
      let scenario = try simulation.loadScenario()
      if out == Self.standardOutput {
        // Standard output cannot be taken back: every path is checked for overflow first
        // (generation twice, formatting once), so a bad scenario writes nothing.
        try write(scenario, to: nil)
        try write(scenario, to: FileHandle.standardOutput)
        return
      }
      let staging = try OutputStaging(destination: URL(fileURLWithPath: out), isDirectory: false)
      try staging.publish { path in
        let file = try FileHandle(forWritingTo: path)
        defer { try? file.close() }
        try write(scenario, to: file)
        try file.close()
      }
    }
  }

  /// Writes the header and the rows of every path, in path order, to `file`, or with no
  /// file only checks that every price is finite. The header goes out with the first chunk,
  /// so a scenario whose first path overflows writes nothing.
  ///
  /// - Throws: the one-line overflow error at the first path whose prices overflow.
  private func write(_ scenario: Scenario, to file: FileHandle?) throws {
    let generator = PathGenerator(model: scenario.paths, seed: scenario.seed)
    var header: Data? = Data(PriceTable.header(symbols: scenario.symbols).utf8)
    let every = every
    let formats = file != nil
    try ChunkedParallelRun.run(
      paths: 0..<simulation.paths, threads: simulation.threads, chunkSize: 16,
      makeWorkspace: { SendableBox(generator.makeWorkspace()) },
      process: { range, box in
        var chunk = Chunk()
        for path in range {
          generator.generate(path: path, into: box.value)
          if let bad = PriceTable.firstNonFinitePrice(workspace: box.value, every: every) {
            chunk.overflow = (path, bad.step, bad.market)
            break
          }
          if formats { PriceTable.appendRows(path: path, workspace: box.value, every: every, to: &chunk.bytes) }
        }
        return chunk
      },
      consume: { chunk in
        // Chunks arrive in path order, so the first overflow reported is the first path's.
        if let bad = chunk.overflow {
          throw overflowError(scenario, path: bad.path, step: bad.step, market: bad.market)
        }
        guard let file else { return }
        if let first = header.take() { try file.write(contentsOf: first) }
        try file.write(contentsOf: chunk.bytes)
      })
  }

  /// The rows of a chunk of paths, up to the first path whose prices overflow.
  private struct Chunk: Sendable {
    var bytes: [UInt8] = []
    var overflow: (path: Int, step: Int, market: Int)?
  }

  /// A price that overflows `Double` is refused rather than written as `inf`.
  private func overflowError(_ scenario: Scenario, path: Int, step: Int, market: Int) -> CommandLineError {
    let file = simulation.scenario ?? "the default scenario"
    return CommandLineError(
      "\(file): markets[\(market)]: the \(scenario.symbols[market]) price of path \(path) at step \(step) "
        + "overflows (it is beyond 1.8e308, written as inf); lower the market's price, volatility, drift or jump "
        + "size, or the horizon, so that prices stay finite")
  }
}
