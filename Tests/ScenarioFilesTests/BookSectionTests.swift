import FundSimulation
import Testing

@testable import ScenarioFiles

@Suite("BookSection")
struct BookSectionTests {
  let synthetic = "  synthetic:\n    positions_per_market: 20\n    open_interest: {BTC: 4.0e8, ETH: 2.5e8}\n"

  @Test("a synthetic book with its defaults")
  func syntheticDefaults() throws {
    let input = try parseScenario(smallScenario)
    guard case .synthetic(let book, let seed) = input.book else {
      Issue.record("not synthetic")
      return
    }
    #expect(book == SyntheticBook(positionsPerMarket: 20, openInterest: ["BTC": 4.0e8, "ETH": 2.5e8]))
    #expect(seed == nil)
  }

  @Test("all synthetic keys are read")
  func syntheticKeys() throws {
    let yaml = smallScenario.replacingFirst(
      synthetic,
      with: synthetic + "    leverage: {min: 3, max: 25}\n    long_share: 0.6\n    entry_dispersion: 0.05\n"
        + "    size_dispersion: 1.0\n    seed: 11\n")
    guard case .synthetic(let book, let seed) = try parseScenario(yaml).book else {
      Issue.record("not synthetic")
      return
    }
    #expect(
      book
        == SyntheticBook(
          positionsPerMarket: 20, openInterest: ["BTC": 4.0e8, "ETH": 2.5e8], minLeverage: 3, maxLeverage: 25,
          longShare: 0.6, entryDispersion: 0.05, sizeDispersion: 1.0))
    #expect(seed == 11)
  }

  @Test("a positions file is a file reference")
  func positionsFile() throws {
    let yaml = smallScenario.replacingFirst(synthetic, with: "  positions: book.csv\n")
    guard case .positions(let file) = try parseScenario(yaml).book else {
      Issue.record("not a file")
      return
    }
    #expect(file.url.path == "/data/book.csv")
    #expect(file.key == "book.positions")
  }

  @Test("exactly one of positions and synthetic")
  func exactlyOne() {
    let both = smallScenario.replacingFirst(synthetic, with: synthetic + "  positions: book.csv\n")
    expectMessage(
      parseError(both), file: "s.yaml", line: line(of: "  synthetic:", in: both), key: "book",
      contains: ["has both `positions` and `synthetic`"])
    let neither = smallScenario.replacingFirst("book:\n" + synthetic, with: "book: {}\n")
    expectMessage(parseError(neither), file: "s.yaml", key: "book", contains: ["names no book"])
  }

  @Test("an open interest for an unknown market is refused with a suggestion")
  func unknownOpenInterestSymbol() {
    let yaml = smallScenario.replacingFirst("ETH: 2.5e8}", with: "ETX: 2.5e8}")
    expectMessage(
      parseError(yaml), file: "s.yaml", line: line(of: "ETX", in: yaml), key: "book.synthetic.open_interest.ETX",
      contains: ["did you mean 'ETH'?"])
  }

  @Test("a market without open interest is named by the book's validation")
  func missingOpenInterest() throws {
    let fixtures = try Fixtures()
    let yaml = smallScenario.replacingFirst(", ETH: 2.5e8}", with: "}")
    expectMessage(
      try fixtures.loadError(yaml), file: "scenario.yaml", line: line(of: "open_interest", in: yaml),
      key: "book.synthetic.open_interest", contains: ["has no entry for ETH"])
  }
}
