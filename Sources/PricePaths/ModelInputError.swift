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
