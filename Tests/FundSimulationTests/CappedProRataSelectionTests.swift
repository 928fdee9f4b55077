import Testing

@testable import FundSimulation

/// `pro-rata-capped` by hand: pro-rata by size, no counterparty giving up more equity than
/// its unrealised profit (water-filling).
@Suite struct CappedProRataSelectionTests {
  /// Long 1 BTC (Pb 90 000) gaps to 85 000 with an empty fund: each unit closed takes
  /// c = 5 000 from its counterparty. Shorts of 1 BTC each: S1 at 95 000 (profit 10 000 a
  /// unit: may give up min(1, 10 000/5 000) = all), S5 at 86 000 (profit 1 000: at most
  /// 0.2), S4 at 80 000 (losing: nothing). Water-filling: S4 capped at 0, S5 at 0.2, then
  /// σ = (1 − 0.2)/1 = 0.8 ≤ 1 for S1. S5 gives up 0.2 × 5 000 = 1 000, all its profit.
  /// Haircut 0.2 × min(5 000, 1 000) + 0.8 × 5 000 = 4 200; bad debt 5 000; two hits.
  @Test func waterFillingUpToEachProfit() throws {
    let (o, left) = try run(shorts: [
      short(1, at: 95_000, margin: 50_000, account: "S1"), short(1, at: 86_000, margin: 80_000, account: "S5"),
      short(1, at: 80_000, margin: 22_000, account: "S4"),
    ])
    #expect(close(left["S1"]!, 0.2) && close(left["S5"]!, 0.8) && left["S4"] == 1)
    #expect(o.adlPositionsHit == 2 && close(o.badDebt, 5_000) && close(o.adlHaircut, 4_200))
    #expect(close(o.finalFund, 0, relative: 1e-9))
  }

  /// Only S5 and S4: together they may give up 0.2 BTC; the other 0.8 falls on the fund at
  /// the same transfer, −0.8 × 5 000 = −4 000.
  @Test func whatNobodyCanTakeFallsOnTheFund() throws {
    let (o, left) = try run(shorts: [
      short(1, at: 86_000, margin: 80_000, account: "S5"), short(1, at: 80_000, margin: 22_000, account: "S4"),
    ])
    #expect(close(left["S5"]!, 0.8) && left["S4"] == 1)
    #expect(close(o.badDebt, 1_000) && close(o.finalFund, -4_000) && close(o.shortfall, 4_000))
  }

  func run(shorts: [Position]) throws -> (PathOutcome, [String: Double]) {
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: [long(1, at: 100_000, margin: 10_000, account: "L")] + shorts,
      rules: [noImpact()], fund: FundRules(balance: 0), adl: ADLPolicy(ranking: .proRataCapped))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: 0, workspace: ws)
    #expect(abs(conservationGap(o, initialFund: 0)) < 1e-9)
    let ladder = sim.ladders.shorts[0]
    let left = Dictionary(
      uniqueKeysWithValues: (0..<ladder.count).map {
        (sim.exchange.positions[ladder.positionIndex[$0]].account, ws.remaining[ladder.stateOffset + $0])
      })
    return (o, left)
  }
}
