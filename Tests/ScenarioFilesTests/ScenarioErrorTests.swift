import PricePaths
import Testing

@testable import ScenarioFiles

@Suite("ScenarioError")
struct ScenarioErrorTests {
  @Test("the message is file:line:column: key: problem; fix")
  func fullMessage() {
    let error = ScenarioError(
      file: "s.yaml", line: 12, column: 5, key: "markets[1].volatilty", problem: "unknown key 'volatilty'",
      fix: "did you mean 'volatility'?")
    #expect(
      error.description == "s.yaml:12:5: markets[1].volatilty: unknown key 'volatilty'; did you mean 'volatility'?")
  }

  @Test("unknown parts of the location and an empty key are left out")
  func partialMessages() {
    #expect(
      ScenarioError(file: "p.csv", line: 7, key: "size", problem: "is -2", fix: "give a positive size").description
        == "p.csv:7: size: is -2; give a positive size")
    #expect(
      ScenarioError.unreadable("crash.csv", reason: "No such file").description
        == "crash.csv: cannot be read (No such file); check the path")
  }

  @Test("the message stays on one line when a value contains a line break")
  func oneLine() {
    let error = ScenarioError(file: "f", key: "k", problem: "found 'a\nb'", fix: "x")
    #expect(!error.description.contains("\n"))
  }

  @Test("a library error is located at its key, or at the closest enclosing key")
  func wrapsModelInputError() throws {
    let yaml = "markets:\n  - symbol: BTC\n  - symbol: ETH\n    volatility: -1\n"
    let root = try yamlValue(yaml, key: "")
    let markets = try #require(root.mapping(allowedKeys: ["markets"]).optional("markets")).items()
    _ = try markets[1].mapping(allowedKeys: ["symbol", "volatility"])
    let marks = root.document.marks
    let exact = ScenarioError(
      ModelInputError(key: "markets[1].volatility", problem: "is -1.0", fix: "give a volatility"), file: "s.yaml",
      marks: marks)
    #expect(exact.description == "s.yaml:4:5: markets[1].volatility: is -1.0; give a volatility")
    let enclosing = ScenarioError(
      ModelInputError(key: "markets[1].returns.dof", problem: "is 2.0", fix: "more than 2"), file: "s.yaml",
      marks: marks)
    #expect(enclosing.line == 3)
    let unknown = ScenarioError(ModelInputError(key: "jumps", problem: "p", fix: "f"), file: "s.yaml", marks: marks)
    #expect(unknown.line == nil)
    #expect(unknown.description == "s.yaml: jumps: p; f")
  }

  @Test("malformed YAML is reported at the line Yams gives")
  func malformedYAML() throws {
    let yaml = "name: x\nmarkets:\n  - symbol: BTC\n   price: [1, 2\n"
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.load(yaml: yaml, source: "bad.yaml", baseDirectory: .temporaryDirectory)
    }
    #expect(error?.file == "bad.yaml")
    #expect(error?.line != nil)
    #expect(error?.description.hasPrefix("bad.yaml:") == true)
    #expect(error?.description.contains("malformed YAML") == true)
  }

  @Test("a key written twice is named")
  func duplicateKey() throws {
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.load(yaml: "seed: 1\nseed: 2\n", source: "dup.yaml", baseDirectory: .temporaryDirectory)
    }
    #expect(error?.key == "seed")
    #expect(error?.line == 1)
    #expect(error?.description.contains("more than once") == true)
  }
}
