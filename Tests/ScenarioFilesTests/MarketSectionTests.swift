import FundSimulation
import PricePaths
import Testing

@testable import ScenarioFiles

@Suite("MarketSection")
struct MarketSectionTests {
  @Test("a market's keys with their defaults")
  func defaults() throws {
    let input = try parseScenario(smallScenario)
    #expect(input.markets[1] == MarketModel(symbol: "ETH", price: 3000, volatility: 0.7, returns: .studentT(dof: 4)))
    #expect(input.rules[1] == MarketRules(maintenanceMargin: 0.01, depth: .infinity))
  }

  @Test("a wrong type is named with the value found")
  func wrongType() {
    let yaml = smallScenario.replacingFirst("price: 3000", with: "price: abc")
    expectMessage(
      parseError(yaml), file: "s.yaml", line: line(of: "price: abc", in: yaml), key: "markets[1].price",
      contains: ["markets[1].price: expected a number, found 'abc'"])
  }

  @Test("an unknown market key gets a suggestion")
  func unknownKey() {
    let yaml = smallScenario.replacingFirst("volatility: 0.7", with: "volatilty: 0.7")
    expectMessage(
      parseError(yaml), file: "s.yaml", line: line(of: "volatilty", in: yaml), key: "markets[1].volatilty",
      contains: ["unknown key 'volatilty'; did you mean 'volatility'?"])
  }

  @Test("a missing maintenance margin is named")
  func missingMaintenanceMargin() {
    let yaml = smallScenario.replacingFirst("    maintenance_margin: 0.01\n    depth: .inf", with: "    depth: .inf")
    expectMessage(
      parseError(yaml), file: "s.yaml", line: line(of: "- symbol: ETH", in: yaml),
      key: "markets[1].maintenance_margin", contains: ["is missing"])
  }

  @Test("a negative volatility is refused at its line")
  func negativeVolatility() throws {
    let fixtures = try Fixtures()
    let yaml = smallScenario.replacingFirst("volatility: 0.7", with: "volatility: -0.7")
    expectMessage(
      try fixtures.loadError(yaml), file: "scenario.yaml", line: line(of: "volatility: -0.7", in: yaml),
      key: "markets[1].volatility", contains: ["is -0.7"])
  }

  @Test("Student-t degrees of freedom of 2 or less are refused at their line")
  func dofTooSmall() throws {
    let fixtures = try Fixtures()
    let yaml = smallScenario.replacingFirst(
      "dof: 4}\n    maintenance_margin: 0.01\n    depth: .inf",
      with: "dof: 2}\n    maintenance_margin: 0.01\n    depth: .inf")
    expectMessage(
      try fixtures.loadError(yaml), file: "scenario.yaml", line: line(of: "dof: 2", in: yaml),
      key: "markets[1].returns.dof", contains: ["is 2.0", "more than 2"])
  }

  @Test("an unknown return model lists the models")
  func unknownModel() {
    // `garch` became a model (issue 19); `arima` is not one.
    let yaml = smallScenario.replacingFirst("model: student-t, dof: 4", with: "model: arima")
    expectMessage(
      parseError(yaml), file: "s.yaml", line: line(of: "arima", in: yaml), key: "markets[0].returns.model",
      contains: ["expected one of gbm, student-t, jumps, garch, found 'arima'"])
  }

  @Test("return models: shorthand, defaults and keys that do not apply")
  func returnModels() throws {
    func returns(_ text: String) throws -> ReturnModel {
      try parseScenario(smallScenario.replacingFirst("{model: student-t, dof: 4}", with: text)).markets[0].returns
    }
    #expect(try returns("gbm") == .gbm)
    #expect(try returns("{model: gbm}") == .gbm)
    let jumps = try parseScenario(
      smallScenario.replacingFirst("{model: student-t, dof: 4}", with: "{model: jumps, beta: 1.3}")
        + "jumps: {intensity: 1, mean: -0.05, stdev: 0.02}\n")
    #expect(jumps.markets[0].returns == .jumps(beta: 1.3, dof: nil))
    #expect(try returns("{}") == .gbm)
    let gbmWithDof = smallScenario.replacingFirst("{model: student-t, dof: 4}", with: "{model: gbm, dof: 4}")
    expectMessage(
      parseError(gbmWithDof), file: "s.yaml", key: "markets[0].returns.dof",
      contains: ["does not apply to the gbm model"])
    let tWithoutDof = smallScenario.replacingFirst("{model: student-t, dof: 4}", with: "{model: student-t}")
    expectMessage(parseError(tWithoutDof), file: "s.yaml", key: "markets[0].returns.dof", contains: ["is missing"])
  }
}
