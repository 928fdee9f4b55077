import RealModule

/// A problem with a model input, located by its key path in the scenario.
///
/// Libraries throw it with the key (`markets[2].volatility`); the scenario reader adds the
/// file and line, and the command line prints ``description`` on one line. Every error
/// states what is wrong and how to fix it.
public struct ModelInputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The key path of the offending value, e.g. `correlation[0][1]`.
  public var key: String
  /// What is wrong, with the value found.
  public var problem: String
  /// What to do about it.
  public var fix: String

  public init(key: String, problem: String, fix: String) {
    self.key = key
    self.problem = problem
    self.fix = fix
  }

  public var description: String { "\(key): \(problem); \(fix)" }
}

extension ModelInputError {
  /// A limit to quote in a ``fix``: `x > 0` rounded down to `digits` significant digits,
  /// short (0.00273972, not 0.0027397260273972603) and never above `x`, so that the quoted
  /// value is itself accepted. Non-positive and non-finite values are returned as they are.
  ///
  /// The scaled product or the quotient may round up past `x`; the result then steps down
  /// one unit in the last quoted digit.
  public static func quotedLimit(_ x: Double, significantDigits digits: Int) -> Double {
    guard x > 0, x.isFinite else { return x }
    let scale = Double.pow(10, Double(digits - 1) - Double.log10(x).rounded(.down))
    var units = (x * scale).rounded(.down)
    var quoted = units / scale
    while quoted > x {
      units -= 1
      quoted = units / scale
    }
    return quoted
  }
}
