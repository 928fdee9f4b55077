import PricePaths
import Testing

@Suite("RandomStreams")
struct RandomStreamsTests {
  private func prefix(_ rng: Xoshiro256PlusPlus, _ count: Int = 8) -> [UInt64] {
    var rng = rng
    return (0..<count).map { _ in rng.next() }
  }

  // Expected: a stream is a pure function of (seed, path, purpose) (the type's contract).
  @Test func sameKeyGivesTheSameStream() {
    let a = RandomStreams(seed: 7).generator(path: 12, purpose: .diffusion)
    let b = RandomStreams(seed: 7).generator(path: 12, purpose: .diffusion)
    #expect(prefix(a, 64) == prefix(b, 64))
  }

  // Expected: the keying documented on the type,
  // key = mix(mix(mix(seed) ^ path) ^ purpose), state = four SplitMix64 outputs from key.
  @Test func keyingIsTheDocumentedOne() {
    let seed: UInt64 = 12_345
    for path in [0, 1, 999, Int.max] {
      for purpose in [RandomStreams.Purpose.diffusion, .mixing, .jumps, .book] {
        let key = SplitMix64.mix(
          SplitMix64.mix(SplitMix64.mix(seed) ^ UInt64(truncatingIfNeeded: path)) ^ purpose.rawValue)
        #expect(
          prefix(RandomStreams(seed: seed).generator(path: path, purpose: purpose))
            == prefix(Xoshiro256PlusPlus(seed: key)))
      }
    }
  }

  // Expected: changing any one of seed, path or purpose gives a different stream. Over a
  // grid of 3 seeds × 200 paths × 4 purposes every stream's first 64-bit output is distinct
  // (a collision among 2 400 random words has probability ~ 2400²/2⁶⁵ ≈ 1.6e-13).
  @Test func differentKeysGiveDifferentStreams() {
    var firsts = Set<UInt64>()
    var count = 0
    for seed: UInt64 in [0, 1, 42] {
      for path in 0..<200 {
        for purpose in [RandomStreams.Purpose.diffusion, .mixing, .jumps, .book] {
          var rng = RandomStreams(seed: seed).generator(path: path, purpose: purpose)
          firsts.insert(rng.next())
          count += 1
        }
      }
    }
    #expect(firsts.count == count)
    let base = RandomStreams(seed: 1)
    #expect(
      prefix(base.generator(path: 0, purpose: .diffusion)) != prefix(base.generator(path: 1, purpose: .diffusion)))
    #expect(prefix(base.generator(path: 0, purpose: .diffusion)) != prefix(base.generator(path: 0, purpose: .mixing)))
    #expect(
      prefix(base.generator(path: 0, purpose: .diffusion))
        != prefix(RandomStreams(seed: 2).generator(path: 0, purpose: .diffusion)))
  }

  // Expected: streams of neighbouring paths are independent, so the sample correlation of
  // their uniforms is 0 within 4 SE, SE = 1/√n for a correlation of independent samples.
  @Test func neighbouringPathsAreUncorrelated() {
    let streams = RandomStreams(seed: 3)
    var a = streams.generator(path: 0, purpose: .diffusion)
    var b = streams.generator(path: 1, purpose: .diffusion)
    let n = 100_000
    let x = (0..<n).map { _ in a.nextUnitInterval() }
    let y = (0..<n).map { _ in b.nextUnitInterval() }
    #expect(abs(sampleCorrelation(x, y)) <= 4 / Double(n).squareRoot())
  }
}
