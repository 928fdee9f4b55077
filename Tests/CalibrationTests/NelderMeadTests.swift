import Calibration
import Testing

@Suite struct NelderMeadTests {
  // Expected: Rosenbrock's function (1 − x)² + 100(y − x²)² has its only minimum 0 at (1, 1).
  @Test func findsRosenbrocksMinimum() {
    let result = NelderMead().minimize(
      { (1 - $0[0]) * (1 - $0[0]) + 100 * ($0[1] - $0[0] * $0[0]) * ($0[1] - $0[0] * $0[0]) }, from: [-1.2, 1])
    #expect(result.converged)
    #expect(abs(result.point[0] - 1) < 1e-4 && abs(result.point[1] - 1) < 1e-4)
    #expect(result.value < 1e-8)
  }

  // Expected: a budget too small for the simplex to shrink is reported as not converged.
  // The budget is checked per iteration (an iteration takes at most n + 2 = 4 evaluations
  // before a shrink's n), and each of the two rounds first evaluates its n + 1 = 3 vertices.
  @Test func anExhaustedBudgetIsNotConvergence() {
    let result = NelderMead(maxEvaluations: 10).minimize({ $0[0] * $0[0] + $0[1] * $0[1] }, from: [5, 5])
    #expect(!result.converged)
    #expect(result.evaluations <= 10 + 3 + 3 + 4)
  }

  // Expected: regions where the function is undefined (NaN) are stepped back from.
  @Test func undefinedValuesCountAsInfinite() {
    let result = NelderMead().minimize({ $0[0] < 0 ? .nan : ($0[0] - 2) * ($0[0] - 2) }, from: [0.5])
    #expect(result.converged && abs(result.point[0] - 2) < 1e-4)
  }
}

@Suite struct NumericHessianTests {
  // Expected (hand calculation): f = 3x² + 2xy + y² has Hessian [[6, 2], [2, 2]], inverse
  // [[0.25, −0.25], [−0.25, 0.75]], so standard errors √0.25 = 0.5 and √0.75.
  @Test func quadraticHessianAndErrors() throws {
    let f = { (p: [Double]) in 3 * p[0] * p[0] + 2 * p[0] * p[1] + p[1] * p[1] }
    let h = NumericHessian.hessian(f, at: [1, 2])
    #expect(abs(h[0][0] - 6) < 1e-5 && abs(h[0][1] - 2) < 1e-5 && abs(h[1][1] - 2) < 1e-5)
    let se = try #require(NumericHessian.standardErrors(f, at: [1, 2]))
    #expect(abs(se[0] - 0.5) < 1e-5 && abs(se[1] - 0.75.squareRoot()) < 1e-5)
  }

  @Test func notPositiveDefiniteGivesNoErrors() {
    #expect(NumericHessian.standardErrors({ $0[0] * $0[0] - $0[1] * $0[1] }, at: [1, 1]) == nil)
  }
}
