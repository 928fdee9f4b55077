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
