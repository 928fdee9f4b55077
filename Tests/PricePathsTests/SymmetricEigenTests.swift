import PricePaths
import Testing

// SymmetricEigen is internal; it is reached through CorrelationMatrix.eigenvalues() (values)
// and nearestCorrelation() (vectors, see NearestCorrelationTests), so these tests also run
// in release builds where @testable import is unavailable.
@Suite("SymmetricEigen")
struct SymmetricEigenTests {
  // Expected: [[1, ρ], [ρ, 1]] has eigenvalues 1 − ρ and 1 + ρ, returned ascending.
  @Test(arguments: [-0.7, 0.0, 0.3, 0.99])
  func twoByTwo(rho: Double) throws {
    let values = try CorrelationMatrix(rows: [[1, rho], [rho, 1]], dimension: 2).eigenvalues()
    #expect(abs(values[0] - (1 - abs(rho))) <= 1e-14)
    #expect(abs(values[1] - (1 + abs(rho))) <= 1e-14)
  }

  // Expected: the n×n equicorrelation matrix (1 − ρ)I + ρJ has eigenvalue 1 + (n − 1)ρ once
  // and 1 − ρ with multiplicity n − 1 (J has eigenvalues n and 0).
  @Test func equicorrelation() throws {
    let n = 6
    let rho = 0.35
    let rows = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : rho } }
    let values = try CorrelationMatrix(rows: rows, dimension: n).eigenvalues()
    #expect(values.count == n)
    for v in values.dropLast() { #expect(abs(v - (1 - rho)) <= 1e-13) }
    #expect(abs(values[n - 1] - (1 + Double(n - 1) * rho)) <= 1e-13)
  }

  // Expected: ascending order, and the sum equals the trace (= n for a correlation matrix).
  @Test func ascendingAndTraceIsPreserved() throws {
    let values = try CorrelationMatrix(rows: PeerUniverse.correlation, dimension: 4).eigenvalues()
    #expect(values == values.sorted())
    #expect(abs(values.reduce(0, +) - 4) <= 1e-13)
  }
}
