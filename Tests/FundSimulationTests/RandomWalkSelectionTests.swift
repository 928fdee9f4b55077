import PricePaths
import Testing

@testable import FundSimulation

/// dYdX v4's random walk over opposite accounts (`OffsetSubaccountPerpetualPosition` in
/// dydxprotocol/v4-chain `protocol/x/clob/keeper/deleveraging.go`): start at a uniformly
/// drawn open account, walk on in account order with wrap-around, close each for what is
/// left, visit at most `random_walk_accounts`.
@Suite struct RandomWalkSelectionTests {
  /// Long L (1 BTC at 100 000, margin 10 000, Pb 90 000) gaps to 85 000 with an empty fund;
  /// five shorts A…E of 0.3 BTC each, in that file order.
  static let positions =
    [long(1, at: 100_000, margin: 10_000, account: "L")]
    + ["A", "B", "C", "D", "E"].map { short(0.3, at: 100_000, margin: 20_000, account: $0) }

  func run(path: Int, accounts: Int = 500) throws -> (PathOutcome, [String: Double]) {
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: Self.positions, rules: [noImpact()], fund: FundRules(balance: 0),
      adl: ADLPolicy(ranking: .randomWalk, randomWalkAccounts: accounts))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: path, workspace: ws)
    let shorts = sim.ladders.shorts[0]
    let left = Dictionary(
      uniqueKeysWithValues: (0..<shorts.count).map {
        (sim.exchange.positions[shorts.positionIndex[$0]].account, ws.remaining[shorts.stateOffset + $0])
      })
    return (o, left)
  }

  /// The start the path's stream gives, by the documented draw: the high word of
  /// `5 × next()` of the `(seed 1, path, deleveraging)` stream (the simulator's seed is 1).
  func start(path: Int) -> Int {
    var rng = RandomStreams(seed: 1).generator(path: path, purpose: .deleveraging)
    return Int(UInt64(5).multipliedFullWidth(by: rng.next()).high)
  }

  /// 1 BTC over 0.3 BTC accounts: the start and the next two close whole (0.9), the fourth
  /// gives 0.1 of its 0.3 (keeps 2/3), the fifth is untouched — wrapping past E to A.
  @Test(arguments: 0..<5)
  func walksFromTheDrawnStart(path: Int) throws {
    let (o, left) = try run(path: path)
    let names = ["A", "B", "C", "D", "E"]
    let s = start(path: path)
    #expect(left[names[s]] == 0 && left[names[(s + 1) % 5]] == 0 && left[names[(s + 2) % 5]] == 0)
    #expect(close(left[names[(s + 3) % 5]]!, 2.0 / 3))
    #expect(left[names[(s + 4) % 5]] == 1)
    #expect(o.adlEvents == 1 && o.adlPositionsHit == 4)
    #expect(close(o.adlNotional, 90_000))
    #expect(abs(conservationGap(o, initialFund: 0)) < 1e-9)
  }

  /// The cap: visiting 2 accounts closes 0.6 BTC; the other 0.4 falls on the fund at the
  /// same transfer, 0.4 × (85 000 − 90 000) = −2 000 (docs/MODEL.md, "ADL").
  @Test func capLeavesTheRestToTheFund() throws {
    let (o, left) = try run(path: 3, accounts: 2)
    #expect(left.values.filter { $0 == 0 }.count == 2 && left.values.filter { $0 == 1 }.count == 3)
    #expect(o.adlPositionsHit == 2)
    #expect(close(o.finalFund, -2_000) && close(o.shortfall, 2_000))
    #expect(close(o.badDebt, 0.6 * 5_000))
    #expect(abs(conservationGap(o, initialFund: 0)) < 1e-9)
  }

  /// The start is uniform over the open accounts: over 2 000 paths each of the five is
  /// first (closed whole, with its successor) on 400 paths in expectation, standard error
  /// √(2 000 × 0.2 × 0.8) = 17.9; each count lies within 4 SE.
  @Test func startIsUniform() throws {
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: Self.positions, rules: [noImpact()], fund: FundRules(balance: 0),
      adl: ADLPolicy(ranking: .randomWalk, randomWalkAccounts: 1))
    let ws = sim.makeWorkspace()
    let shorts = sim.ladders.shorts[0]
    var first = [Int](repeating: 0, count: 5)
    for path in 0..<2_000 {
      _ = sim.simulate(path: path, workspace: ws)
      for rung in 0..<5 where ws.remaining[shorts.stateOffset + rung] == 0 {
        first[shorts.positionIndex[rung] - 1] += 1
      }
    }
    #expect(first.reduce(0, +) == 2_000)
    for count in first { #expect(abs(Double(count) - 400) <= 4 * 17.9, "\(first)") }
  }
}
