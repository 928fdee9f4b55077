import Calibration
import Foundation
import PricePaths
import Testing

@testable import ScenarioFiles

/// A calibrated fragment, completed with the markets' rules, a book and a fund, loads as a
/// scenario whose models are the fit's, number for number.
@Suite("ScenarioFragment")
struct ScenarioFragmentTests {
  /// 400 hourly rows of three markets from a deterministic walk with two common crashes
  /// (rows 100 and 300) and volatility that switches regime every 50 rows, so every model
  /// has something to fit.
  static let history: PriceHistory = {
    var state: UInt64 = 99
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) * 0x1.0p-53
    }
    var prices = [100.0, 20, 3]
    var rows: [[Double]] = []
    for k in 0..<400 {
      rows.append(prices)
      let scale = (k / 50) % 2 == 0 ? 0.004 : 0.012
      let common = (0..<12).reduce(0) { s, _ in s + uniform() } - 6
      for i in 0..<3 {
        let own = (0..<12).reduce(0) { s, _ in s + uniform() } - 6
        let crash = k == 100 || k == 300 ? -0.06 * Double(i + 1) : 0
        prices[i] *= Foundation.exp(scale * (0.7 * common + 0.7 * own) + crash)
      }
    }
    return try! PriceHistory(
      symbols: ["AAA", "BBB", "CCC"], timestamps: rows.indices.map { 1.7e9 + Double($0) * 3600 }, rows: rows)
  }()

  /// The fragment with rules after each market's `returns` line, and a book and a fund.
  static func completed(_ fragment: String) -> String {
    var lines: [String] = []
    for line in fragment.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(String(line))
      if line.hasPrefix("    returns:") { lines += ["    maintenance_margin: 0.02", "    depth: 1.0e7"] }
    }
    return lines.joined(separator: "\n") + """
      book:
        synthetic:
          positions_per_market: 10
          open_interest: {AAA: 1.0e6, BBB: 1.0e6, CCC: 1.0e6}
      fund:
        balance: 1.0e5
        waterfall: market-close

      """
  }

  @Test(arguments: Calibration.Model.allCases)
  func completedFragmentLoads(_ model: Calibration.Model) throws {
    let fixtures = try Fixtures()
    try FileManager.default.createDirectory(
      at: fixtures.folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    // FHS reads the history back from a file: write it as the CSV it came from.
    let csv =
      "timestamp,AAA,BBB,CCC\n"
      + Self.history.timestamps.indices.map { k in
        "\(Int(Self.history.timestamps[k])),"
          + (0..<3).map { "\(Self.history.prices[k * 3 + $0])" }.joined(separator: ",")
      }.joined(separator: "\n") + "\n"
    try fixtures.write("data/prices.csv", csv)
    let calibration = try Calibration(history: Self.history, model: model)
    let fragment = ScenarioFragment.yaml(
      calibration, source: "prices.csv", historicalPath: "data/prices.csv", command: "fundstress calibrate")
    let scenario = try fixtures.load(Self.completed(fragment))
    #expect(scenario.paths.horizon.stepSeconds == 3600)
    for (i, market) in scenario.paths.markets.enumerated() {
      #expect(market.price == Self.history.lastPrices[i])
      #expect(market.volatility == calibration.scenarioVolatility(market: i))
      switch model {
      case .garch, .fhs:
        let fit = calibration.markets[i].garch!
        #expect(
          market.returns
            == .garch(
              GARCHParameters(
                omega: fit.annualisedOmega, alpha: fit.filter.alpha, beta: fit.filter.beta,
                dof: calibration.commonDof!.value)))
      case .studentT: #expect(market.returns == .studentT(dof: calibration.commonDof!.value))
      case .jumps: #expect(market.returns == .jumps(beta: calibration.crashFactor!.betas[i].value, dof: nil))
      case .gbm: #expect(market.returns == .gbm)
      }
    }
    #expect(scenario.paths.correlation.rows == calibration.correlation.matrix)
    if model == .jumps {
      #expect(scenario.paths.jumps?.intensityPerDay == calibration.crashFactor!.intensityPerDay.value)
    }
    if model == .fhs { #expect(scenario.paths.historical?.rows == 399) }
  }
}
