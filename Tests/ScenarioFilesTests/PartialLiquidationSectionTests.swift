import Foundation
import FundSimulation
import Testing

@testable import ScenarioFiles

@Suite("PartialLiquidationSection")
struct PartialLiquidationSectionTests {
  static let line =
    "maintenance_margin: 0.01\n    partial_liquidation: {share: 0.2, above: 1.0e5, cooldown_seconds: 30}"

  @Test("partial liquidation is read per market, absent means none")
  func readsRule() throws {
    #expect(try parseScenario(smallScenario).rules.allSatisfy { $0.partialLiquidation == nil })
    let rules = try parseScenario(smallScenario.replacingFirst("maintenance_margin: 0.01", with: Self.line)).rules
    #expect(rules.contains { $0.partialLiquidation == .hyperliquid })
    let typo = smallScenario.replacingFirst(
      "maintenance_margin: 0.01", with: "maintenance_margin: 0.01\n    partial_liquidation: {share: 0.2, above: 1.0e5}")
    #expect(throws: ScenarioError.self) { try parseScenario(typo) }
  }

  @Test("refused under takeover with a one-line error naming the key")
  func refusedUnderTakeover() throws {
    let yaml = smallScenario.replacingFirst("maintenance_margin: 0.01", with: Self.line)
      .replacingFirst("waterfall: market-close", with: "waterfall: takeover")
    #expect {
      try Fixtures().load(yaml)
    } throws: { error in
      let text = "\(error)"
      return text.contains("partial_liquidation") && text.contains("takeover") && !text.contains("\n")
    }
  }

  static func reduce(_ rule: String) -> String {
    smallScenario.replacingFirst(
      "maintenance_margin: 0.01", with: "maintenance_margin: 0.01\n    partial_liquidation: \(rule)")
  }

  @Test("rule reduce reads its fee and above, 0 by default; slice is the default rule")
  func readsReduce() throws {
    var rules = try parseScenario(Self.reduce("{rule: reduce}")).rules
    #expect(rules[0].marginReduction == MarginReduction(fee: 0, above: 0) && rules[0].partialLiquidation == nil)
    rules = try parseScenario(Self.reduce("{rule: reduce, fee: 0.001, above: 5.0e4}")).rules
    #expect(rules[0].marginReduction == MarginReduction(fee: 0.001, above: 5.0e4))
    rules = try parseScenario(Self.reduce("{rule: slice, share: 0.2, above: 1.0e5, cooldown_seconds: 30}")).rules
    #expect(rules[0].partialLiquidation == .hyperliquid && rules[0].marginReduction == nil)
  }

  @Test("a bad rule, a key of the other rule or a bad fee is a one-line error at its line")
  func refusesBadReduce() throws {
    let cases: [(String, String, String)] = [
      ("{rule: cut}", "rule", "reduce"), ("{rule: reduce, share: 0.2}", "share", "fee"),
      ("{rule: slice, share: 0.2, above: 1.0e5, cooldown_seconds: 30, fee: 0.01}", "fee", "cooldown_seconds"),
      ("{rule: reduce, fee: 1.5}", "partial_liquidation.fee", "[0, 1)"),
      ("{rule: reduce, above: -1}", "partial_liquidation.above", "0 or more"),
    ]
    for (rule, key, fix) in cases {
      let error = try #require(try Fixtures().loadError(Self.reduce(rule)), "\(rule)")
      let text = "\(error)"
      #expect(text.contains(key) && text.contains(fix) && !text.contains("\n"), "\(text)")
      #expect(error.line == 10, "\(text)")
    }
  }

  @Test("rule reduce runs under takeover and is refused with the backstop vault")
  func reduceUnderTakeoverNotWithBackstop() throws {
    let takeover = Self.reduce("{rule: reduce}").replacingFirst("waterfall: market-close", with: "waterfall: takeover")
    #expect(try Fixtures().load(takeover).exchange.rules[0].marginReduction != nil)
    let backstop = Self.reduce("{rule: reduce}").replacingFirst(
      "waterfall: market-close", with: "waterfall: market-close\n  backstop: {share: 0.66, capital: 1.0e6}")
    let error = try #require(try Fixtures().loadError(backstop))
    #expect(error.key == "markets[0].partial_liquidation" && "\(error)".contains("fund.backstop"))
  }

  @Test("the run's record writes rule reduce with its fee and above")
  func recordWritesReduce() throws {
    let record = try Fixtures().load(Self.reduce("{rule: reduce, fee: 0.001}")).record
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let text = String(decoding: try encoder.encode(record.markets[0]), as: UTF8.self)
    #expect(text.contains(#""partial_liquidation":{"above":0,"fee":0.001,"rule":"reduce"}"#), "\(text)")
  }
}
