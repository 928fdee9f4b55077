import PricePaths
import RealModule
import Testing

@Suite("ZigguratNormal")
struct ZigguratNormalTests {
  /// 10⁶ draws from a fixed stream, shared by the tests below.
  static let n = 1_000_000
  static let draws: [Double] = {
    var rng = RandomStreams(seed: 20_250_203).generator(path: 0, purpose: .diffusion)
    return [Double](unsafeUninitializedCapacity: n) { buffer, count in
      ZigguratNormal.fill(buffer, using: &rng)
      count = n
    }
  }()

  // Expected: N(0, 1) has mean 0, variance 1, skewness 0, excess kurtosis 0. Standard errors
  // over n normal draws: mean 1/√n, variance √(2/n), skewness √(6/n), excess kurtosis
  // √(24/n) (e.g. Kendall & Stuart, sampling moments of a normal sample). Tolerance 4 SE.
  @Test func moments() {
    let moments = SampleMoments(Self.draws)
    let n = Double(Self.n)
    #expect(abs(moments.mean) <= 4 / n.squareRoot())
    #expect(abs(moments.variance - 1) <= 4 * (2 / n).squareRoot())
    #expect(abs(moments.skewness) <= 4 * (6 / n).squareRoot())
    #expect(abs(moments.excessKurtosis) <= 4 * (24 / n).squareRoot())
  }

  // Expected: P(|Z| > x) = erfc(x/√2) and P(Z > x) = erfc(x/√2)/2 (swift-numerics erfc).
  // x = 3.6541528853610088 is the base layer's edge r: draws beyond it come only from the
  // ziggurat's tail sampler (Marsaglia 1964). Tolerance 4 binomial SE, 4·√(p(1−p)/n).
  @Test(arguments: [
    (threshold: 2.0, twoSided: true),
    (threshold: 3.0, twoSided: true),
    (threshold: 3.6541528853610088, twoSided: false),
    (threshold: 3.6541528853610088, twoSided: true),
  ])
  func tailFrequencies(threshold: Double, twoSided: Bool) {
    let p = twoSided ? 2 * normalUpperTail(threshold) : normalUpperTail(threshold)
    let hits = Self.draws.lazy.filter { twoSided ? abs($0) > threshold : $0 > threshold }.count
    let frequency = Double(hits) / Double(Self.n)
    #expect(abs(frequency - p) <= fourBinomialSE(p: p, n: Self.n), "observed \(frequency), expected \(p)")
  }

  // Expected: with 50 equiprobable bins (edges Φ⁻¹(k/50), from erfc by bisection) the
  // Pearson statistic of n normal draws is χ²₄₉: mean 49, standard deviation √98. Reject
  // above mean + 4 SD = 49 + 4√98 ≈ 88.6 (tail probability of χ²₄₉ there ≈ 4.6e-4).
  @Test func chiSquareGoodnessOfFit() {
    let bins = 50
    let edges = (1..<bins).map { normalQuantile(Double($0) / Double(bins)) }
    var counts = [Int](repeating: 0, count: bins)
    for z in Self.draws {
      var lo = 0
      var hi = edges.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if z < edges[mid] { hi = mid } else { lo = mid + 1 }
      }
      counts[lo] += 1
    }
    let expected = Double(Self.n) / Double(bins)
    let statistic = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
    let dof = Double(bins - 1)
    #expect(statistic <= dof + 4 * (2 * dof).squareRoot(), "chi-square \(statistic)")
  }

  // Expected: the sign is a fair coin in the tail sampler too (it uses a different bit
  // than the main path): draws beyond +r and below −r are equally likely, so their
  // difference is within 4 SE of 0, SE = √(hits) for a difference of two binomial halves.
  @Test func tailIsSymmetric() {
    let r = 3.6541528853610088
    let upper = Self.draws.lazy.filter { $0 > r }.count
    let lower = Self.draws.lazy.filter { $0 < -r }.count
    #expect(Double(abs(upper - lower)) <= 4 * Double(upper + lower).squareRoot())
  }

  /// A generator whose next draw, once armed, is a word that selects the base layer
  /// (low byte 0) with the largest abscissa (magnitude 2⁵² − 1, beyond r) and a random
  /// tail-sign bit; all other draws pass through. The bit layout is the one documented on
  /// ZigguratNormal (layer 8 bits, sign 1 bit, 52-bit abscissa). With it every call samples
  /// the tail beyond r, so its conditional distribution can be tested on 10⁵ draws instead
  /// of the 10⁸ plain draws that would be needed to see 10⁴ tail samples.
  struct TailForcingGenerator: RandomNumberGenerator {
    var base: Xoshiro256PlusPlus
    var armed = false
    mutating func next() -> UInt64 {
      guard armed else { return base.next() }
      armed = false
      let tailSign = base.next() & 1
      let magnitude: UInt64 = (((1 << 52) - 1) & ~(1 << 8)) | (tailSign << 8)
      return magnitude << 9
    }
  }

  // Expected: beyond r the normal tail has P(Z > r + a | Z > r) = Q(r + a)/Q(r), Q the
  // upper tail (erfc), and mean excess E[Z − r | Z > r] = φ(r)/Q(r) − r (inverse Mills
  // ratio; ≈ 0.2440, against 1/r ≈ 0.2737 for the exponential proposal without Marsaglia's
  // rejection step). 100 000 forced tail samples: frequencies within 4 binomial SE; mean
  // excess within 4 SE, SE = sd/√n with sd the sample standard deviation of the excess.
  // Both signs occur equally (4 binomial SE around 1/2).
  @Test func tailSamplerHasTheNormalTail() {
    let r = 3.6541528853610088
    var rng = TailForcingGenerator(base: Xoshiro256PlusPlus(seed: 3))
    let n = 100_000
    var excess = [Double]()
    var negatives = 0
    excess.reserveCapacity(n)
    for _ in 0..<n {
      rng.armed = true
      let z = ZigguratNormal.next(using: &rng)
      excess.append(abs(z) - r)
      if z < 0 { negatives += 1 }
    }
    #expect(excess.allSatisfy { $0 >= 0 })
    let tailR = normalUpperTail(r)
    for a in [0.1, 0.25, 0.5, 1.0] {
      let p = normalUpperTail(r + a) / tailR
      let frequency = Double(excess.lazy.filter { $0 > a }.count) / Double(n)
      #expect(abs(frequency - p) <= fourBinomialSE(p: p, n: n), "P(Z > r + \(a) | Z > r): \(frequency), expected \(p)")
    }
    let density = Double.exp(-0.5 * r * r) / (2 * Double.pi).squareRoot()
    let expectedExcess = density / tailR - r
    let moments = SampleMoments(excess)
    #expect(
      abs(moments.mean - expectedExcess) <= 4 * moments.standardDeviation / Double(n).squareRoot(),
      "mean excess \(moments.mean), expected \(expectedExcess)")
    #expect(abs(Double(negatives) / Double(n) - 0.5) <= fourBinomialSE(p: 0.5, n: n))
  }

  // Expected: `fill` is `next` in a loop (the doc comment), so both give the same numbers
  // from generators in the same state, bit for bit.
  @Test func fillMatchesRepeatedNext() {
    var a = Xoshiro256PlusPlus(seed: 5)
    var b = a
    var buffer = [Double](repeating: 0, count: 10_000)
    buffer.withUnsafeMutableBufferPointer { ZigguratNormal.fill($0, using: &a) }
    let sequential = (0..<10_000).map { _ in ZigguratNormal.next(using: &b) }
    #expect(buffer.map(\.bitPattern) == sequential.map(\.bitPattern))
    #expect(a.next() == b.next())
  }

  // Expected: generic over RandomNumberGenerator, and deterministic: the same SplitMix64
  // state gives the same draws, and every draw is finite.
  @Test func worksWithAnyGenerator() {
    var a = SplitMix64(state: 1)
    var b = SplitMix64(state: 1)
    let x = (0..<1000).map { _ in ZigguratNormal.next(using: &a) }
    let y = (0..<1000).map { _ in ZigguratNormal.next(using: &b) }
    #expect(x == y)
    #expect(x.allSatisfy { $0.isFinite })
  }
}
