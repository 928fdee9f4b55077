import PricePaths
import RealModule
import Testing

@testable import FundSimulation

@Suite struct LiquidationLadderTests {
  /// A ladder of `n` random positions of one side (leverage 1.5–100, entries ±3% of 100).
  static func ladder(side: Side, count n: Int, seed: UInt64) -> LiquidationLadder {
    var rng = Xoshiro256PlusPlus(seed: seed)
    let positions = (0..<n).map { i -> (index: Int, position: Position) in
      let q = Double.random(in: 0.1...10, using: &rng)
      let e = 100 * Double.random(in: 0.97...1.03, using: &rng)
      let leverage = Double.random(in: 1.5...100, using: &rng)
      return (i, Position(account: "A\(i)", market: 0, side: side, size: q, entryPrice: e, margin: q * e / leverage))
    }
    return LiquidationLadder(side: side, positions: positions, rules: noImpact(0.005), stateOffset: 0)
  }

  /// The galloping search ends the crossed run exactly where a rung-by-rung scan does, for
  /// every start and marks on both sides of the ladder's range.
  @Test(arguments: [Side.long, .short])
  func crossedEndMatchesScan(side: Side) {
    let ladder = Self.ladder(side: side, count: 300, seed: 3)
    var rng = Xoshiro256PlusPlus(seed: 4)
    for _ in 0..<500 {
      let start = Int.random(in: 0...ladder.count, using: &rng)
      let logMark = Double.log(100 * Double.random(in: 0.5...1.5, using: &rng))
      var scan = start
      while scan < ladder.count && ladder.isCrossed(scan, logMark: logMark) { scan += 1 }
      #expect(ladder.crossedEnd(from: start, logMark: logMark) == scan)
    }
    // Marks beyond every rung: the whole ladder from any start.
    let beyond = side == .long ? -Double.infinity : .infinity
    #expect(ladder.crossedEnd(from: 0, logMark: beyond) == ladder.count)
    #expect(ladder.crossedEnd(from: 17, logMark: beyond) == ladder.count)
  }

  /// The ladder's order puts the rungs closed at a loss first: the binary search finds the
  /// same split as checking every rung's residual sign `s·(F − Pb)`.
  @Test(arguments: [Side.long, .short])
  func firstSolventMatchesResidualSigns(side: Side) {
    let ladder = Self.ladder(side: side, count: 300, seed: 5)
    var rng = Xoshiro256PlusPlus(seed: 6)
    let s = side.sign
    for _ in 0..<500 {
      let a = Int.random(in: 0...ladder.count, using: &rng)
      let b = Int.random(in: a...ladder.count, using: &rng)
      let fill = 100 * Double.random(in: 0.5...1.5, using: &rng)
      let split = ladder.firstSolvent(in: a..<b, fill: fill)
      #expect((a...b).contains(split))
      for rung in a..<b {
        let negative = s * (fill - ladder.bankruptcyPrice[rung]) < 0
        #expect(negative == (rung < split), "rung \(rung) of \(a)..<\(b), split \(split)")
      }
    }
  }

  /// Longs by liquidation price descending, shorts ascending; a long with `Pb ≤ 0` is last
  /// and never crossed.
  @Test func liquidationOrder() {
    let positions: [(index: Int, position: Position)] = [
      (0, Position(account: "a", market: 0, side: .long, size: 1, entryPrice: 100, margin: 10)),  // Pb 90
      (1, Position(account: "b", market: 0, side: .long, size: 1, entryPrice: 100, margin: 100)),  // Pb 0
      (2, Position(account: "c", market: 0, side: .long, size: 1, entryPrice: 100, margin: 5)),  // Pb 95
    ]
    let ladder = LiquidationLadder(side: .long, positions: positions, rules: noImpact(0.01), stateOffset: 0)
    #expect(ladder.positionIndex == [2, 0, 1])
    #expect(ladder.logLiquidationPrice[2] == -.infinity)
    #expect(ladder.crossedEnd(from: 0, logMark: Double.log(1e-300)) == 2)
  }
}
