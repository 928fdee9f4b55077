import Testing

@testable import ScenarioFiles

/// The YAML text as a value at key path `key`.
func yamlValue(_ text: String, key: String = "x", file: String = "t.yaml") throws -> YAMLValue {
  let root = try #require(try YAMLValue.root(yaml: text, document: YAMLDocument(file: file)))
  return YAMLValue(node: root.node, path: key, document: root.document)
}

@Suite("YAMLValue")
struct YAMLValueTests {
  @Test("numbers may be written as decimals, integers, exponents and with underscores")
  func numbers() throws {
    #expect(try yamlValue("3.0e7").number() == 3.0e7)
    #expect(try yamlValue("30000000").number() == 3.0e7)
    #expect(try yamlValue("3e7").number() == 3.0e7)
    #expect(try yamlValue("-0.04").number() == -0.04)
    #expect(try yamlValue("1_000").number() == 1000)
  }

  @Test(".inf is accepted only where allowed")
  func infinity() throws {
    #expect(try yamlValue(".inf").number(infinityAllowed: true) == .infinity)
    let error = #expect(throws: ScenarioError.self) { try yamlValue(".inf").number() }
    #expect(error?.description.contains("expected a finite number, found '.inf'") == true)
    #expect(throws: ScenarioError.self) { try yamlValue(".nan").number(infinityAllowed: true) }
  }

  @Test("a wrong type is named with the value found")
  func wrongTypes() throws {
    let text = #expect(throws: ScenarioError.self) { try yamlValue("abc", key: "markets[1].price").number() }
    #expect(text?.description.hasPrefix("t.yaml:1:1: markets[1].price: expected a number, found 'abc';") == true)
    let quoted = #expect(throws: ScenarioError.self) { try yamlValue("'90000'").number() }
    #expect(quoted?.fix == "remove the quotes")
    let list = #expect(throws: ScenarioError.self) { try yamlValue("[1, 2]").number() }
    #expect(list?.problem == "expected a number, found a list")
    let percent = #expect(throws: ScenarioError.self) { try yamlValue("55%").number() }
    #expect(percent?.fix.contains("0.55") == true)
    let separators = #expect(throws: ScenarioError.self) { try yamlValue("30,000,000").number() }
    #expect(separators?.fix.contains("no thousands separators") == true)
  }

  @Test("whole numbers and seeds")
  func wholeNumbers() throws {
    #expect(try yamlValue("1440").wholeNumber() == 1440)
    #expect(try yamlValue("1.44e3").wholeNumber() == 1440)
    #expect(throws: ScenarioError.self) { try yamlValue("14.5").wholeNumber() }
    #expect(try yamlValue("18446744073709551615").seed() == .max)
    #expect(try yamlValue("0").seed() == 0)
    let negative = #expect(throws: ScenarioError.self) { try yamlValue("-3").seed() }
    #expect(negative?.problem.contains("cannot be negative") == true)
  }

  @Test("choices suggest the closest name")
  func choices() throws {
    #expect(try yamlValue("takeover").choice(["market-close", "takeover"]) == "takeover")
    let error = #expect(throws: ScenarioError.self) {
      try yamlValue("market_close", key: "fund.waterfall").choice(["market-close", "takeover"])
    }
    #expect(
      error?.description
        == "t.yaml:1:1: fund.waterfall: expected one of market-close, takeover, found 'market_close'; "
        + "did you mean 'market-close'?")
  }

  @Test("null spellings are recognised; quoted text is not null")
  func nulls() throws {
    for text in ["null", "~", "Null"] { #expect(try yamlValue(text).isNull) }
    #expect(try !yamlValue("'null'").isNull)
    #expect(try yamlValue("BTC").text() == "BTC")
    #expect(throws: ScenarioError.self) { try yamlValue("{a: 1}").text() }
  }

  @Test("list items carry their index in the key path and their line")
  func items() throws {
    let value = try yamlValue("- 1\n- 2\n- x\n", key: "row")
    let items = try value.items()
    #expect(items.map(\.path) == ["row[0]", "row[1]", "row[2]"])
    #expect(value.document.marks["row[2]"]?.line == 3)
    let error = #expect(throws: ScenarioError.self) { try items[2].number() }
    #expect(error?.description.hasPrefix("t.yaml:3:3: row[2]: expected a number, found 'x'") == true)
  }
}
