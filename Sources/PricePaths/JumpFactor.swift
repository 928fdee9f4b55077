import RealModule

/// The common crash factor of the `jumps` model.
///
/// Jumps arrive as a Poisson process with `intensityPerDay` expected jumps per day; each
/// jump draws one log-size `J ~ N(mean, stdev²)` and moves every market with the `jumps`
/// model by `βᵢ · J` in log-price in the same step. The diffusion drift of such a market is
/// compensated by `−λ·(E[e^{βJ}] − 1) = −λ·(exp(βμ_J + β²σ_J²/2) − 1)` per unit time
/// (Merton 1976), so `drift` keeps its meaning of expected return.
public struct JumpFactor: Sendable, Equatable, Codable {
  public var intensityPerDay: Double
  public var mean: Double
  public var stdev: Double

  public init(intensityPerDay: Double, mean: Double, stdev: Double) {
    self.intensityPerDay = intensityPerDay
    self.mean = mean
    self.stdev = stdev
  }

  /// Expected relative price change of one jump for loading `beta`: `E[e^{βJ}] − 1`.
  public func expectedRelativeJump(beta: Double) -> Double {
    Double.expMinusOne(beta * mean + 0.5 * beta * beta * stdev * stdev)
  }

  /// Checks the intensity, the mean and the standard deviation of the jump log-size.
  ///
  /// - Throws: ``JumpFactorError`` for the first value outside its range.
  public func validate() throws(JumpFactorError) {
    guard intensityPerDay.isFinite, intensityPerDay >= 0 else {
      throw .intensity(intensityPerDay)
    }
    guard mean.isFinite, abs(mean) < 5 else {
      throw .mean(mean)
    }
    guard stdev.isFinite, stdev >= 0, stdev < 5 else {
      throw .stdev(stdev)
    }
  }
}
