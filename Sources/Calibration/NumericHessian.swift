/// Standard errors of maximum-likelihood estimates from the observed information: the
/// inverse of the Hessian of the negative log-likelihood at the estimate (e.g. Hamilton,
/// *Time Series Analysis* (1994) §5.8), in the model's natural parameters.
///
/// The Hessian is taken by central differences with a step `hᵢ = 10⁻⁴·|θᵢ|` (or `10⁻⁸`
/// for a zero parameter):
///
///     Hᵢᵢ = (f(θ + hᵢeᵢ) − 2f(θ) + f(θ − hᵢeᵢ)) / hᵢ²
///     Hᵢⱼ = (f(θ + hᵢeᵢ + hⱼeⱼ) − f(θ + hᵢeᵢ − hⱼeⱼ) − f(θ − hᵢeᵢ + hⱼeⱼ) + f(θ − hᵢeᵢ − hⱼeⱼ)) / (4hᵢhⱼ)
///
/// An estimate on the boundary of the parameter space (α = 0, say) has no standard error
/// in this sense; the inverse is then not positive definite and the errors are `nil`.
public enum NumericHessian {
  /// The Hessian of `f` at `theta`.
  ///
  /// - Complexity: O(n²) evaluations of `f`.
  public static func hessian(_ f: ([Double]) -> Double, at theta: [Double]) -> [[Double]] {
    let n = theta.count
    let h = theta.map { $0 == 0 ? 1e-8 : 1e-4 * abs($0) }
    func at(_ moves: [(Int, Double)]) -> Double {
      var x = theta
      for (i, s) in moves { x[i] += s * h[i] }
      return f(x)
    }
    let center = f(theta)
    var result = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
      result[i][i] = (at([(i, 1)]) - 2 * center + at([(i, -1)])) / (h[i] * h[i])
      for j in 0..<i {
        let value =
          (at([(i, 1), (j, 1)]) - at([(i, 1), (j, -1)]) - at([(i, -1), (j, 1)]) + at([(i, -1), (j, -1)]))
          / (4 * h[i] * h[j])
        result[i][j] = value
        result[j][i] = value
      }
    }
    return result
  }

  /// The square roots of the diagonal of `H⁻¹`, where `H` is the Hessian of the negative
  /// log-likelihood `f` at the estimate; `nil` when `H` is not positive definite.
  public static func standardErrors(_ f: ([Double]) -> Double, at theta: [Double]) -> [Double]? {
    guard let inverse = symmetricInverse(hessian(f, at: theta)) else { return nil }
    let variances = inverse.indices.map { inverse[$0][$0] }
    guard variances.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
    return variances.map { $0.squareRoot() }
  }

  /// The inverse of a small symmetric positive definite matrix by its Cholesky factor;
  /// `nil` when it is not positive definite.
  ///
  /// - Complexity: O(n³).
  public static func symmetricInverse(_ a: [[Double]]) -> [[Double]]? {
    let n = a.count
    var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
      for j in 0...i {
        var s = a[i][j]
        for k in 0..<j { s -= l[i][k] * l[j][k] }
        if i == j {
          guard s > 0, s.isFinite else { return nil }
          l[i][i] = s.squareRoot()
        } else {
          l[i][j] = s / l[j][j]
        }
      }
    }
    // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹.
    var inv = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for j in 0..<n {
      inv[j][j] = 1 / l[j][j]
      for i in (j + 1)..<n {
        var s = 0.0
        for k in j..<i { s -= l[i][k] * inv[k][j] }
        inv[i][j] = s / l[i][i]
      }
    }
    var result = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
      for j in 0..<n {
        var s = 0.0
        for k in max(i, j)..<n { s += inv[k][i] * inv[k][j] }
        result[i][j] = s
      }
    }
    return result
  }
}
