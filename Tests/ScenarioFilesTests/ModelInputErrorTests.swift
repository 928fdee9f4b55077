import Testing

@testable import ScenarioFiles

@Suite("ModelInputError")
struct ModelInputErrorTests {
  // Expected: one line, `key: problem; fix` (the type's doc and docs/REPORTS.md, "Bad input").
  @Test func descriptionIsOneLine() {
    let error = ModelInputError(key: "markets[2].volatility", problem: "is -0.5", fix: "give a volatility ≥ 0")
    #expect(error.description == "markets[2].volatility: is -0.5; give a volatility ≥ 0")
    #expect(!error.description.contains("\n"))
    #expect(error == ModelInputError(key: "markets[2].volatility", problem: "is -0.5", fix: "give a volatility ≥ 0"))
  }
}
