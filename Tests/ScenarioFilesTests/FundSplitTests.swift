import FundSimulation
import Testing

@testable import ScenarioFiles

/// `fund.split: open-interest` (docs/MODEL.md, "Fund scopes"): funds without a written share
/// take the rest of the balance in proportion to their markets' open interest in the book,
/// long plus short notional at the initial prices.
@Suite("FundSplit")
struct FundSplitTests {
  /// The small scenario's BTC (90 000) and ETH (3 000) over a positions file.
  func scenario(fund: String, positions: String = Self.book) -> String {
    smallScenario
      .replacingFirst(
        "  synthetic:\n    positions_per_market: 20\n    open_interest: {BTC: 4.0e8, ETH: 2.5e8}\n",
        with: "  positions: book.csv\n"
      )
      .replacingFirst("  waterfall: market-close\n", with: "  waterfall: market-close\n" + fund)
  }

  /// BTC: a long of 2 entered at 88 000 and a short of 1, at the initial price 90 000:
  /// 180 000 + 90 000 = 270 000 (the entry price does not count). ETH: 10 long and 10
  /// short at 3 000: 60 000. Total 330 000.
  static let book = """
    account,market,side,size,entry_price,margin
    a,BTC,long,2,88000,40000
    b,BTC,short,1,90000,20000
    c,ETH,long,10,3000,6000
    d,ETH,short,10,3000,6000

    """

  func load(_ yaml: String, positions: String = Self.book) throws -> Scenario {
    let fixtures = try Fixtures()
    try fixtures.write("book.csv", positions)
    return try fixtures.load(yaml)
  }

  /// Per market: BTC 270 000/330 000 = 9/11, ETH 60 000/330 000 = 2/11; `run.json` records
  /// the resolved shares as groups.
  @Test("per-market funds by open interest, by hand")
  func perMarketByOpenInterest() throws {
    let s = try load(scenario(fund: "  scope: per-market\n  split: open-interest\n"))
    guard case .groups(let funds) = s.exchange.fund.scope else {
      Issue.record("not resolved: \(s.exchange.fund.scope)")
      return
    }
    #expect(funds.map(\.markets) == [[0], [1]])
    #expect(abs(funds[0].share - 9.0 / 11) < 1e-15 && abs(funds[1].share - 2.0 / 11) < 1e-15)
    // Equal (the default) keeps 1/M.
    #expect(try load(scenario(fund: "  scope: per-market\n")).exchange.fund.scope == .perMarket)
  }

  /// A written share wins; the unwritten group takes the rest, 1 − 0.3 = 0.7.
  @Test("a written share wins, the others take the rest")
  func writtenShareWins() throws {
    let s = try load(
      scenario(
        fund: "  scope: groups\n  split: open-interest\n  groups: [{markets: [BTC], share: 0.3}, {markets: [ETH]}]\n"))
    #expect(
      s.exchange.fund.scope == .groups([FundGroup(markets: [0], share: 0.3), FundGroup(markets: [1], share: 0.7)]))
  }

  /// Three funds of open interest 100, 300 and 600, the second written at 0.2: the others
  /// share 0.8 as 100 : 600, 0.8/7 and 4.8/7.
  @Test("resolution by hand")
  func resolution() throws {
    let split = OpenInterestSplit(written: [nil, 0.2, nil])
    let scope = try split.resolve(.perMarket, openInterest: [100, 300, 600])
    guard case .groups(let funds) = scope else { throw OpenInterestSplit.Problem.nothingLeft(written: 0) }
    #expect(abs(funds[0].share - 0.8 / 7) < 1e-15 && funds[1].share == 0.2 && abs(funds[2].share - 4.8 / 7) < 1e-15)
    #expect(throws: OpenInterestSplit.Problem.withoutOpenInterest(fund: 2)) {
      try split.resolve(.perMarket, openInterest: [100, 300, 0])
    }
    #expect(throws: OpenInterestSplit.Problem.nothingLeft(written: 1)) {
      try OpenInterestSplit(written: [nil, 1]).resolve(.perMarket, openInterest: [1, 1])
    }
  }

  /// A fund whose markets hold no open interest would start empty: refused at `fund.split`.
  @Test("a fund without open interest is refused")
  func withoutOpenInterest() throws {
    let fixtures = try Fixtures()
    try fixtures.write("book.csv", "account,market,side,size,entry_price,margin\na,BTC,long,2,90000,40000\n")
    expectMessage(
      try fixtures.loadError(scenario(fund: "  scope: per-market\n  split: open-interest\n")),
      file: "scenario.yaml", key: "fund.split", contains: ["no open interest in ETH", "split: equal"])
  }
}
