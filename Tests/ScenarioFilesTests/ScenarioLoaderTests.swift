import Foundation
import FundSimulation
import PricePaths
import Testing

@testable import ScenarioFiles

@Suite("ScenarioLoader")
struct ScenarioLoaderTests {
  @Test("a small scenario loads with its values and defaults")
  func smallScenarioLoads() throws {
    let fixtures = try Fixtures()
    let scenario = try fixtures.load(smallScenario)
    #expect(scenario.name == "small")
    #expect(scenario.seed == 3)
    #expect(scenario.symbols == ["BTC", "ETH"])
    #expect(scenario.paths.horizon == Horizon(steps: 10, stepSeconds: 60))
    #expect(scenario.paths.markets[1].returns == .studentT(dof: 4))
    #expect(scenario.exchange.rules[0] == MarketRules(maintenanceMargin: 0.01, depth: 3.0e7, maxLeverage: 50))
    #expect(scenario.exchange.rules[1].depth == .infinity)
    #expect(scenario.exchange.rules[1].resilience == 0.2)
    #expect(scenario.exchange.rules[1].permanentImpact == 0.5)
    #expect(scenario.exchange.rules[1].maxLeverage == 20)
    #expect(scenario.exchange.positions.count == 40)
    #expect(scenario.exchange.fund == FundRules(balance: 2.0e7, waterfall: .marketClose))
    #expect(scenario.exchange.adl == ADLPolicy(ranking: .pnlLeverage, drawdownTrigger: nil, drawdownWindowSteps: 480))
    #expect(scenario.exchange.cascadeRoundCap == 100)
    #expect(scenario.checkpoints == CheckpointSchedule(horizonSteps: 10, target: 96))
    #expect(scenario.paths.correlation[0, 1] == 0.8)
    #expect(scenario.source.hasSuffix("scenario.yaml"))
    #expect(scenario.bookSource == "synthetic, 20 positions per market")
    #expect(scenario.bookSeed == 3)
  }

  @Test("the name defaults to the file's stem and the seed to 1")
  func nameAndSeedDefaults() throws {
    let fixtures = try Fixtures()
    let yaml = smallScenario.replacingFirst("name: small\nseed: 3\n", with: "")
    let scenario = try fixtures.load(yaml, name: "weekend-stress.yaml")
    #expect(scenario.name == "weekend-stress")
    #expect(scenario.seed == 1)
  }

  @Test("a file that does not exist is named with the reason")
  func missingScenarioFile() throws {
    let fixtures = try Fixtures()
    let url = fixtures.folder.appendingPathComponent("nowhere.yaml")
    let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(contentsOf: url) }
    #expect(error?.description == "\(url.path): cannot be read (No such file); check the path")
  }

  @Test("a correlation of the wrong size names the key and line")
  func correlationWrongSize() throws {
    let fixtures = try Fixtures()
    let yaml = smallScenario.replacingFirst("- [0.8, 1.0]", with: "- [0.8, 1.0, 0.5]")
    let error = try fixtures.loadError(yaml)
    expectMessage(
      error, file: "scenario.yaml", line: line(of: "[0.8, 1.0, 0.5]", in: yaml), key: "correlation[1]",
      contains: ["has 3 entries, expected 2"])
  }

  @Test("a correlation that is not positive definite is refused with its smallest eigenvalue")
  func correlationNotPositiveDefinite() throws {
    let fixtures = try Fixtures()
    let yaml = smallScenario.replacingFirst(
      "markets:\n",
      with: """
        markets:
          - {symbol: SOL, price: 150, volatility: 0.9, maintenance_margin: 0.025, depth: 6.0e6}

        """
    ).replacingFirst(
      "correlation:\n  - [1.0, 0.8]\n  - [0.8, 1.0]",
      with: "correlation:\n  - [1.0, 0.9, -0.9]\n  - [0.9, 1.0, 0.9]\n  - [-0.9, 0.9, 1.0]"
    ).replacingFirst("{BTC: 4.0e8, ETH: 2.5e8}", with: "{BTC: 4.0e8, ETH: 2.5e8, SOL: 1.0e8}")
    let error = try fixtures.loadError(yaml)
    let smallest = try CorrelationMatrix(
      rows: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], dimension: 3
    ).smallestEigenvalue
    expectMessage(
      error, file: "scenario.yaml", line: line(of: "correlation:", in: yaml), key: "correlation",
      contains: ["not positive definite", String(format: "%.6g", smallest), "correlation_repair: nearest"])

    let repaired = try fixtures.load(yaml + "correlation_repair: nearest\n")
    #expect(repaired.paths.correlationWasRepaired)
    #expect(repaired.paths.correlation.smallestEigenvalue > 0)
    #expect(repaired.record.correlation.repaired)
    #expect(repaired.record.correlation.givenSmallestEigenvalue.map { abs($0 - smallest) < 1e-12 } == true)
  }

  @Test("a positions file that does not exist is named at the book.positions line")
  func missingPositionsFile() throws {
    let fixtures = try Fixtures()
    let yaml = smallScenario.replacingFirst(
      "  synthetic:\n    positions_per_market: 20\n    open_interest: {BTC: 4.0e8, ETH: 2.5e8}\n",
      with: "  positions: missing.csv\n")
    let error = try fixtures.loadError(yaml)
    expectMessage(
      error, file: "scenario.yaml", line: line(of: "positions: missing.csv", in: yaml), key: "book.positions",
      contains: ["missing.csv", "No such file", "relative to the scenario file's folder"])
  }

  @Test("a positions file relative to the scenario's folder is read")
  func positionsFileIsRead() throws {
    let fixtures = try Fixtures()
    try FileManager.default.createDirectory(
      at: fixtures.folder.appendingPathComponent("books"), withIntermediateDirectories: true)
    try fixtures.write(
      "books/book.csv",
      "account,market,side,size,entry_price,margin\na,BTC,long,1,90000,9000\nb,ETH,short,10,3000,3000\n")
    let yaml = smallScenario.replacingFirst(
      "  synthetic:\n    positions_per_market: 20\n    open_interest: {BTC: 4.0e8, ETH: 2.5e8}\n",
      with: "  positions: books/book.csv\n")
    let scenario = try fixtures.load(yaml)
    #expect(scenario.exchange.positions.count == 2)
    #expect(scenario.bookSource.hasSuffix("books/book.csv"))
    #expect(scenario.bookSeed == nil)
    #expect(scenario.record.book.kind == "positions")
  }

  @Test("a replay sets the horizon and an unknown replay symbol is named in the replay file")
  func replay() throws {
    let fixtures = try Fixtures()
    try fixtures.write("crash.csv", "step,BTC,ETH\n0,90000,3000\n1,89000,2950\n2,88000,2900\n")
    let yaml = smallScenario.replacingFirst("horizon: {steps: 10, step_seconds: 60}\n", with: "replay: crash.csv\n")
    let scenario = try fixtures.load(yaml)
    #expect(scenario.paths.horizon.steps == 2)
    #expect(scenario.paths.replay?.price(step: 2, column: 1) == 2900)
    #expect(scenario.record.replay?.steps == 2)

    try fixtures.write("crash.csv", "step,BTC,DOGE\n0,90000,0.2\n1,89000,0.19\n")
    let error = try fixtures.loadError(yaml)
    expectMessage(error, file: "crash.csv", line: 1, contains: ["'DOGE'", "is not a market of the scenario"])
  }

  @Test("a replay with a gap in the steps is refused at the line of the gap")
  func replayGap() throws {
    let fixtures = try Fixtures()
    try fixtures.write("crash.csv", "step,BTC,ETH\n0,90000,3000\n1,89000,2950\n3,88000,2900\n")
    let yaml = smallScenario.replacingFirst("horizon: {steps: 10, step_seconds: 60}\n", with: "replay: crash.csv\n")
    let error = try fixtures.loadError(yaml)
    expectMessage(error, file: "crash.csv", line: 4, key: "step", contains: ["step 3 follows step 1"])
  }

  @Test("horizon.steps that contradicts the replay length is refused")
  func replayHorizonMismatch() throws {
    let fixtures = try Fixtures()
    try fixtures.write("crash.csv", "step,BTC,ETH\n0,90000,3000\n1,89000,2950\n")
    let yaml = smallScenario + "replay: crash.csv\n"
    let error = try fixtures.loadError(yaml)
    expectMessage(
      error, file: "scenario.yaml", line: line(of: "horizon:", in: yaml), key: "horizon.steps",
      contains: ["replay file has 1 steps"])
  }

  @Test("errors of the exchange model are located at their key")
  func exchangeErrorsAreLocated() throws {
    let fixtures = try Fixtures()
    let yaml = smallScenario.replacingFirst("balance: 2.0e7", with: "balance: -5")
    expectMessage(
      try fixtures.loadError(yaml), file: "scenario.yaml", line: line(of: "balance: -5", in: yaml),
      key: "fund.balance", contains: ["is -5.0"])

    let capped = smallScenario + "simulation: {cascade_round_cap: 0}\n"
    expectMessage(
      try fixtures.loadError(capped), file: "scenario.yaml", line: line(of: "cascade_round_cap", in: capped),
      key: "simulation.cascade_round_cap")
  }

  @Test("the markets' rules are checked before the book is drawn or read against them")
  func marketRulesBeforeTheBook() throws {
    let fixtures = try Fixtures()
    // Synthetic: a maintenance margin out of range is named, not blamed on book.synthetic.leverage.
    for margin in ["-0.01", "1.0", "1.5", "1.0e300"] {
      let yaml = smallScenario.replacingFirst("maintenance_margin: 0.01", with: "maintenance_margin: \(margin)")
      expectMessage(
        try fixtures.loadError(yaml), file: "scenario.yaml", line: line(of: "maintenance_margin: \(margin)", in: yaml),
        key: "markets[0].maintenance_margin", contains: ["as a fraction in (0, 1)"])
    }
    // Positions file: a maintenance margin of 2 is named, not blamed on the file's first position.
    try fixtures.write(
      "book.csv", "account,market,side,size,entry_price,margin\na,BTC,long,1,90000,9000\nb,ETH,short,10,3000,3000\n")
    let positions = smallScenario.replacingFirst(
      "  synthetic:\n    positions_per_market: 20\n    open_interest: {BTC: 4.0e8, ETH: 2.5e8}\n",
      with: "  positions: book.csv\n"
    ).replacingFirst("maintenance_margin: 0.01\n    depth: .inf", with: "maintenance_margin: 2\n    depth: .inf")
    expectMessage(
      try fixtures.loadError(positions), file: "scenario.yaml",
      line: line(of: "maintenance_margin: 2", in: positions), key: "markets[1].maintenance_margin",
      contains: ["is 2.0"])
  }

  @Test("the ADL drawdown window converts hours to steps of the horizon")
  func drawdownWindow() throws {
    let fixtures = try Fixtures()
    let yaml =
      smallScenario.replacingFirst("step_seconds: 60", with: "step_seconds: 300")
      + "adl: {ranking: pro-rata, drawdown_trigger: 0.3, drawdown_window_hours: 8}\n"
    let scenario = try fixtures.load(yaml)
    #expect(scenario.exchange.adl == ADLPolicy(ranking: .proRata, drawdownTrigger: 0.3, drawdownWindowSteps: 96))
  }

  @Test("load(yaml:) resolves files against the base directory")
  func loadFromText() throws {
    let fixtures = try Fixtures()
    try fixtures.write("crash.csv", "step,BTC,ETH\n0,90000,3000\n1,89000,2950\n")
    let yaml = smallScenario.replacingFirst("horizon: {steps: 10, step_seconds: 60}\n", with: "replay: crash.csv\n")
    let scenario = try ScenarioLoader.load(yaml: yaml, source: "inline", baseDirectory: fixtures.folder)
    #expect(scenario.source == "inline")
    #expect(scenario.paths.horizon.steps == 1)
  }
}
