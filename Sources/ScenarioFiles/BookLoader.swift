import Foundation
import FundSimulation
import PricePaths

/// The position book of a scenario, read from its CSV file or drawn synthetically.
struct LoadedBook {
  var positions: [Position]
  /// `positions` or `synthetic`.
  var kind: String
  /// For messages and reports: the CSV path, or `synthetic, N positions per market`.
  var source: String
  /// The positions file, when there is one.
  var file: String?
  var synthetic: SyntheticBook?
  /// The seed a synthetic book was drawn with.
  var seed: UInt64?
}

/// Reads or draws a scenario's book, locating every problem in the scenario or the
/// positions file.
enum BookLoader {
  static func load(
    _ input: ScenarioInput, paths: PathModel, document: YAMLDocument, source: String
  ) throws
    -> LoadedBook
  {
    switch input.book {
    case .positions(let file):
      let text = try file.readText(source: source)
      let positions = try PositionsFile.read(
        text: text, file: file.display, markets: paths.markets, rules: input.rules)
      return LoadedBook(
        positions: positions, kind: "positions", source: file.display, file: file.display, synthetic: nil, seed: nil)

    case .synthetic(let book, let ownSeed):
      do {
        try book.validate(symbols: paths.symbols)
      } catch let error as ModelInputError {
        throw ScenarioError(error, file: source, marks: document.marks)
      }
      try checkLeverageIsLiquidatable(book, paths: paths, rules: input.rules, document: document)
      let seed = ownSeed ?? input.seed
      var generator = RandomStreams(seed: seed).generator(path: 0, purpose: .book)
      let positions = book.draw(markets: paths.markets, rules: input.rules, using: &generator)
      return LoadedBook(
        positions: positions, kind: "synthetic", source: "synthetic, \(book.positionsPerMarket) positions per market",
        file: nil, synthetic: book, seed: seed)
    }
  }

  /// Refuses a synthetic book whose lowest leverage would put a position opened at the
  /// current price at or past its liquidation price (`1/L ≤ m`, up to the draw's 0.1%
  /// safety margin): the draw would reject nearly every position and might never finish.
  ///
  /// A long opened at `P` with leverage `L` has `Pl = P·(1 − 1/L)/(1 − m)`, a short
  /// `Pl = P·(1 + 1/L)/(1 + m)`; both are safely away from `P` when
  /// `1/L > 0.001 + 1.001·m`.
  private static func checkLeverageIsLiquidatable(
    _ book: SyntheticBook, paths: PathModel, rules: [MarketRules], document: YAMLDocument
  ) throws {
    for (k, rule) in rules.enumerated() where (book.openInterest[paths.symbols[k]] ?? 0) > 0 {
      let cap = min(book.maxLeverage, rule.maxLeverage)
      let lowest = min(book.minLeverage, cap)
      let limit = 1 / (0.001 + 1.001 * rule.maintenanceMargin)
      guard lowest >= limit else { continue }
      let symbol = paths.symbols[k]
      let key = lowest == book.minLeverage ? "book.synthetic.leverage.min" : "markets[\(k)].max_leverage"
      throw document.error(
        key, at: ScenarioError.nearestMark(of: key, in: document.marks),
        "leaves \(symbol) no leverage below \(String(format: "%.4g", limit))× (1/maintenance_margin with "
          + "maintenance_margin \(rule.maintenanceMargin)): every position would start at its liquidation price",
        fix: "lower the leverage below \(String(format: "%.4g", limit))× or lower \(symbol)'s maintenance_margin")
    }
  }
}
