/// The common crash factor outside its domain (``JumpFactor/validate()``, and
/// ``PathModel`` for its rate per step).
///
/// Each case carries the value found; ``description`` speaks the domain. A reader of a file
/// format maps the case to its own key and wording.
public enum JumpFactorError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The expected number of jumps per day is negative or not finite.
  case intensity(Double)
  /// The mean log-size of a jump is not finite or 5 or more in magnitude.
  case mean(Double)
  /// The standard deviation of the log-size is negative, not finite or 5 or more.
  case stdev(Double)
  /// More than one expected jump per step of `stepSeconds` seconds: crash jumps are rare
  /// events (an intensity of 10⁹ per day would also have every path draw and store a
  /// billion of them).
  case moreThanOnePerStep(intensityPerDay: Double, stepSeconds: Double)

  public var description: String {
    switch self {
    case .intensity(let x): return "the crash-jump intensity is \(x) per day; give 0 or more"
    case .mean(let x): return "the mean log-size of a crash jump is \(x); give less than 5 in magnitude"
    case .stdev(let x): return "the standard deviation of a crash jump's log-size is \(x); give 0 to 5"
    case .moreThanOnePerStep(let x, let s):
      return "the crash-jump intensity is \(x) per day, more than one jump per step of \(s) seconds"
    }
  }
}
