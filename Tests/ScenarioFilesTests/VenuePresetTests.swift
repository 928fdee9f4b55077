import Foundation
import FundSimulation
import Testing

@testable import ScenarioFiles

@Suite("VenuePreset")
struct VenuePresetTests {
  /// A preset sets the keys the scenario leaves out; a written key overrides it.
  @Test("a preset fills the keys left out, written keys win")
  func presetAndOverride() throws {
    let okx = smallScenario.replacingFirst("  waterfall: market-close\n", with: "") + "venue: okx\n"
    let input = try parseScenario(okx)
    #expect(input.fund.waterfall == .marketClose)
    #expect(input.adl.ranking == .pnlLeverage && input.adl.closePrice == .mark && input.adl.drawdownTrigger == 0.3)
    let overridden = okx + "adl: {close_price: bankruptcy, ranking: pro-rata}\n"
    let adl = try parseScenario(overridden).adl
    #expect(adl.closePrice == .bankruptcy && adl.ranking == .proRata && adl.drawdownTrigger == 0.3)
    let binance = try parseScenario(
      smallScenario.replacingFirst("  waterfall: market-close\n", with: "") + "venue: binance\n")
    #expect(binance.fund.waterfall == .takeover && binance.fund.takeoverNotionalCap == 1)
    #expect(binance.adl.ranking == .binance)
  }

  @Test("an unknown venue is refused with the list")
  func unknownVenue() {
    expectMessage(
      parseError(smallScenario + "venue: ftx\n"), file: "s.yaml", key: "venue",
      contains: ["expected one of defx, nomoex, dydx, hyperliquid, binance, bybit, okx, drift, bitmex"])
  }

  /// Every preset of the embedded default loads, and its fund and ADL take the preset's
  /// values (the default's own lines for those keys are commented out).
  @Test("every preset of the default scenario loads with its values", arguments: VenuePreset.allCases)
  func defaultUnderEveryPreset(venue: VenuePreset) throws {
    let yaml = ScenarioLoader.defaultYAML(venue: venue)
    let scenario = try ScenarioLoader.load(
      yaml: yaml, source: "default --venue \(venue.rawValue)", baseDirectory: URL(fileURLWithPath: "/"))
    let fund = scenario.exchange.fund
    let adl = scenario.exchange.adl
    for parameter in venue.parameters {
      switch parameter.key {
      case "fund.waterfall": #expect(fund.waterfall.rawValue == parameter.value)
      case "fund.fee_cap": #expect(fund.feeCap == Double(parameter.value))
      case "fund.step_outflow_cap": #expect(fund.stepOutflowCap == Double(parameter.value))
      case "fund.takeover_notional_cap": #expect(fund.takeoverNotionalCap == Double(parameter.value))
      case "fund.backstop": #expect(fund.backstop?.capital == fund.balance)
      case "adl.ranking": #expect(adl.ranking.rawValue == parameter.value)
      case "adl.close_price": #expect(adl.closePrice.rawValue == parameter.value)
      case "adl.drawdown_trigger": #expect(adl.drawdownTrigger == Double(parameter.value))
      case "adl.drawdown_window_hours": #expect(adl.drawdownWindowSteps == 480)
      default: Issue.record("untested preset key \(parameter.key)")
      }
    }
  }
}
