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

  /// Step counts accepted: 1 to 10⁷.
  public static let stepsRange: ClosedRange<Int> = 1...10_000_000

  /// Checks the number of steps and the step length.
  ///
  /// - Throws: ``HorizonError`` for the first value outside its range.
  public func validate() throws(HorizonError) {
    guard Self.stepsRange.contains(steps) else {
      throw .steps(steps)
    }
    guard stepSeconds >= Self.stepSecondsRange.lowerBound, stepSeconds <= Self.stepSecondsRange.upperBound else {
      throw .stepSeconds(stepSeconds)
    }
  }
}
