/// Repair of an indefinite correlation matrix to the nearest correlation matrix in the
/// Frobenius norm, by Higham's alternating projections with Dykstra's correction:
/// N. J. Higham, "Computing the nearest correlation matrix — a problem from finance",
/// IMA Journal of Numerical Analysis 22(3), 2002, Algorithm 3.3.
///
/// Iterate `R = Y − ΔS`, `X = P_S(R)` (clip negative eigenvalues), `ΔS = X − R`,
/// `Y = P_U(X)` (unit diagonal) until `‖Y − X‖_F` falls below the tolerance. The paper's
/// example, `[[1,1,0],[1,1,1],[0,1,1]]`, converges to off-diagonals 0.7607 and 0.1573.
///
/// The exact nearest matrix is often singular, which Cholesky cannot factor. The
/// projection here clips eigenvalues at `eigenvalueFloor` rather than 0 and the result is
/// rescaled to a unit diagonal, so it is positive definite and within about the floor of
/// the exact answer.
extension CorrelationMatrix {
  /// The nearest positive definite correlation matrix.
  ///
  /// - Parameters:
  ///   - eigenvalueFloor: smallest eigenvalue kept by the PSD projection.
  ///   - tolerance: stop when successive iterates differ by less (Frobenius norm).
  ///   - maxIterations: safety cap.
  /// - Complexity: O(k · n³) for k iterations (tens to hundreds).
  public func nearestCorrelation(
    eigenvalueFloor: Double = 1e-8, tolerance: Double = 1e-12, maxIterations: Int = 10_000
  ) -> CorrelationMatrix {
    let n = dimension
    var y = entries
    var correction = [Double](repeating: 0, count: n * n)
    var x = y
    for _ in 0..<maxIterations {
      var r = y
      for k in 0..<(n * n) { r[k] -= correction[k] }
      x = Self.projectOntoPSD(r, dimension: n, floor: eigenvalueFloor)
      for k in 0..<(n * n) { correction[k] = x[k] - r[k] }
      let previous = y
      y = x
      for i in 0..<n { y[i * n + i] = 1 }
      var change = 0.0
      for k in 0..<(n * n) { change += (y[k] - previous[k]) * (y[k] - previous[k]) }
      if change.squareRoot() < tolerance { break }
    }
    // Take the PSD iterate and rescale it to a unit diagonal: positive definite by
    // construction (a congruence of a matrix with eigenvalues ≥ floor).
    var result = x
    for i in 0..<n {
      for j in 0..<n {
        result[i * n + j] = x[i * n + j] / (x[i * n + i] * x[j * n + j]).squareRoot()
      }
    }
    for i in 0..<n {
      result[i * n + i] = 1
      for j in 0..<i {
        let mean = 0.5 * (result[i * n + j] + result[j * n + i])
        result[i * n + j] = mean
        result[j * n + i] = mean
      }
    }
    return CorrelationMatrix(uncheckedEntries: result, dimension: n)
  }

  /// `V · max(Λ, floor) · Vᵀ`.
  static func projectOntoPSD(_ a: [Double], dimension n: Int, floor: Double) -> [Double] {
    let eigen = SymmetricEigen(entries: a, dimension: n, vectors: true)
    var out = [Double](repeating: 0, count: n * n)
    for k in 0..<n {
      let lambda = max(eigen.values[k], floor)
      for i in 0..<n {
        let vik = eigen.vectors[i * n + k] * lambda
        for j in 0..<n { out[i * n + j] += vik * eigen.vectors[j * n + k] }
      }
    }
    return out
  }
}
