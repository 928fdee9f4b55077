/// SplitMix64, the 64-bit mixing generator of Steele, Lea and Flood (OOPSLA 2014), in the
/// form Vigna publishes for seeding the xoshiro family (pro.di.unimi.it/splitmix64.c).
///
/// Its output function is a bijection on 64-bit words with strong avalanche, which is what
/// ``RandomStreams`` uses it for: hashing `(seed, path, purpose)` into a generator state.
@frozen
public struct SplitMix64: RandomNumberGenerator, Sendable {
  @usableFromInline var state: UInt64

  @inlinable
  public init(state: UInt64) { self.state = state }

  /// - Complexity: O(1).
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state)
  }

  /// The SplitMix64 finaliser: a bijective avalanche of one 64-bit word.
  @inlinable @inline(__always)
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
