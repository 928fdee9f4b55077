import PricePaths

/// The correlation matrix of the markets' standardised residuals (Pearson's, over the
/// common return rows), repaired to the nearest correlation matrix (Higham 2002,
/// ``PricePaths/CorrelationMatrix/nearestCorrelation(maxIterations:eigenvalueFloor:)``)
/// when it is not positive definite.
///
/// For constant-volatility models the residuals are the returns over a constant, so this is
/// the plain correlation of the returns — numpy's `corrcoef`. For GARCH markets it is the
/// constant conditional correlation of Bollerslev (1990): the correlation of `xₜ/√hₜ`.
public struct CorrelationEstimate: Sendable, Equatable {
  /// The matrix, rows in market order (after any repair).
  public let matrix: [[Double]]
  /// Whether the sample matrix was not positive definite and was repaired.
  public let repaired: Bool
  /// The smallest eigenvalue of the sample matrix, before any repair.
  public let sampleSmallestEigenvalue: Double

  /// - Parameter residuals: one series per market, all of the same length (≥ 2).
  /// - Complexity: O(M² · n).
  public init(residuals: [[Double]]) throws {
    let m = residuals.count
    var rows = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
    let centred = residuals.map { series in
      let mean = series.reduce(0, +) / Double(series.count)
      return series.map { $0 - mean }
    }
    let norms = centred.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    for i in 0..<m {
      rows[i][i] = 1
      for j in 0..<i {
        var s = 0.0
        for (a, b) in zip(centred[i], centred[j]) { s += a * b }
        let r = max(-1, min(1, s / (norms[i] * norms[j])))
        rows[i][j] = r
        rows[j][i] = r
      }
    }
    let sample = try CorrelationMatrix(rows: rows, dimension: m)
    sampleSmallestEigenvalue = sample.smallestEigenvalue
    if (try? sample.choleskyFactor()) != nil {
      matrix = rows
      repaired = false
    } else {
      matrix = sample.nearestCorrelation().rows
      repaired = true
    }
  }

  /// Standard error of a sample correlation `ρ̂` from `n` pairs, `(1 − ρ̂²)/√n` (the
  /// large-sample result for bivariate normal data; Fisher 1921).
  public static func standardError(_ rho: Double, count n: Int) -> Double {
    (1 - rho * rho) / Double(n).squareRoot()
  }
}
