import Testing

@testable import ScenarioFiles

@Suite("YAMLMapping")
struct YAMLMappingTests {
  @Test("an unknown key is refused at its line with a suggestion")
  func unknownKey() throws {
    let value = try yamlValue("symbol: BTC\nvolatilty: 0.5\n", key: "markets[1]")
    let error = #expect(throws: ScenarioError.self) {
      try value.mapping(allowedKeys: ["symbol", "price", "volatility"])
    }
    #expect(
      error?.description == "t.yaml:2:1: markets[1].volatilty: unknown key 'volatilty'; did you mean 'volatility'?")
  }

  @Test("a required key that is missing or empty is named")
  func requiredKeys() throws {
    let mapping = try yamlValue("  symbol: BTC\n  price:\n", key: "markets[0]").mapping(
      allowedKeys: ["symbol", "price", "maintenance_margin"])
    let missing = #expect(throws: ScenarioError.self) {
      try mapping.required("maintenance_margin", fix: "the rate, e.g. 0.01")
    }
    #expect(
      missing?.description == "t.yaml:1:3: markets[0].maintenance_margin: is missing; add it: the rate, e.g. 0.01")
    let empty = #expect(throws: ScenarioError.self) { try mapping.number("price", fix: "a price") }
    #expect(empty?.key == "markets[0].price")
    #expect(empty?.problem == "is empty")
  }

  @Test("optional keys take their default when absent or null, and record their lines")
  func defaults() throws {
    let mapping = try yamlValue("fee_cap: null\nfund_share: 0.8\n", key: "fund").mapping(
      allowedKeys: ["fee_cap", "fund_share", "takeover_subsidy"])
    #expect(try mapping.optionalNumber("fee_cap") == nil)
    #expect(mapping.contains("fee_cap"))
    #expect(try mapping.number("fund_share", default: 1) == 0.8)
    #expect(try mapping.number("takeover_subsidy", default: 0.25) == 0.25)
    #expect(mapping.order == ["fee_cap", "fund_share"])
    #expect(mapping.value.document.marks["fund.fund_share"]?.line == 2)
  }

  @Test("a block where a value is expected, and a value where a block is expected, are named")
  func structure() throws {
    let error = #expect(throws: ScenarioError.self) {
      try yamlValue("5", key: "fund").mapping(allowedKeys: ["balance"])
    }
    #expect(error?.problem == "expected a block of keys (balance), found '5'")
  }
}
