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

  // Expected keys (the initialiser's doc): `replay` for too few rows, `replay[step N]` for a
  // row of the wrong width, `replay[step N].SYMBOL` for a bad price.
  @Test func tooFewRowsNamesTheReplay() {
    let error = modelInputError { _ = try ReplayPrices(symbols: ["BTC"], rows: [[100]]) }
    #expect(error?.key == "replay")
  }

  @Test func wrongWidthNamesTheStep() {
    let error = modelInputError { _ = try ReplayPrices(symbols: ["BTC", "ETH"], rows: [[100, 10], [90]]) }
    #expect(error?.key == "replay[step 1]")
  }

  @Test(arguments: [0.0, -5.0, Double.nan, Double.infinity])
  func badPriceNamesStepAndSymbol(value: Double) {
    let error = modelInputError {
      _ = try ReplayPrices(symbols: ["BTC", "ETH"], rows: [[100, 10], [90, 9], [80, value]])
    }
    #expect(error?.key == "replay[step 2].ETH")
  }

  // A replay needs at least one symbol column: without one, `steps`
  // (prices.count / symbols.count) would divide by zero.
  @Test func replayWithoutSymbolColumnsIsRefused() {
    #expect(throws: ModelInputError.self) { _ = try ReplayPrices(symbols: [], rows: [[], []]) }
  }
}
