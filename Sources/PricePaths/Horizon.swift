/// The simulated time grid: `steps` steps of `stepSeconds` seconds each.
///
/// Time is measured in years of 365 days of 24 hours (crypto never closes), so one minute
/// is `1/525 600` of a year.
public struct Horizon: Sendable, Equatable, Codable {
  public var steps: Int
  public var stepSeconds: Double

  public static let secondsPerYear = 365.0 * 24 * 3600

  public init(steps: Int, stepSeconds: Double) {
    self.steps = steps
    self.stepSeconds = stepSeconds
  }

  /// One step as a fraction of a year, `Δt`.
  public var stepYears: Double { stepSeconds / Self.secondsPerYear }
  /// One step in days.
  public var stepDays: Double { stepSeconds / 86_400 }
  /// The whole horizon in hours.
  public var hours: Double { Double(steps) * stepSeconds / 3600 }

  /// Step lengths accepted, in seconds: a millisecond to a 365-day year. Beyond a year
  /// `σ√Δt` takes every gbm price to 0 or ∞ within a few steps (10¹² s steps gave prices of
  /// exactly 0); below a millisecond there is no market to model.
  public static let stepSecondsRange: ClosedRange<Double> = 0.001...31_536_000

  /// Checks the horizon, naming the key of the first problem.
  public func validate() throws {
    guard steps >= 1, steps <= 10_000_000 else {
      throw ModelInputError(
        key: "horizon.steps", problem: "is \(steps)",
        fix: "give a whole number of steps between 1 and 10000000")
    }
    guard stepSeconds >= Self.stepSecondsRange.lowerBound, stepSeconds <= Self.stepSecondsRange.upperBound else {
      throw ModelInputError(
        key: "horizon.step_seconds", problem: "is \(stepSeconds)",
        fix: "give a step length between 0.001 and 31536000 seconds (one year), e.g. 60")
    }
  }
}
