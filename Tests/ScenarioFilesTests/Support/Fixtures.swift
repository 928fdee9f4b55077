import Foundation
import Testing

@testable import ScenarioFiles

/// A temporary folder for scenario, positions and replay files, removed when released.
final class Fixtures {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("fundstress-scenario-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  /// Writes `text` to `name` in the folder and returns its URL.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  /// Writes a scenario and loads it.
  func load(_ yaml: String, name: String = "scenario.yaml") throws -> Scenario {
    try ScenarioLoader.load(contentsOf: write(name, yaml))
  }

  /// Writes a scenario, loads it and returns the error it must throw.
  func loadError(
    _ yaml: String, name: String = "scenario.yaml", sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ScenarioError? {
    let url = try write(name, yaml)
    return #expect(throws: ScenarioError.self, sourceLocation: sourceLocation) {
      try ScenarioLoader.load(contentsOf: url)
    }
  }
}

/// The 1-based line of the first line of `text` containing `needle`.
func line(of needle: String, in text: String) -> Int {
  let lines = text.components(separatedBy: "\n")
  guard let index = lines.firstIndex(where: { $0.contains(needle) }) else {
    Issue.record("'\(needle)' not found")
    return 0
  }
  return index + 1
}

/// Checks the shape every error message must have: one line that names the file, the line
/// (when given) and the key.
func expectMessage(
  _ error: ScenarioError?, file: String, line: Int? = nil, key: String? = nil, contains parts: [String] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let error else {
    Issue.record("no error", sourceLocation: sourceLocation)
    return
  }
  let message = error.description
  #expect(!message.contains("\n"), "not one line: \(message)", sourceLocation: sourceLocation)
  #expect(error.file.hasSuffix(file), "file: \(message)", sourceLocation: sourceLocation)
  if let line {
    #expect(error.line == line, "line: \(message)", sourceLocation: sourceLocation)
    #expect(message.contains("\(file):\(line)"), "location: \(message)", sourceLocation: sourceLocation)
  }
  if let key { #expect(error.key == key, "key: \(message)", sourceLocation: sourceLocation) }
  for part in parts { #expect(message.contains(part), "'\(part)' missing: \(message)", sourceLocation: sourceLocation) }
}

/// A small valid scenario: two markets, ten steps, a tiny synthetic book. Tests replace
/// parts of it with `replacingFirst(_:with:)`.
let smallScenario = """
  name: small
  seed: 3
  horizon: {steps: 10, step_seconds: 60}
  markets:
    - symbol: BTC
      price: 90000
      volatility: 0.55
      returns: {model: student-t, dof: 4}
      maintenance_margin: 0.01
      depth: 3.0e7
      max_leverage: 50
    - symbol: ETH
      price: 3000
      volatility: 0.7
      returns: {model: student-t, dof: 4}
      maintenance_margin: 0.01
      depth: .inf
  correlation:
    - [1.0, 0.8]
    - [0.8, 1.0]
  book:
    synthetic:
      positions_per_market: 20
      open_interest: {BTC: 4.0e8, ETH: 2.5e8}
  fund:
    balance: 2.0e7
    waterfall: market-close

  """

extension String {
  /// The text with the first occurrence of `old` replaced (which must exist).
  func replacingFirst(_ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    guard let range = range(of: old) else {
      Issue.record("'\(old)' not in the text", sourceLocation: sourceLocation)
      return self
    }
    return replacingCharacters(in: range, with: new)
  }
}
