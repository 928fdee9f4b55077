import RealModule

/// Gamma and chi-square variates by the squeeze method of Marsaglia and Tsang,
/// "A simple method for generating gamma variables", ACM TOMS 26(3), 2000.
///
/// For shape `a ≥ 1`: with `d = a − 1/3`, `c = 1/√(9d)`, draw `x ~ N(0,1)`, `v = (1 + cx)³`;
/// accept `d·v` if `u < 1 − 0.0331x⁴` or `log u < x²/2 + d(1 − v + log v)`. For `a < 1` the
/// draw for `a + 1` is multiplied by `u^(1/a)`. Expected cost is about 1.03 normals.
public enum GammaVariate {
  /// A Gamma(`shape`, 1) draw.
  ///
  /// - Precondition: `shape > 0`.
  @inlinable
  public static func next<G: RandomNumberGenerator>(shape: Double, using rng: inout G) -> Double {
    precondition(shape > 0, "gamma shape must be positive")
    if shape < 1 {
      let u = Double(rng.next() >> 11) * 0x1.0p-53
      return next(shape: shape + 1, using: &rng) * Double.pow(1 - u, 1 / shape)
    }
    return Sampler(shape: shape).next(using: &rng)
  }

  /// Marsaglia–Tsang for a fixed shape `a ≥ 1`, with `d = a − 1/3` and `c = 1/√(9d)`
  /// computed once (a square root and a division saved per draw in hot loops).
  @frozen
  public struct Sampler: Sendable {
    @usableFromInline let d: Double
    @usableFromInline let c: Double

    /// - Precondition: `shape ≥ 1`.
    @inlinable
    public init(shape: Double) {
      precondition(shape >= 1, "the Marsaglia–Tsang sampler needs shape ≥ 1")
      d = shape - 1.0 / 3.0
      c = 1 / (9 * d).squareRoot()
    }

    /// One Gamma(shape, 1) draw.
    @inlinable
    public func next<G: RandomNumberGenerator>(using rng: inout G) -> Double {
      while true {
        var x: Double
        var v: Double
        repeat {
          x = ZigguratNormal.next(using: &rng)
          v = 1 + c * x
        } while v <= 0
        v = v * v * v
        let u = Double(rng.next() >> 11) * 0x1.0p-53
        let x2 = x * x
        if u < 1 - 0.0331 * x2 * x2 { return d * v }
        if Double.log(u) < 0.5 * x2 + d * (1 - v + Double.log(v)) { return d * v }
      }
    }
  }

  /// A chi-square draw with `degreesOfFreedom` degrees: `2 · Gamma(ν/2, 1)`.
  @inlinable
  public static func chiSquare<G: RandomNumberGenerator>(
    degreesOfFreedom: Double, using rng: inout G
  ) -> Double {
    2 * next(shape: degreesOfFreedom / 2, using: &rng)
  }
}
