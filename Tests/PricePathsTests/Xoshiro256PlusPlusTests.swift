import PricePaths
import Testing

@Suite("Xoshiro256PlusPlus")
struct Xoshiro256PlusPlusTests {
  // Expected values: Vigna's reference C code, prng.di.unimi.it/xoshiro256plusplus.c,
  // started from s = {1, 2, 3, 4} (compiled with gcc and run on this machine, which printed
  // exactly these six numbers).
  @Test func knownAnswersFromReferenceCode() {
    var rng = Xoshiro256PlusPlus(state: (1, 2, 3, 4))
    let expected: [UInt64] = [
      41_943_041, 58_720_359, 3_588_806_011_781_223, 3_591_011_842_654_386,
      9_228_616_714_210_784_205, 9_973_669_472_204_895_162,
    ]
    #expect((0..<6).map { _ in rng.next() } == expected)
  }

  // Expected values: the same reference code with its state set to four outputs of
  // prng.di.unimi.it/splitmix64.c from x = 42, the seeding the authors recommend.
  @Test func seedingThroughSplitMix64() {
    var rng = Xoshiro256PlusPlus(seed: 42)
    let expected: [UInt64] = [
      15_021_278_609_987_233_951, 5_881_210_131_331_364_753,
      18_149_643_915_985_481_100, 12_933_668_939_759_105_464,
    ]
    #expect((0..<4).map { _ in rng.next() } == expected)
  }

  // Expected value: by definition, `(next() >> 11) · 2⁻⁵³` (the doc comment), checked on a
  // copy of the generator; hence also in [0, 1).
  @Test func unitIntervalUsesTheTop53Bits() {
    var a = Xoshiro256PlusPlus(seed: 7)
    var b = a
    for _ in 0..<1000 {
      let u = a.nextUnitInterval()
      #expect(u == Double(b.next() >> 11) * 0x1.0p-53)
      #expect(u >= 0 && u < 1)
    }
  }

  // Expected: the all-zero state is a fixed point of xoshiro (every output would be 0), so
  // the initialiser's precondition stops the process.
  @Test func allZeroStateIsRefused() async {
    await #expect(processExitsWith: .failure) {
      _ = Xoshiro256PlusPlus(state: (0, 0, 0, 0))
    }
  }

  // Expected: uniform bits. Each of the 64 bit positions is set with probability 1/2; over
  // n = 20 000 draws the count of ones is within 4 binomial SE (4·√(n/4) = 2√n ≈ 283) of n/2.
  @Test func everyBitIsBalanced() {
    var rng = Xoshiro256PlusPlus(seed: 2024)
    let n = 20_000
    var ones = [Int](repeating: 0, count: 64)
    for _ in 0..<n {
      let x = rng.next()
      for b in 0..<64 where (x >> UInt64(b)) & 1 == 1 { ones[b] += 1 }
    }
    let tolerance = 4 * (Double(n) / 4).squareRoot()
    for b in 0..<64 {
      #expect(abs(Double(ones[b]) - Double(n) / 2) <= tolerance, "bit \(b): \(ones[b]) ones")
    }
  }
}
