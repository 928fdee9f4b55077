import Foundation
import FundSimulation
import PricePaths
import Testing

@testable import ScenarioFiles

@Suite("DefaultScenario")
struct DefaultScenarioTests {
  @Test("the embedded default parses and validates")
  func loads() throws {
    let scenario = try ScenarioLoader.loadDefault()
    #expect(scenario.name == "default")
    #expect(scenario.seed == 7)
    #expect(scenario.source == "embedded default")
    #expect(scenario.paths.horizon == Horizon(steps: 1440, stepSeconds: 60))
    #expect(scenario.symbols == ["BTC", "ETH", "SOL", "XRP", "DOGE", "LINK", "AVAX", "SUI"])
    #expect(scenario.exchange.positions.count == 8 * 2000)
    #expect(scenario.bookSource == "synthetic, 2000 positions per market")
    #expect(scenario.exchange.fund == FundRules(balance: 1.0e7, waterfall: .marketClose))
    #expect(scenario.exchange.adl.ranking == .pnlLeverage)
    #expect(scenario.paths.jumps == JumpFactor(intensityPerDay: 0.5, mean: -0.08, stdev: 0.04))
    #expect(scenario.checkpoints.count == 97)
  }

  @Test("defaultYAML round-trips: the printed text loads to the embedded values")
  func roundTrip() throws {
    let fixtures = try Fixtures()
    let printed = try fixtures.load(ScenarioLoader.defaultYAML, name: "default.yaml")
    let embedded = try ScenarioLoader.loadDefault()
    #expect(printed.paths.markets == embedded.paths.markets)
    #expect(printed.exchange.rules == embedded.exchange.rules)
    #expect(printed.exchange.positions == embedded.exchange.positions)
    let btc = printed.paths.markets[0]
    #expect(btc == MarketModel(symbol: "BTC", price: 90000, volatility: 0.55, returns: .jumps(beta: 1.0, dof: 4)))
    let sui = printed.paths.markets[7]
    #expect(sui.price == 2.5 && sui.volatility == 1.2 && sui.returns == .jumps(beta: 1.5, dof: 4))
    #expect(printed.exchange.rules[0] == MarketRules(maintenanceMargin: 0.01, depth: 4.0e7, maxLeverage: 50))
    #expect(printed.exchange.rules[7] == MarketRules(maintenanceMargin: 0.05, depth: 6.0e5, maxLeverage: 10))
  }

  @Test("maintenance margin is half the initial margin at maximum leverage in every market")
  func maintenanceMargins() throws {
    for rule in try ScenarioLoader.loadDefault().exchange.rules {
      #expect(abs(rule.maintenanceMargin - 0.5 / rule.maxLeverage) < 1e-12)
    }
  }

  @Test("the correlation is positive definite with BTC-ETH 0.82, falling to about 0.6 among small alts")
  func correlation() throws {
    let scenario = try ScenarioLoader.loadDefault()
    let matrix = scenario.paths.correlation
    #expect(!scenario.paths.correlationWasRepaired)
    #expect(abs(matrix.smallestEigenvalue - 0.1708) < 1e-3)
    #expect(matrix[0, 1] == 0.82)
    #expect(matrix[6, 7] == 0.62)
    let offDiagonal = (0..<8).flatMap { i in (0..<8).filter { $0 != i }.map { matrix[i, $0] } }
    #expect(offDiagonal.min() == 0.62)
    #expect(offDiagonal.max() == 0.82)
  }

  @Test("open interest per market matches the issue")
  func openInterest() throws {
    let record = try ScenarioLoader.loadDefault().record
    let interest = Dictionary(uniqueKeysWithValues: record.book.markets.map { ($0.symbol, $0.longOpenInterest) })
    let expected: [String: Double] = [
      "BTC": 4.0e8, "ETH": 2.5e8, "SOL": 1.0e8, "XRP": 6.0e7, "DOGE": 4.0e7, "LINK": 2.5e7, "AVAX": 2.0e7, "SUI": 1.5e7,
    ]
    for (symbol, value) in expected {
      #expect(abs((interest[symbol] ?? 0) / value - 1) < 1e-9, "\(symbol)")
    }
  }

  @Test("the default file is commented and fits 120 columns")
  func commented() {
    let lines = ScenarioLoader.defaultYAML.components(separatedBy: "\n")
    #expect(lines.allSatisfy { $0.count <= 120 })
    for key in [
      "seed:", "steps:", "step_seconds:", "volatility:", "maintenance_margin:", "depth:", "intensity:", "balance:",
      "waterfall:", "fund_share:", "fee_cap:", "takeover_subsidy:", "depletion_threshold:", "ranking:",
    ] {
      let line = lines.first { $0.contains(key) }
      #expect(line?.contains("#") == true, "\(key) has no comment")
    }
  }
}
