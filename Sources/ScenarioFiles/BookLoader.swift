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
      let seed = ownSeed ?? input.seed
      let positions: [Position]
      do {
        try book.validate(symbols: paths.symbols, rules: input.rules)
        var generator = RandomStreams(seed: seed).generator(path: 0, purpose: .book)
        positions = try book.draw(markets: paths.markets, rules: input.rules, using: &generator)
      } catch {
        throw document.located(error)
      }
      return LoadedBook(
        positions: positions, kind: "synthetic", source: "synthetic, \(book.positionsPerMarket) positions per market",
        file: nil, synthetic: book, seed: seed)
    }
  }

}
