import PricePaths
import Testing

@testable import FundSimulation

/// The sign-bit crossing test against the comparisons it replaces: `x ≤ low || x ≥ high`.
@Suite struct ThresholdGapTests {
  /// Marks and thresholds where a sign could go wrong: equality, neighbours one ulp away,
  /// subnormal differences, zeros, large magnitudes, and the ±∞ of exhausted ladders.
  static let edges: [Double] = {
    let base: [Double] = [
      0, .leastNormalMagnitude / 3, -.leastNormalMagnitude / 3, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1, -1,
      11.0021, -2.3, 700,
    ]
    return base.flatMap { [$0, $0.nextUp, $0.nextDown] }
  }()

  @Test func gapAgreesWithTheComparisonsAtEveryEdge() {
    // Thresholds are logs (never −0) or ±∞; marks are finite sums that are not −0.
    let marks = Self.edges.filter { !($0 == 0 && $0.sign == .minus) }
    let thresholds = marks + [-.infinity, .infinity]
    for x in marks {
      for low in thresholds {
        for high in thresholds {
          let crossed = x <= low || x >= high
          #expect(
            ThresholdGap.noneCrossed(
              ThresholdGap.gaps(SIMD2(repeating: x), low: SIMD2(repeating: low), high: SIMD2(repeating: high)))
              == !crossed,
            "x \(x), low \(low), high \(high)")
        }
      }
    }
  }

  @Test func vectorGapsAgreeLaneByLane() {
    var rng = Xoshiro256PlusPlus(seed: 11)
    func pick() -> Double { Self.edges.randomElement(using: &rng)! }
    for _ in 0..<4_000 {
      var x = SIMD2<Double>()
      var low = SIMD2<Double>()
      var high = SIMD2<Double>()
      for lane in 0..<2 {
        x[lane] = pick()
        // Half the lanes on the mark itself or one ulp either side of it.
        low[lane] =
          Bool.random(using: &rng) ? pick() : [x[lane], x[lane].nextUp, x[lane].nextDown].randomElement(using: &rng)!
        high[lane] =
          Bool.random(using: &rng) ? pick() : [x[lane], x[lane].nextUp, .infinity].randomElement(using: &rng)!
      }
      // The domain: marks are finite sums that are not −0, thresholds logs (never −0) or ±∞;
      // the edges hold −0 as (−5e-324).nextUp.
      func negativeZero(_ v: SIMD2<Double>) -> Bool { (0..<2).contains { v[$0] == 0 && v[$0].sign == .minus } }
      guard !negativeZero(x) && !negativeZero(low) && !negativeZero(high) else { continue }
      let expected = (0..<2).map { x[$0] <= low[$0] || x[$0] >= high[$0] }
      let gaps = ThresholdGap.gaps(x, low: low, high: high)
      #expect(ThresholdGap.noneCrossed(gaps) == !expected.contains(true))
      // Each lane on its own: its sign bit alone says whether it crosses.
      for lane in 0..<2 {
        #expect(
          (gaps[lane] >> 63 == 0) == expected[lane], "lane \(lane): x \(x[lane]) low \(low[lane]) high \(high[lane])")
      }
    }
  }

  /// `firstCrossing` (the skipping scan of the step loop) against a plain scan, for even and
  /// odd market counts (pairs and a last market alone), with crossings placed exactly on a
  /// threshold or one ulp either side of it, and runs of crossings in consecutive steps of
  /// other markets, so that a block of four steps often holds several and the first must
  /// be picked.
  @Test(arguments: [1, 3, 4, 5, 8, 9, 12, 13])
  func firstCrossingMatchesAPlainScan(markets m: Int) throws {
    let steps = 64
    let simulator = try makeSimulator(
      symbols: (0..<m).map { "M\($0)" }, prices: Array(repeating: Array(repeating: 100, count: m), count: 2),
      positions: [], rules: Array(repeating: noImpact(), count: m), fund: FundRules(balance: 1_000))
    var rng = Xoshiro256PlusPlus(seed: UInt64(m))
    let low = UnsafeMutablePointer<Double>.allocate(capacity: m)
    let high = UnsafeMutablePointer<Double>.allocate(capacity: m)
    let logPrices = UnsafeMutablePointer<Double>.allocate(capacity: (steps + 1) * m)
    defer {
      low.deallocate()
      high.deallocate()
      logPrices.deallocate()
    }
    for trial in 0..<200 {
      for k in 0..<m {
        low[k] = trial % 7 == k % 7 ? -.infinity : Double.random(in: 3.9...4.5, using: &rng)
        high[k] = trial % 5 == k % 5 ? .infinity : Double.random(in: 4.7...5.3, using: &rng)
      }
      for i in 0..<(steps + 1) * m { logPrices[i] = Double.random(in: 4.55...4.65, using: &rng) }
      for _ in 0..<Int.random(in: 0...3, using: &rng) {
        let k = Int.random(in: 0..<m, using: &rng)
        let t = Int.random(in: 1...steps, using: &rng)
        let edge = Bool.random(using: &rng) ? low[k] : high[k]
        let base = edge.isFinite ? edge : 4.6
        logPrices[t * m + k] = [base, base.nextUp, base.nextDown].randomElement(using: &rng)!
        // Sometimes more crossings right after, in any market.
        for later in stride(from: t + 1, through: min(steps, t + Int.random(in: 0...3, using: &rng)), by: 1) {
          let j = Int.random(in: 0..<m, using: &rng)
          logPrices[later * m + j] = high[j].isFinite ? high[j] : (low[j].isFinite ? low[j] : 4.6)
        }
      }
      let from = Int.random(in: 1...steps, using: &rng)
      let through = Int.random(in: from...steps, using: &rng)
      var expected = through + 1
      scan: for t in from...through {
        for k in 0..<m where logPrices[t * m + k] <= low[k] || logPrices[t * m + k] >= high[k] {
          expected = t
          break scan
        }
      }
      let found = simulator.firstCrossing(
        logPrices: logPrices, from: from, through: through, longThreshold: low, shortThreshold: high)
      #expect(found == expected, "trial \(trial): from \(from) through \(through)")
    }
  }
}
