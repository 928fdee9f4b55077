import PricePaths
import Testing

@testable import FundSimulation

@Suite struct LadderPrefixSumsTests {
  /// Random rungs around a price of 60 000 (entries ±5%): every range's totals and the
  /// residual `ΣM + s·((F − E₀)·Σq − Σq·(E − E₀))` match the direct sums
  /// `Σ(Mᵢ + s·qᵢ·(F − Eᵢ))` to rounding (relative to the range's gross terms).
  @Test(arguments: [Side.long, .short])
  func rangesMatchDirectSums(side: Side) {
    var rng = Xoshiro256PlusPlus(seed: 7)
    let n = 500
    let q = (0..<n).map { _ in Double.random(in: 0.001...5, using: &rng) }
    let e = (0..<n).map { _ in 60_000 * Double.random(in: 0.95...1.05, using: &rng) }
    let m = (0..<n).map { i in q[i] * e[i] / Double.random(in: 1...50, using: &rng) }
    let sums = LadderPrefixSums(size: q, entryPrice: e, margin: m)
    // E₀ is the size-weighted mean entry price.
    let weighted = zip(q, e).reduce(0) { $0 + $1.0 * $1.1 } / q.reduce(0, +)
    #expect(abs(sums.referencePrice - weighted) <= 1e-9 * weighted)
    let s = side.sign
    for _ in 0..<200 {
      let a = Int.random(in: 0...n, using: &rng)
      let b = Int.random(in: a...n, using: &rng)
      let fill = 60_000 * Double.random(in: 0.8...1.2, using: &rng)
      let t = sums.totals(a..<b)
      var size = 0.0
      var margin = 0.0
      var residual = 0.0
      var gross = 0.0
      for i in a..<b {
        size += q[i]
        margin += m[i]
        residual += m[i] + s * q[i] * (fill - e[i])
        gross += m[i] + q[i] * (fill + e[i])
      }
      #expect(abs(t.size - size) <= 1e-12 * max(1, q.reduce(0, +)))
      #expect(abs(t.margin - margin) <= 1e-12 * max(1, m.reduce(0, +)))
      #expect(abs(sums.residual(of: t, sign: s, fill: fill) - residual) <= 1e-12 * max(1, gross))
    }
  }

  /// An empty ladder and an empty range total zero.
  @Test func emptyLadder() {
    let sums = LadderPrefixSums(size: [], entryPrice: [], margin: [])
    let t = sums.totals(0..<0)
    #expect(t.size == 0 && t.margin == 0 && t.offsetNotional == 0)
    #expect(sums.residual(of: t, sign: 1, fill: 100) == 0)
  }
}
