/// A fixed price path per market, replayed identically on every Monte Carlo path
/// (docs/MODEL.md, "Price paths"; `replay: FILE`).
///
/// The file's moves are applied to the scenario's initial prices:
/// `Pᵢ(t) = priceᵢ · fileᵢ(t) / fileᵢ(0)`. A historical crash thus runs through today's
/// book at today's price level; when the file's step 0 equals the scenario's prices the
/// replay is exact. The horizon is the file's length.
public struct ReplayPrices: Sendable, Equatable {
  /// Column symbols, in file order.
  public let symbols: [String]
  /// Prices, `(steps + 1) × symbols.count`, row-major, step 0 first.
  public let prices: [Double]

  /// - Throws: ``ReplayError`` for no column, a repeated symbol, fewer than two rows, a
  ///   row of the wrong width or a price that is not positive and finite.
  public init(symbols: [String], rows: [[Double]]) throws(ReplayError) {
    guard !symbols.isEmpty else {
      throw .noColumns
    }
    for (j, symbol) in symbols.enumerated() {
      if let first = symbols[..<j].firstIndex(of: symbol) {
        throw .repeatedColumn(column: j, symbol: symbol, firstColumn: first)
      }
    }
    guard rows.count >= 2 else {
      throw .tooFewRows(rows.count)
    }
    var prices: [Double] = []
    prices.reserveCapacity(rows.count * symbols.count)
    for (step, row) in rows.enumerated() {
      guard row.count == symbols.count else {
        throw .rowWidth(step: step, prices: row.count, columns: symbols.count)
      }
      for (j, value) in row.enumerated() {
        guard value.isFinite, value > 0 else {
          throw .price(step: step, symbol: symbols[j], price: value)
        }
        prices.append(value)
      }
    }
    self.symbols = symbols
    self.prices = prices
  }

  /// Number of steps after step 0.
  public var steps: Int { prices.count / symbols.count - 1 }

  /// The price of column `column` at `step`.
  public func price(step: Int, column: Int) -> Double { prices[step * symbols.count + column] }
}
