import CLinearAlgebra

/// Eigen-decomposition of a real symmetric matrix by LAPACKE `dsyevr` (relatively robust
/// representations, Dhillon and Parlett), used to report the smallest eigenvalue of a
/// correlation matrix and to project onto the positive semidefinite cone.
struct SymmetricEigen {
  /// Eigenvalues, ascending.
  var values: [Double]
  /// Eigenvectors as columns of a row-major `n × n` matrix (empty unless requested).
  var vectors: [Double]

  /// - Precondition: `entries` is a symmetric `dimension × dimension` row-major matrix
  ///   (only the lower triangle is read).
  /// - Complexity: O(n³).
  init(entries: [Double], dimension n: Int, vectors wantVectors: Bool) {
    var a = entries
    var w = [Double](repeating: 0, count: n)
    var z = [Double](repeating: 0, count: wantVectors ? n * n : 1)
    var support = [Int32](repeating: 0, count: 2 * max(n, 1))
    var found: Int32 = 0
    let info = a.withUnsafeMutableBufferPointer { a in
      w.withUnsafeMutableBufferPointer { w in
        z.withUnsafeMutableBufferPointer { z in
          support.withUnsafeMutableBufferPointer { s in
            LAPACKE_dsyevr(
              LAPACK_ROW_MAJOR, CChar(UInt8(ascii: wantVectors ? "V" : "N")),
              CChar(UInt8(ascii: "A")), CChar(UInt8(ascii: "L")), Int32(n), a.baseAddress,
              Int32(n), 0, 0, 0, 0, 0, &found, w.baseAddress, z.baseAddress,
              Int32(wantVectors ? n : 1), s.baseAddress)
          }
        }
      }
    }
    precondition(info == 0, "dsyevr failed with info \(info) on a finite symmetric matrix")
    values = w
    vectors = wantVectors ? z : []
  }
}
