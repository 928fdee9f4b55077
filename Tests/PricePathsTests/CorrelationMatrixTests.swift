import PricePaths
import Testing

@Suite("CorrelationMatrix")
struct CorrelationMatrixTests {
  // Expected: the initialiser names the first offending row or entry (its doc comment),
  // counting rows and columns from 0.
  @Test func wrongNumberOfRowsIsRefused() {
    #expect(throws: CorrelationError.rowCount(rows: 2, markets: 3)) {
      _ = try CorrelationMatrix(rows: [[1, 0], [0, 1]], dimension: 3)
    }
  }

  @Test func shortRowNamesTheRow() {
    #expect(throws: CorrelationError.rowLength(row: 1, entries: 1, markets: 2)) {
      _ = try CorrelationMatrix(rows: [[1, 0], [0]], dimension: 2)
    }
  }

  @Test func asymmetryNamesTheEntry() {
    #expect(throws: CorrelationError.asymmetric(row: 1, column: 0, value: 0.4, transposed: 0.5)) {
      _ = try CorrelationMatrix(rows: [[1, 0.5, 0], [0.4, 1, 0], [0, 0, 1]], dimension: 3)
    }
  }

  @Test func diagonalOtherThanOneNamesTheEntry() {
    #expect(throws: CorrelationError.diagonal(market: 1, value: 0.9)) {
      _ = try CorrelationMatrix(rows: [[1, 0.2], [0.2, 0.9]], dimension: 2)
    }
  }

  @Test(arguments: [1.5, -1.01, Double.nan, Double.infinity, -Double.infinity])
  func entryOutOfRangeOrNotFiniteNamesTheEntry(value: Double) {
    expectThrows(CorrelationError.entry(row: 0, column: 1, value: value)) {
      _ = try CorrelationMatrix(rows: [[1, value], [value, 1]], dimension: 2)
    }
  }

  // Expected: ±1 and asymmetry within the documented tolerance (1e-9) are accepted.
  @Test func boundaryValuesAreAccepted() throws {
    let c = try CorrelationMatrix(rows: [[1, -1], [-1 + 1e-10, 1]], dimension: 2)
    #expect(c[0, 1] == -1)
    #expect(c.dimension == 2)
    #expect(c.rows.count == 2)
  }

  // Expected eigenvalues, in closed form: C = I + 0.9·A with A = [[0,1,−1],[1,0,1],[−1,1,0]].
  // With D = diag(1, −1, 1), D·A·D = −(J − I) (J all ones), whose eigenvalues are −2, 1, 1;
  // so spec(C) = {1 − 1.8, 1 + 0.9, 1 + 0.9} = {−0.8, 1.9, 1.9}. (numpy eigvalsh agrees.)
  static let indefinite: [[Double]] = [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]

  @Test func eigenvaluesOfAnIndefiniteMatrix() throws {
    let c = try CorrelationMatrix(rows: Self.indefinite, dimension: 3)
    let values = c.eigenvalues()
    #expect(values.count == 3)
    for (value, expected) in zip(values, [-0.8, 1.9, 1.9]) {
      #expect(abs(value - expected) <= 1e-12)
    }
    #expect(abs(c.smallestEigenvalue + 0.8) <= 1e-12)
  }

  // Expected: a matrix that is not positive definite is refused by choleskyFactor with its
  // smallest eigenvalue, −0.8 (closed form above), in the message.
  @Test func nonPositiveDefiniteIsRefusedWithItsSmallestEigenvalue() throws {
    let c = try CorrelationMatrix(rows: Self.indefinite, dimension: 3)
    let error = #expect(throws: CorrelationError.self) { _ = try c.choleskyFactor() }
    guard case .notPositiveDefinite(let smallest) = error else {
      Issue.record("expected notPositiveDefinite, got \(String(describing: error))")
      return
    }
    #expect(abs(smallest + 0.8) <= 1e-12)
    #expect("\(error!)".contains("smallest eigenvalue -0.8"), "\(error!)")
  }

  // Expected: a singular (positive semidefinite) matrix is refused too: its smallest
  // eigenvalue is 0, and Cholesky needs a strictly positive definite matrix.
  @Test func singularMatrixIsRefused() throws {
    let c = try CorrelationMatrix(rows: [[1, 1], [1, 1]], dimension: 2)
    let error = #expect(throws: CorrelationError.self) { _ = try c.choleskyFactor() }
    guard case .notPositiveDefinite(let smallest) = error else {
      Issue.record("expected notPositiveDefinite, got \(String(describing: error))")
      return
    }
    // The eigenvalues of [[1, 1], [1, 1]] are 0 and 2.
    #expect(abs(smallest) <= 1e-12)
  }

  // Expected: L·Lᵀ = C (definition of the Cholesky factor) to rounding (1e-14 on entries of
  // size ≤ 1), L lower triangular with the upper triangle exactly zero (dpotrf leaves it
  // untouched; the code must zero it) and a positive diagonal. Matrix: the numpy peer's.
  @Test func choleskyReproducesTheMatrix() throws {
    let c = try CorrelationMatrix(rows: PeerUniverse.correlation, dimension: 4)
    let l = try c.choleskyFactor()
    let n = 4
    for i in 0..<n {
      #expect(l[i * n + i] > 0)
      for j in 0..<n {
        if j > i { #expect(l[i * n + j] == 0, "L[\(i)][\(j)] = \(l[i * n + j])") }
        var sum = 0.0
        for k in 0..<n { sum += l[i * n + k] * l[j * n + k] }
        #expect(abs(sum - c[i, j]) <= 1e-14, "(L·Lᵀ)[\(i)][\(j)] = \(sum)")
      }
    }
  }

  // Expected: for 2×2, L = [[1, 0], [ρ, √(1 − ρ²)]] in closed form.
  @Test func choleskyOfATwoByTwo() throws {
    let rho = 0.6
    let l = try CorrelationMatrix(rows: [[1, rho], [rho, 1]], dimension: 2).choleskyFactor()
    #expect(l[0] == 1 && l[1] == 0)
    #expect(abs(l[2] - rho) <= 1e-15)
    #expect(abs(l[3] - 0.8) <= 1e-15)
  }

  // Expected: the identity has eigenvalues 1 and is its own Cholesky factor.
  @Test func identity() throws {
    let c = CorrelationMatrix.identity(dimension: 3)
    #expect(c.rows == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    #expect(try c.choleskyFactor() == c.entries)
    #expect(c.eigenvalues() == [1, 1, 1])
    #expect(c == (try CorrelationMatrix(rows: c.rows, dimension: 3)))
  }
}
