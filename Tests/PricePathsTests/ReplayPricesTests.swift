import PricePaths
import Testing

@Suite("ReplayPrices")
struct ReplayPricesTests {
  // Expected: docs/MODEL.md, "Price paths", step 0 holds the initial prices and there is one row per step, so
  // 4 rows are 3 steps; prices are stored row-major.
  @Test func shapeAndLookup() throws {
    let replay = try ReplayPrices(symbols: ["BTC", "ETH"], rows: [[100, 10], [90, 9], [80, 8.5], [85, 8]])
    #expect(replay.steps == 3)
    #expect(replay.price(step: 0, column: 1) == 10)
    #expect(replay.price(step: 2, column: 0) == 80)
    #expect(replay.prices == [100, 10, 90, 9, 80, 8.5, 85, 8])
  }

  // Expected (the initialiser's doc): too few rows, a row of the wrong width with its step,
  // a bad price with its step and symbol.
  @Test func tooFewRowsAreRefused() {
    #expect(throws: ReplayError.tooFewRows(1)) { _ = try ReplayPrices(symbols: ["BTC"], rows: [[100]]) }
  }

  @Test func wrongWidthNamesTheStep() {
    #expect(throws: ReplayError.rowWidth(step: 1, prices: 1, columns: 2)) {
      _ = try ReplayPrices(symbols: ["BTC", "ETH"], rows: [[100, 10], [90]])
    }
  }

  @Test(arguments: [0.0, -5.0, Double.nan, Double.infinity])
  func badPriceNamesStepAndSymbol(value: Double) {
    expectThrows(ReplayError.price(step: 2, symbol: "ETH", price: value)) {
      _ = try ReplayPrices(symbols: ["BTC", "ETH"], rows: [[100, 10], [90, 9], [80, value]])
    }
  }

  // A replay needs at least one symbol column: without one, `steps`
  // (prices.count / symbols.count) would divide by zero.
  @Test func replayWithoutSymbolColumnsIsRefused() {
    #expect(throws: ReplayError.noColumns) { _ = try ReplayPrices(symbols: [], rows: [[], []]) }
  }
}
