import CLinearAlgebra
import Foundation

/// A validated correlation matrix: square, symmetric, unit diagonal, finite entries in
/// [−1, 1]. Positive definiteness is checked separately by ``choleskyFactor()``, because a
/// scenario may ask for the matrix to be repaired first (``nearestCorrelation()``).
///
/// Entries are stored row-major.
public struct CorrelationMatrix: Sendable, Equatable {
  /// Number of markets.
  public let dimension: Int
  /// Row-major entries, `dimension²` of them.
  public let entries: [Double]

  /// Tolerance for symmetry and the unit diagonal, absolute.
  public static let tolerance = 1e-9

  /// Validates `rows` as a correlation matrix for `dimension` markets.
  ///
  /// - Throws: ``CorrelationError`` for the first offending row or entry.
  public init(rows: [[Double]], dimension: Int) throws(CorrelationError) {
    guard rows.count == dimension else {
      throw .rowCount(rows: rows.count, markets: dimension)
    }
    var entries = [Double](repeating: 0, count: dimension * dimension)
    for (i, row) in rows.enumerated() {
      guard row.count == dimension else {
        throw .rowLength(row: i, entries: row.count, markets: dimension)
      }
      for (j, value) in row.enumerated() {
        guard value.isFinite, (-1...1).contains(value) else {
          throw .entry(row: i, column: j, value: value)
        }
        entries[i * dimension + j] = value
      }
    }
    for i in 0..<dimension {
      guard abs(entries[i * dimension + i] - 1) <= Self.tolerance else {
        throw .diagonal(market: i, value: entries[i * dimension + i])
      }
      for j in 0..<i where abs(entries[i * dimension + j] - entries[j * dimension + i]) > Self.tolerance {
        throw .asymmetric(row: i, column: j, value: entries[i * dimension + j], transposed: entries[j * dimension + i])
      }
    }
    self.init(uncheckedEntries: entries, dimension: dimension)
  }

  /// The identity: uncorrelated markets.
  public static func identity(dimension: Int) -> CorrelationMatrix {
    var entries = [Double](repeating: 0, count: dimension * dimension)
    for i in 0..<dimension { entries[i * dimension + i] = 1 }
    return CorrelationMatrix(uncheckedEntries: entries, dimension: dimension)
  }

  init(uncheckedEntries: [Double], dimension: Int) {
    self.entries = uncheckedEntries
    self.dimension = dimension
  }

  /// The entry in row `i`, column `j`.
  public subscript(i: Int, j: Int) -> Double { entries[i * dimension + j] }

  /// The rows, for printing and serialisation.
  public var rows: [[Double]] {
    (0..<dimension).map { Array(entries[($0 * dimension)..<(($0 + 1) * dimension)]) }
  }

  /// All eigenvalues in ascending order, by LAPACKE `dsyevr`.
  ///
  /// - Complexity: O(n³).
  public func eigenvalues() -> [Double] {
    SymmetricEigen(entries: entries, dimension: dimension, vectors: false).values
  }

  /// The smallest eigenvalue; the matrix is positive definite exactly when it is > 0.
  public var smallestEigenvalue: Double { eigenvalues().first ?? 1 }

  /// The lower Cholesky factor `L` (row-major, upper triangle zeroed) with `L·Lᵀ = C`,
  /// by LAPACKE `dpotrf`.
  ///
  /// - Throws: ``CorrelationError/notPositiveDefinite(smallestEigenvalue:)`` when the
  ///   matrix is not positive definite.
  /// - Complexity: O(n³).
  public func choleskyFactor() throws(CorrelationError) -> [Double] {
    var factor = entries
    let n = Int32(dimension)
    let info = factor.withUnsafeMutableBufferPointer {
      LAPACKE_dpotrf(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "L")), n, $0.baseAddress, n)
    }
    guard info == 0 else {
      throw .notPositiveDefinite(smallestEigenvalue: smallestEigenvalue)
    }
    // dpotrf leaves the other triangle untouched: zero it before dgemm sees it.
    for i in 0..<dimension {
      for j in (i + 1)..<dimension { factor[i * dimension + j] = 0 }
    }
    return factor
  }
}

extension Double {
  /// A compact rendering with six significant digits, for messages.
  var compact: String { String(format: "%.6g", self) }
}
