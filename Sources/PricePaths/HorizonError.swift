/// A time grid outside its domain (``Horizon/validate()``).
///
/// Each case carries the value found; ``description`` speaks the domain. A reader of a file
/// format maps the case to its own key and wording.
public enum HorizonError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The number of steps is outside ``Horizon/stepsRange``.
  case steps(Int)
  /// The step length is outside ``Horizon/stepSecondsRange``.
  case stepSeconds(Double)

  public var description: String {
    switch self {
    case .steps(let n): return "the horizon has \(n) steps; give 1 to 10000000"
    case .stepSeconds(let s): return "the step is \(s) seconds long; give 0.001 to 31536000 seconds (one year)"
    }
  }
}
