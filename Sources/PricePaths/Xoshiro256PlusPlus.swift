/// The xoshiro256++ pseudo-random generator of Blackman and Vigna.
///
/// 256 bits of state, period 2²⁵⁶ − 1, passes BigCrush and PractRand. Each call to
/// ``next()`` costs a handful of shifts, rotations and adds, which is why it sits under the
/// ziggurat normals in the hot loop of path generation.
///
/// Reference: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
/// ACM Transactions on Mathematical Software 47(4), 2021; reference C code at
/// prng.di.unimi.it/xoshiro256plusplus.c. The known-answer tests reproduce that C code.
///
/// Never seed it by hand in simulation code: use ``RandomStreams`` so that every path's draws
/// are keyed by `(seed, path index, purpose)`.
@frozen
public struct Xoshiro256PlusPlus: RandomNumberGenerator, Sendable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// Creates a generator from four state words.
  ///
  /// - Precondition: not all four words are zero (the all-zero state is a fixed point).
  @inlinable
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(
      state.0 | state.1 | state.2 | state.3 != 0, "xoshiro256++ state must not be all zero")
    (s0, s1, s2, s3) = state
  }

  /// Creates a generator whose state is four successive outputs of SplitMix64 from `seed`,
  /// the seeding procedure recommended by the authors.
  @inlinable
  public init(seed: UInt64) {
    var mixer = SplitMix64(state: seed)
    self.init(state: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
  }

  /// Returns the next 64 random bits.
  ///
  /// - Complexity: O(1), about 1 ns.
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    let result = (s0 &+ s3).rotatedLeft(by: 23) &+ s0
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3.rotatedLeft(by: 45)
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits: `(next() >> 11) · 2⁻⁵³`.
  @inlinable @inline(__always)
  public mutating func nextUnitInterval() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }
}

extension UInt64 {
  @inlinable @inline(__always)
  func rotatedLeft(by k: UInt64) -> UInt64 {
    (self << k) | (self >> (64 &- k))
  }
}
