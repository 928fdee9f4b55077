import Foundation
import Testing

@testable import ScenarioFiles

/// Parses YAML text as the scenario `s.yaml` (files it names are not read).
func parseScenario(_ yaml: String) throws -> ScenarioInput {
  try ScenarioParser(document: YAMLDocument(file: "s.yaml"), baseDirectory: URL(fileURLWithPath: "/data"))
    .parse(yaml: yaml)
}

/// The error parsing YAML text must throw.
func parseError(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
  #expect(throws: ScenarioError.self, sourceLocation: sourceLocation) { try parseScenario(yaml) }
}

@Suite("ScenarioParser")
struct ScenarioParserTests {
  @Test("the small scenario parses with defaults filled in")
  func parsesWithDefaults() throws {
    let input = try parseScenario(smallScenario)
    #expect(input.name == "small")
    #expect(input.seed == 3)
    #expect(input.horizon?.steps == 10)
    #expect(input.markets.map(\.symbol) == ["BTC", "ETH"])
    #expect(input.correlation == [[1, 0.8], [0.8, 1]])
    #expect(!input.repairCorrelation)
    #expect(input.replay == nil)
    #expect(input.cascadeRoundCap == 100)
    #expect(input.checkpointTarget == 96)
    #expect(input.adl.drawdownWindowHours == 8)
  }

  @Test("malformed YAML names the file and line")
  func malformed() {
    let yaml = smallScenario.replacingFirst("  balance: 2.0e7\n", with: "  balance: 2.0e7\n bad: [\n")
    let error = parseError(yaml)
    expectMessage(error, file: "s.yaml", contains: ["malformed YAML"])
    #expect(error?.line != nil)
  }

  @Test("an empty file and a file that is not a mapping are refused")
  func emptyAndNotMapping() {
    expectMessage(parseError(""), file: "s.yaml", key: "", contains: ["is empty", "fundstress scenario default"])
    expectMessage(parseError("# only a comment\n"), file: "s.yaml", contains: ["is empty"])
    expectMessage(parseError("- a\n- b\n"), file: "s.yaml", line: 1, contains: ["found a list"])
  }

  @Test("an unknown top-level key is refused with a suggestion")
  func unknownTopLevelKey() {
    let yaml = smallScenario.replacingFirst("correlation:", with: "corelation:")
    expectMessage(
      parseError(yaml), file: "s.yaml", line: line(of: "corelation:", in: yaml), key: "corelation",
      contains: ["unknown key 'corelation'; did you mean 'correlation'?"])
  }

  /// A repeated symbol used to surface first at `book.synthetic.open_interest.ETH` as an
  /// unknown key whose allowed keys were "BTC, BTC".
  @Test("a repeated market symbol is named where it repeats")
  func repeatedSymbol() {
    let yaml = smallScenario.replacingFirst("- symbol: ETH", with: "- symbol: BTC")
    let repeated = yaml.components(separatedBy: "\n").lastIndex { $0.contains("- symbol: BTC") }.map { $0 + 1 }
    expectMessage(
      parseError(yaml), file: "s.yaml", line: repeated,
      key: "markets[1].symbol", contains: ["'BTC' repeats markets[0]", "unique symbol"])
  }

  @Test("missing required blocks are named")
  func missingBlocks() {
    let noMarkets = "horizon: {steps: 5}\nbook: {positions: b.csv}\nfund: {balance: 1, waterfall: takeover}\n"
    expectMessage(parseError(noMarkets), file: "s.yaml", line: 1, key: "markets", contains: ["is missing"])
    let noHorizon = smallScenario.replacingFirst("horizon: {steps: 10, step_seconds: 60}\n", with: "")
    expectMessage(parseError(noHorizon), file: "s.yaml", key: "horizon", contains: ["is missing", "steps: 1440"])
    let noSteps = smallScenario.replacingFirst("steps: 10, ", with: "")
    expectMessage(
      parseError(noSteps), file: "s.yaml", line: line(of: "horizon:", in: noSteps), key: "horizon.steps",
      contains: ["is missing"])
  }

  @Test("the jumps model needs a jumps block, reported at the market that uses it")
  func jumpsBlockRequired() throws {
    let yaml = smallScenario.replacingFirst("{model: student-t, dof: 4}", with: "{model: jumps, dof: 4}")
    expectMessage(
      parseError(yaml), file: "s.yaml", line: line(of: "model: jumps", in: yaml), key: "jumps",
      contains: ["markets[0] (BTC) uses the jumps model", "intensity"])
    let withJumps = yaml + "jumps: {intensity: 0.5, mean: -0.04, stdev: 0.02}\n"
    let input = try parseScenario(withJumps)
    #expect(input.jumps?.intensityPerDay == 0.5)
    #expect(input.markets[0].returns == .jumps(beta: 1, dof: 4))
  }

  @Test("files are resolved against the scenario's folder")
  func fileReferences() throws {
    let input = try parseScenario(smallScenario + "replay: crashes/feb.csv\n")
    #expect(input.replay?.url.path == "/data/crashes/feb.csv")
    #expect(input.replay?.written == "crashes/feb.csv")
    #expect(input.replay?.key == "replay")
  }

  @Test("simulation settings are read and checked")
  func simulation() throws {
    let input = try parseScenario(smallScenario + "simulation: {cascade_round_cap: 7, checkpoints: 12}\n")
    #expect(input.cascadeRoundCap == 7)
    #expect(input.checkpointTarget == 12)
    let yaml = smallScenario + "simulation: {checkpoints: 0}\n"
    expectMessage(
      parseError(yaml), file: "s.yaml", line: line(of: "checkpoints: 0", in: yaml), key: "simulation.checkpoints")
  }

  @Test("correlation_repair takes none or nearest")
  func correlationRepair() throws {
    #expect(try parseScenario(smallScenario + "correlation_repair: nearest\n").repairCorrelation)
    let yaml = smallScenario + "correlation_repair: higham\n"
    expectMessage(
      parseError(yaml), file: "s.yaml", line: line(of: "higham", in: yaml), key: "correlation_repair",
      contains: ["expected one of none, nearest, found 'higham'"])
  }
}
