import Foundation
import FundSimulation
import PricePaths
import Testing

@testable import ScenarioFiles

@Suite("PositionsFile")
struct PositionsFileTests {
  let markets = [
    MarketModel(symbol: "BTC", price: 90000, volatility: 0.55),
    MarketModel(symbol: "ETH", price: 3000, volatility: 0.7),
  ]
  let rules = [
    MarketRules(maintenanceMargin: 0.01, depth: 3e7), MarketRules(maintenanceMargin: 0.025, depth: 2e7),
  ]
  let header = "account,market,side,size,entry_price,margin\n"

  func read(_ text: String) throws -> [Position] {
    try PositionsFile.read(text: text, file: "book.csv", markets: markets, rules: rules)
  }

  func readError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
    #expect(throws: ScenarioError.self, sourceLocation: sourceLocation) { try read(text) }
  }

  @Test("rows become positions; columns in any order, side in any case, extra columns ignored")
  func reads() throws {
    let text =
      "margin,side,entry_price,size,market,account,note\n9000,LONG,90000,1,BTC,a-1,x\n1500,short,3000,5,ETH,a-2,\n"
    let positions = try read(text)
    #expect(
      positions == [
        Position(account: "a-1", market: 0, side: .long, size: 1, entryPrice: 90000, margin: 9000),
        Position(account: "a-2", market: 1, side: .short, size: 5, entryPrice: 3000, margin: 1500),
      ])
  }

  @Test("a missing field names the line and the column")
  func missingField() {
    let error = readError(header + "a,BTC,long,1,90000,9000\nb,ETH,short,5,3000\n")
    expectMessage(error, file: "book.csv", line: 3, key: "margin", contains: ["is missing"])
  }

  @Test("a non-numeric value names the line and the column")
  func nonNumeric() {
    let error = readError(header + "a,BTC,long,1,90000,9000\n\nb,ETH,short,five,3000,1500\n")
    expectMessage(error, file: "book.csv", line: 4, key: "size", contains: ["expected a number, found 'five'"])
  }

  @Test("a negative size and a zero margin are refused")
  func nonPositive() {
    expectMessage(
      readError(header + "a,BTC,long,-1,90000,9000\n"), file: "book.csv", line: 2, key: "size",
      contains: ["is -1", "positive size"])
    expectMessage(
      readError(header + "a,BTC,long,1,90000,0\n"), file: "book.csv", line: 2, key: "margin", contains: ["is 0"])
    expectMessage(
      readError(header + "a,BTC,long,1,-5,900\n"), file: "book.csv", line: 2, key: "entry_price", contains: ["is -5"])
  }

  @Test("an unknown market suggests the known symbols")
  func unknownMarket() {
    expectMessage(
      readError(header + "a,BTC,long,1,90000,9000\nb,ETX,short,5,3000,1500\n"), file: "book.csv", line: 3,
      key: "market", contains: ["'ETX' is not a market of the scenario", "did you mean 'ETH'?"])
    expectMessage(
      readError(header + "a,DOGE,long,1,0.2,0.1\n"), file: "book.csv", line: 2, key: "market",
      contains: ["use one of BTC, ETH"])
  }

  @Test("an unknown side is refused")
  func unknownSide() {
    expectMessage(
      readError(header + "a,BTC,buy,1,90000,9000\n"), file: "book.csv", line: 2, key: "side",
      contains: ["expected long or short, found 'buy'"])
  }

  @Test("a position already past its liquidation price is refused at its line")
  func alreadyLiquidated() {
    // Long 1 BTC at 100 000 with 10 000 margin, m = 1%: Pl = 90 000 / 0.99 = 90 909 > 90 000.
    let error = readError(header + "a,BTC,long,1,90000,9000\nb,BTC,long,1,100000,10000\n")
    expectMessage(
      error, file: "book.csv", line: 3, key: "position 'b' (BTC)",
      contains: ["already past its liquidation price", "initial price 90000"])
  }

  @Test("an empty file, a missing column and a header without rows are refused")
  func fileShape() {
    expectMessage(readError(""), file: "book.csv", key: "", contains: ["is empty", "account,market,side"])
    expectMessage(
      readError("account,market,side,size,margin\n"), file: "book.csv", line: 1, key: "header",
      contains: ["has no 'entry_price' column"])
    expectMessage(readError(header), file: "book.csv", line: 1, contains: ["has no positions"])
    expectMessage(
      readError(header + "a,BTC,long,1,90000,9000,extra\n"), file: "book.csv", line: 2,
      contains: ["has 7 fields but the header has 6"])
  }

  @Test("a file that does not exist is named")
  func missingFile() throws {
    let fixtures = try Fixtures()
    let url = fixtures.folder.appendingPathComponent("none.csv")
    let error = #expect(throws: ScenarioError.self) {
      try PositionsFile.read(contentsOf: url, name: "none.csv", markets: markets, rules: rules)
    }
    #expect(error?.description == "none.csv: cannot be read (No such file); check the path")
  }

  @Test("a positions file's errors are reported from a scenario with the file's own line")
  func fromScenario() throws {
    let fixtures = try Fixtures()
    try fixtures.write("book.csv", header + "a,BTC,long,1,90000,9000\nb,BTC,long,abc,90000,9000\n")
    let yaml = smallScenario.replacingFirst(
      "  synthetic:\n    positions_per_market: 20\n    open_interest: {BTC: 4.0e8, ETH: 2.5e8}\n",
      with: "  positions: book.csv\n")
    expectMessage(try fixtures.loadError(yaml), file: "book.csv", line: 3, key: "size")
  }
}
