import FundSimulation
import PricePaths

/// The `book:` block: exactly one of a positions file or a synthetic book.
///
/// ```yaml
/// book:
///   positions: positions.csv        # account,market,side,size,entry_price,margin
/// # or
/// book:
///   synthetic:
///     positions_per_market: 2000
///     open_interest: {BTC: 4.0e8, ETH: 2.5e8}   # notional of one side, margin currency
///     leverage: {min: 2, max: 50}               # log-uniform, capped by max_leverage
///     long_share: 0.5                           # probability a position is long
///     entry_dispersion: 0.03                    # stdev of log(entry / price)
///     size_dispersion: 1.5                      # stdev of log(notional)
///     seed: 11                                  # optional; default: the scenario's seed
/// ```
///
/// The synthetic book has its own optional seed so that a `--seed` override on the
/// command line (which changes the price paths) keeps the same book: the book is drawn
/// once per scenario from `book.synthetic.seed`, or else from the seed written in the
/// scenario file.
extension ScenarioParser {
  static let syntheticKeys = [
    "positions_per_market", "open_interest", "leverage", "long_share", "entry_dispersion", "size_dispersion", "seed",
  ]

  func parseBook(_ value: YAMLValue, symbols: [String]) throws -> BookInput {
    let block = try value.mapping(allowedKeys: ["positions", "synthetic"])
    let file = block.optional("positions")
    let synthetic = block.optional("synthetic")
    switch (file, synthetic) {
    case (let file?, nil):
      return .positions(try fileReference(file))
    case (nil, let synthetic?):
      return try parseSynthetic(synthetic, symbols: symbols)
    case (.some, .some):
      throw block.error(
        "has both `positions` and `synthetic`", fix: "keep one: a positions file or a synthetic book")
    case (nil, nil):
      throw block.error(
        "names no book",
        fix: "add `positions: FILE` (a CSV account,market,side,size,entry_price,margin) or a `synthetic:` block")
    }
  }

  private func parseSynthetic(_ value: YAMLValue, symbols: [String]) throws -> BookInput {
    let block = try value.mapping(allowedKeys: Self.syntheticKeys)
    let perMarket = try block.wholeNumber(
      "positions_per_market", fix: "the number of positions drawn per market, e.g. 2000")
    let interestBlock = try block.required(
      "open_interest", fix: "the notional of one side per market, e.g. {\(symbols.first ?? "BTC"): 4.0e8}"
    ).mapping(allowedKeys: symbols)
    var openInterest: [String: Double] = [:]
    for symbol in interestBlock.order {
      openInterest[symbol] = try interestBlock.number(symbol, fix: "the notional of one side, e.g. 4.0e8")
    }
    let leverage = try block.block("leverage", allowedKeys: ["min", "max"])
    let book = SyntheticBook(
      positionsPerMarket: perMarket, openInterest: openInterest,
      minLeverage: try leverage?.number("min", default: ScenarioDefaults.minLeverage) ?? ScenarioDefaults.minLeverage,
      maxLeverage: try leverage?.number("max", default: ScenarioDefaults.maxBookLeverage)
        ?? ScenarioDefaults.maxBookLeverage,
      longShare: try block.number("long_share", default: ScenarioDefaults.longShare),
      entryDispersion: try block.number("entry_dispersion", default: ScenarioDefaults.entryDispersion),
      sizeDispersion: try block.number("size_dispersion", default: ScenarioDefaults.sizeDispersion))
    let seed = try block.optional("seed")?.seed()
    return .synthetic(book, seed: seed)
  }
}
