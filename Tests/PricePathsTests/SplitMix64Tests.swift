import PricePaths
import Testing

@Suite("SplitMix64")
struct SplitMix64Tests {
  // Expected values: Vigna's reference C code, prng.di.unimi.it/splitmix64.c, with
  // x = 1234567 (compiled with gcc and run on this machine).
  @Test func knownAnswersFromReferenceCode() {
    var rng = SplitMix64(state: 1_234_567)
    let expected: [UInt64] = [
      6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
      4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
    ]
    #expect((0..<5).map { _ in rng.next() } == expected)
  }

  // Expected: by the reference code, `next()` adds the golden-ratio increment
  // 0x9E3779B97F4A7C15 and returns the finaliser of the new state.
  @Test func nextIsTheFinaliserOfTheIncrementedState() {
    var rng = SplitMix64(state: 99)
    var state: UInt64 = 99
    for _ in 0..<100 {
      state &+= 0x9E37_79B9_7F4A_7C15
      #expect(rng.next() == SplitMix64.mix(state))
    }
  }

  // Expected: the finaliser is a composition of xor-shifts and odd multiplications, each a
  // bijection of 64-bit words, and all of them fix 0. So mix(0) = 0 and distinct inputs give
  // distinct outputs (checked on 100 000 consecutive words).
  @Test func finaliserIsABijection() {
    #expect(SplitMix64.mix(0) == 0)
    var seen = Set<UInt64>()
    for x in UInt64(1)...100_000 { seen.insert(SplitMix64.mix(x)) }
    #expect(seen.count == 100_000)
    #expect(!seen.contains(0))
  }
}
