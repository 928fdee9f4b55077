import PricePaths
import Testing

@Suite("NearestCorrelation")
struct NearestCorrelationTests {
  private func checkCorrelationMatrix(_ c: CorrelationMatrix) throws {
    let n = c.dimension
    for i in 0..<n {
      #expect(c[i, i] == 1)
      for j in 0..<n { #expect(c[i, j] == c[j, i]) }
    }
    #expect(c.smallestEigenvalue > 0)
    _ = try c.choleskyFactor()
  }

  // Expected: Higham (2002), IMA J. Numer. Anal. 22(3), section 4's example: the nearest
  // correlation matrix to [[1,1,0],[1,1,1],[0,1,1]] has off-diagonals 0.7607 (adjacent) and
  // 0.1573 (corner) to 4 decimals (an independent numpy run of Algorithm 3.3 gives
  // 0.76068985 and 0.15729811). The result must be a positive definite correlation matrix.
  @Test func highamExample() throws {
    let a = try CorrelationMatrix(rows: [[1, 1, 0], [1, 1, 1], [0, 1, 1]], dimension: 3)
    #expect(a.smallestEigenvalue < 0)
    let x = a.nearestCorrelation()
    let rounded = { (v: Double) in (v * 10_000).rounded() / 10_000 }
    #expect(rounded(x[0, 1]) == 0.7607)
    #expect(rounded(x[1, 2]) == 0.7607)
    #expect(rounded(x[0, 2]) == 0.1573)
    try checkCorrelationMatrix(x)
  }

  // Expected, in closed form: C = [[1,.9,−.9],[.9,1,.9],[−.9,.9,1]] is D·E(−0.9)·D with
  // D = diag(1,−1,1) and E(ρ) the 3×3 equicorrelation matrix. Conjugation by D preserves
  // the Frobenius norm and the set of correlation matrices, and the nearest correlation
  // matrix of E(ρ) is the equicorrelation matrix E(ρ*) (the problem is strictly convex and
  // invariant under permutations) with ρ* the point of [−1/2, 1] nearest ρ, here −1/2.
  // So the answer has off-diagonals 0.5, −0.5, 0.5. Tolerance 1e-6: the implementation
  // floors eigenvalues at 1e-8 instead of 0.
  @Test func equicorrelationRepairIsKnownInClosedForm() throws {
    let a = try CorrelationMatrix(rows: CorrelationMatrixTests.indefinite, dimension: 3)
    let x = a.nearestCorrelation()
    #expect(abs(x[0, 1] - 0.5) <= 1e-6)
    #expect(abs(x[0, 2] + 0.5) <= 1e-6)
    #expect(abs(x[1, 2] - 0.5) <= 1e-6)
    try checkCorrelationMatrix(x)
  }

  // Expected: a positive definite correlation matrix is its own nearest correlation matrix
  // (zero distance), up to rounding of the eigen-decomposition.
  @Test func positiveDefiniteMatrixIsUnchanged() throws {
    let a = try CorrelationMatrix(rows: PeerUniverse.correlation, dimension: 4)
    let x = a.nearestCorrelation()
    for (u, v) in zip(a.entries, x.entries) { #expect(abs(u - v) <= 1e-12) }
  }

  // Expected: a larger indefinite matrix (a hand-edited 5-market matrix with one
  // inconsistent triangle) comes back as a valid positive definite correlation matrix that
  // is closer to the input, in Frobenius norm, than the identity is.
  @Test func largerRepairIsValidAndClose() throws {
    let rows: [[Double]] = [
      [1, 0.95, 0.9, -0.6, 0.2],
      [0.95, 1, 0.1, 0.8, 0.3],
      [0.9, 0.1, 1, 0.7, 0.4],
      [-0.6, 0.8, 0.7, 1, 0.5],
      [0.2, 0.3, 0.4, 0.5, 1],
    ]
    let a = try CorrelationMatrix(rows: rows, dimension: 5)
    #expect(a.smallestEigenvalue < 0)
    let x = a.nearestCorrelation()
    try checkCorrelationMatrix(x)
    let distance = zip(a.entries, x.entries).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    let toIdentity = zip(a.entries, CorrelationMatrix.identity(dimension: 5).entries)
      .reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    #expect(distance < toIdentity)
  }
}
