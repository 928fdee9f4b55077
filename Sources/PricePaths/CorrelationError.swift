/// A correlation matrix that is not one (``CorrelationMatrix/init(rows:dimension:)``,
/// ``CorrelationMatrix/choleskyFactor()``).
///
/// Rows and columns count the markets from 0. Each case carries the entries found;
/// ``description`` speaks the domain. A reader of a file format maps the case to its own
/// key and wording.
public enum CorrelationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Not one row per market.
  case rowCount(rows: Int, markets: Int)
  /// A row without one entry per market.
  case rowLength(row: Int, entries: Int, markets: Int)
  /// An entry outside [−1, 1] or not finite.
  case entry(row: Int, column: Int, value: Double)
  /// A diagonal entry other than 1 (beyond ``CorrelationMatrix/tolerance``).
  case diagonal(market: Int, value: Double)
  /// Entries `(row, column)` and `(column, row)` that differ (beyond the tolerance).
  case asymmetric(row: Int, column: Int, value: Double, transposed: Double)
  /// Not positive definite, with its smallest eigenvalue: no Cholesky factor exists.
  case notPositiveDefinite(smallestEigenvalue: Double)

  public var description: String {
    switch self {
    case .rowCount(let rows, let markets):
      return "the correlation matrix has \(rows) rows for \(markets) markets; give one row per market"
    case .rowLength(let row, let entries, let markets):
      return "row \(row) of the correlation matrix has \(entries) entries for \(markets) markets"
    case .entry(let row, let column, let value):
      return "the correlation of markets \(row) and \(column) is \(value); give a finite number in [-1, 1]"
    case .diagonal(let k, let value): return "the correlation of market \(k) with itself is \(value), not 1"
    case .asymmetric(let row, let column, let value, let transposed):
      return "the correlation matrix is not symmetric: entry (\(row), \(column)) is \(value), "
        + "entry (\(column), \(row)) \(transposed)"
    case .notPositiveDefinite(let smallest):
      return "the correlation matrix is not positive definite (smallest eigenvalue \(smallest.compact))"
    }
  }
}
