/// Independent random streams keyed by `(seed, path index, purpose)`.
///
/// Every draw a path makes comes from a generator created here, so a path's numbers depend
/// only on the seed and its own index: not on thread count, batch size, chunk boundaries or
/// which machine ran it. Path *i* regenerated alone is path *i* of a million-path run.
///
/// Keying: the key is `mix(mix(mix(seed) ^ path) ^ purpose)` with the SplitMix64 finaliser,
/// and the xoshiro256++ state is four SplitMix64 outputs from that key (the authors'
/// recommended seeding). Distinct keys give distinct streams; two keys collide with
/// probability 2⁻⁶⁴ per pair, and with a period of 2²⁵⁶ the chance that two streams of 10⁹
/// draws overlap is negligible. Separate purposes mean that changing, say, the Student-t
/// degrees of freedom leaves the Gaussian draws of every path unchanged (common random
/// numbers across scenario variants).
@frozen
public struct RandomStreams: Sendable, Hashable {
  /// What a stream is used for. Each purpose has its own independent stream per path.
  @frozen
  public enum Purpose: UInt64, Sendable {
    /// The Gaussian shocks of the diffusion.
    case diffusion = 1
    /// The chi-square mixing variables of the multivariate Student-t.
    case mixing = 2
    /// Arrival times and sizes of the common crash factor.
    case jumps = 3
    /// Drawing a synthetic position book (path index 0: one book per run).
    case book = 4
    /// The historical rows drawn by filtered historical simulation.
    case historical = 5
    /// The `random-walk` ADL ranking's starting counterparties (FundSimulation).
    case deleveraging = 6
  }

  public let seed: UInt64

  @inlinable
  public init(seed: UInt64) { self.seed = seed }

  /// The generator for one path and purpose.
  ///
  /// - Complexity: O(1).
  @inlinable
  public func generator(path: Int, purpose: Purpose) -> Xoshiro256PlusPlus {
    let key = SplitMix64.mix(
      SplitMix64.mix(SplitMix64.mix(seed) ^ UInt64(truncatingIfNeeded: path)) ^ purpose.rawValue)
    return Xoshiro256PlusPlus(seed: key)
  }
}
