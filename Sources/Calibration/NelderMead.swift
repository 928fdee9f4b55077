/// Minimises a function of a few unconstrained variables by the Nelder–Mead simplex method
/// (Nelder & Mead 1965), with the standard coefficients — reflection 1, expansion 2,
/// contraction ½, shrink ½ (Lagarias, Reeds, Wright & Wright, SIAM J. Optim. 9 (1998)) —
/// and one restart from the best vertex, which guards against the simplex collapsing away
/// from a minimum (the remedy McKinnon 1998 describes).
///
/// Constrained parameters (variances > 0, `α + β < 1`, `ν > 2`) are handed to it through
/// smooth bijections onto ℝⁿ; see the fits that use it.
///
/// Convergence: the spread of the function values over the simplex is below
/// `tolerance · (1 + |f_best|)` and every vertex is within `tolerance` of the best in each
/// coordinate, and the restart does not lower the minimum by more than that.
public struct NelderMead: Sendable {
  /// Relative tolerance on the function values, absolute on the coordinates.
  public var tolerance: Double
  /// The budget of function evaluations (both rounds together).
  public var maxEvaluations: Int
  /// The initial simplex's step in each coordinate.
  public var step: Double

  public init(tolerance: Double = 1e-10, maxEvaluations: Int = 20_000, step: Double = 0.5) {
    self.tolerance = tolerance
    self.maxEvaluations = maxEvaluations
    self.step = step
  }

  /// The result of a minimisation.
  public struct Result: Sendable {
    /// The best point found.
    public var point: [Double]
    /// The function's value there.
    public var value: Double
    /// Function evaluations used.
    public var evaluations: Int
    /// Whether the tolerance was met within the budget.
    public var converged: Bool
  }

  /// Minimises `f` from `start`. A non-finite value of `f` counts as +∞, so the simplex
  /// steps back from regions where the function is undefined.
  ///
  /// - Complexity: O(evaluations × (n + cost of f)), n = `start.count`.
  public func minimize(_ f: ([Double]) -> Double, from start: [Double]) -> Result {
    var evaluations = 0
    func value(_ x: [Double]) -> Double {
      evaluations += 1
      let y = f(x)
      return y.isNaN ? .infinity : y
    }
    var first = round(value, from: start, evaluations: { evaluations })
    let second = round(value, from: first.point, evaluations: { evaluations })
    let improved = first.value - second.value > tolerance * (1 + abs(second.value))
    if second.value <= first.value { first = (second.point, second.value, second.converged) }
    return Result(
      point: first.point, value: first.value, evaluations: evaluations,
      converged: first.converged && second.converged && !improved && first.value.isFinite)
  }

  private func round(
    _ f: ([Double]) -> Double, from start: [Double], evaluations: () -> Int
  ) -> (point: [Double], value: Double, converged: Bool) {
    let n = start.count
    var simplex = [start]
    for i in 0..<n {
      var vertex = start
      vertex[i] += step
      simplex.append(vertex)
    }
    var values = simplex.map(f)
    while evaluations() < maxEvaluations {
      let order = values.indices.sorted { values[$0] < values[$1] }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      let spread = values[n] - values[0]
      let size = simplex.dropFirst().map { v in zip(v, simplex[0]).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
      if values[0].isFinite, spread <= tolerance * (1 + abs(values[0])), size <= tolerance.squareRoot() {
        return (simplex[0], values[0], true)
      }
      var centroid = [Double](repeating: 0, count: n)
      for v in simplex[..<n] { for j in 0..<n { centroid[j] += v[j] / Double(n) } }
      func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
      let reflected = along(-1)
      let fr = f(reflected)
      if fr < values[0] {
        let expanded = along(-2)
        let fe = f(expanded)
        (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
      } else if fr < values[n - 1] {
        (simplex[n], values[n]) = (reflected, fr)
      } else {
        let outside = fr < values[n]
        let contracted = along(outside ? -0.5 : 0.5)
        let fc = f(contracted)
        if fc < (outside ? fr : values[n]) {
          (simplex[n], values[n]) = (contracted, fc)
        } else {
          for i in 1...n {
            simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
            values[i] = f(simplex[i])
          }
        }
      }
    }
    let best = values.indices.min { values[$0] < values[$1] }!
    return (simplex[best], values[best], false)
  }
}
