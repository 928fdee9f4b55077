/// A calibration that cannot be done, naming the market and the model when they apply.
///
/// The command line prefixes the file; ``description`` is one line: what is wrong and
/// how to fix it.
public struct CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The market's symbol, when the problem is one market's.
  public var market: String?
  /// The model being fitted (`gbm`, `student-t`, `garch`, …), when it matters.
  public var model: String?
  public var problem: String
  public var fix: String

  public init(market: String?, model: String?, problem: String, fix: String) {
    self.market = market
    self.model = model
    self.problem = problem
    self.fix = fix
  }

  public var description: String {
    let subject = [market, model.map { "\($0) fit" }].compactMap { $0 }.joined(separator: ", ")
    return (subject.isEmpty ? "" : "\(subject): ") + "\(problem); \(fix)"
  }
}

extension CalibrationError {
  /// Refuses a likelihood fit with a Student-t dof that did not converge, or whose `ν` ran
  /// to the bound of 500 (the data show no heavy tails: the likelihood keeps rising as ν
  /// grows, and any stopping point would be arbitrary).
  static func checkTailFit(_ result: NelderMead.Result, dof: Double, market: String, model: String, fix: String) throws
  {
    guard !result.converged || dof >= 499 else { return }
    throw CalibrationError(
      market: market, model: model,
      problem: result.converged
        ? "finds no heavy tails (ν reaches the bound of 500)" : "did not converge in \(result.evaluations) evaluations",
      fix: fix)
  }
}
