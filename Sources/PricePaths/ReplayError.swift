/// Replay prices that cannot be replayed (``ReplayPrices/init(symbols:rows:)``).
///
/// Columns count the price columns from 0, in the order given; steps count the rows from
/// step 0, the initial prices. Each case carries the values found; ``description`` speaks
/// the domain. A reader of a file format maps the case to its own key and wording.
public enum ReplayError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No price column.
  case noColumns
  /// A symbol with a second column.
  case repeatedColumn(column: Int, symbol: String, firstColumn: Int)
  /// Fewer than two rows: step 0 and at least one step after it.
  case tooFewRows(Int)
  /// A row without one price per column.
  case rowWidth(step: Int, prices: Int, columns: Int)
  /// A price that is not positive and finite.
  case price(step: Int, symbol: String, price: Double)

  public var description: String {
    switch self {
    case .noColumns: return "the replay has no price columns"
    case .repeatedColumn(let j, let symbol, let first):
      return "the replay's price column \(j) repeats \(symbol), the symbol of column \(first)"
    case .tooFewRows(let n): return "the replay has \(n) rows of prices; give step 0 and at least one more step"
    case .rowWidth(let step, let prices, let columns):
      return "the replay's step \(step) has \(prices) prices for \(columns) columns"
    case .price(let step, let symbol, let price):
      return "the replay's \(symbol) price at step \(step) is \(price); give a positive, finite price"
    }
  }
}
