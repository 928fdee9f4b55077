/// A problem with a model input, located by its key path in the scenario.
///
/// ``EngineErrorKeys`` makes one of each typed error of the simulation libraries
/// (``PricePaths/CorrelationError``: "the correlation matrix is not positive definite"
/// becomes key `correlation`); ``ScenarioError`` adds the file and the line of the key, and
/// the command line prints it on one line. Every error states what is wrong and how to fix it.
struct ModelInputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The key path of the offending value, e.g. `correlation[0][1]`.
  var key: String
  /// What is wrong, with the value found.
  var problem: String
  /// What to do about it.
  var fix: String

  init(key: String, problem: String, fix: String) {
    self.key = key
    self.problem = problem
    self.fix = fix
  }

  var description: String { "\(key): \(problem); \(fix)" }
}
