import Foundation
import PricePaths
import Testing

@testable import ScenarioFiles

/// `returns: {model: garch, …}` and the `historical:` block.
@Suite("HistoricalSection")
struct HistoricalSectionTests {
  static let garchBTC = "returns: {model: garch, omega: 0.04, alpha: 0.1, beta: 0.85, dof: 5}"
  static let garchETH = "returns: {model: garch, omega: 0.06, alpha: 0.05, beta: 0.9, dof: 5}"

  /// The small scenario with GARCH markets at one-minute steps.
  static var garchScenario: String {
    smallScenario.replacingFirst("returns: {model: student-t, dof: 4}", with: garchBTC)
      .replacingFirst("returns: {model: student-t, dof: 4}", with: garchETH)
  }

  /// Minute prices of BTC and ETH: rows 0 … 11 at 60 s, with a gap after row 5.
  static let prices = """
    timestamp,ETH,BTC
    2025-02-03T00:00:00Z,3000,90000
    2025-02-03T00:01:00Z,3010,90100
    2025-02-03T00:02:00Z,2990,89900
    2025-02-03T00:03:00Z,2950,89000
    2025-02-03T00:04:00Z,2960,89200
    2025-02-03T00:05:00Z,2900,88000
    2025-02-03T00:07:00Z,2920,88300
    2025-02-03T00:08:00Z,2930,88500
    2025-02-03T00:09:00Z,2910,88100
    2025-02-03T00:10:00Z,2940,88600

    """

  @Test("garch parameters are read, and recorded")
  func garchReturns() throws {
    let fixtures = try Fixtures()
    let scenario = try fixtures.load(Self.garchScenario)
    #expect(scenario.paths.markets[0].returns == .garch(GARCHParameters(omega: 0.04, alpha: 0.1, beta: 0.85, dof: 5)))
    let json = String(decoding: try JSONEncoder().encode(scenario.record), as: UTF8.self)
    #expect(json.contains("\"omega\":0.04") && json.contains("\"alpha\":0.1"))
    #expect(!json.contains("historical"))
  }

  @Test("garch refuses a missing parameter and stray keys elsewhere")
  func garchErrors() throws {
    let fixtures = try Fixtures()
    expectMessage(
      try fixtures.loadError(Self.garchScenario.replacingFirst("omega: 0.04, ", with: "")),
      file: "scenario.yaml", key: "markets[0].returns.omega")
    expectMessage(
      try fixtures.loadError(smallScenario.replacingFirst("dof: 4}", with: "dof: 4, alpha: 0.1}")),
      file: "scenario.yaml", key: "markets[0].returns.alpha", contains: ["model: garch"])
    expectMessage(
      try fixtures.loadError(Self.garchScenario.replacingFirst("beta: 0.85", with: "beta: 0.95")),
      file: "scenario.yaml", key: "markets[0].returns.beta", contains: ["α + β"])
  }

  // Expected (hand calculation): the returns between rows one minute apart are 8 (the
  // 00:05 → 00:07 gap is skipped); the columns are matched by symbol, not position; the
  // stressed range 00:03 – 00:05 holds the returns ending at 00:03, 00:04 and 00:05.
  @Test("the history becomes residual rows in market order, stressed rows flagged")
  func historical() throws {
    let fixtures = try Fixtures()
    try fixtures.write("prices.csv", Self.prices)
    let yaml =
      Self.garchScenario + """
        historical:
          prices: prices.csv
          stressed: {from: 2025-02-03T00:03:00Z, to: 2025-02-03T00:05:00Z, weight: 0.3}

        """
    let scenario = try fixtures.load(yaml)
    let shocks = try #require(scenario.paths.historical)
    #expect(shocks.rows == 8 && shocks.markets == 2)
    #expect(shocks.stressedRows == [2, 3, 4])
    #expect(shocks.stressedWeight == 0.3)
    #expect(scenario.record.historical?.rows == 8)
    // BTC first: its first return is log(90100/90000) > 0 and ETH's log(3010/3000) > 0;
    // the third is BTC's fall 89900 → 89000.
    #expect(shocks.residuals[0] > 0 && shocks.residuals[4] < shocks.residuals[0])
  }

  @Test("a history at another interval, without a market, or with an empty stressed range is refused")
  func historicalErrors() throws {
    let fixtures = try Fixtures()
    try fixtures.write("prices.csv", Self.prices)
    try fixtures.write("eth.csv", "timestamp,ETH\n1,1\n61,2\n121,3\n")
    let base = Self.garchScenario + "historical:\n  prices: prices.csv\n"
    expectMessage(
      try fixtures.loadError(base.replacingFirst("step_seconds: 60", with: "step_seconds: 3600")),
      file: "scenario.yaml", key: "historical.prices", contains: ["60.0 s interval", "step_seconds"])
    expectMessage(
      try fixtures.loadError(base.replacingFirst("prices: prices.csv", with: "prices: eth.csv")),
      file: fixtures.folder.appendingPathComponent("eth.csv").path, line: 1, contains: ["'BTC'"])
    expectMessage(
      try fixtures.loadError(base + "  stressed: {from: 2024-01-01T00:00:00Z, to: 2024-01-02T00:00:00Z}\n"),
      file: "scenario.yaml", key: "historical.stressed", contains: ["none of the history"])
    expectMessage(
      try fixtures.loadError(
        base.replacingFirst(Self.garchETH, with: "returns: {model: student-t, dof: 5}")),
      file: "scenario.yaml", key: "markets[1].returns", contains: ["historical simulation"])
    // A bad GARCH parameter is the market's, not the history's: the history is filtered
    // under the parameters only once they are valid (it was reported at historical.prices
    // as a ragged residual row).
    expectMessage(
      try fixtures.loadError(base.replacingFirst("beta: 0.85", with: "beta: -0.85")),
      file: "scenario.yaml", key: "markets[0].returns.beta")
  }
}

/// The shipped examples load (they live beside the data they name).
@Suite("Examples")
struct ExampleScenarioTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test(arguments: [
    "calibrated/gbm", "calibrated/student-t", "calibrated/garch", "calibrated/fhs", "calibrated/fhs-stressed",
    "crash-replay",
  ])
  func loads(_ name: String) throws {
    let scenario = try ScenarioLoader.load(contentsOf: Self.root.appendingPathComponent("examples/\(name).yaml"))
    #expect(scenario.paths.marketCount == 7)
    if name.hasPrefix("calibrated/fhs") { #expect(scenario.paths.historical?.rows == 2133) }
    // The sell-off from 2025-02-02 12:00 to 2025-02-03 12:00 UTC: the returns ending at every
    // hour of that closed range, both ends included (no hour missing there): 24 + 1 = 25.
    if name == "calibrated/fhs-stressed" { #expect(scenario.paths.historical?.stressedRows.count == 25) }
    if name == "crash-replay" { #expect(scenario.paths.replay?.steps == 1440) }
  }
}
