import Testing

@testable import FundSimulation

/// ADL's rankings and its edge cases (docs/MODEL.md, "ADL"), each by hand.
@Suite struct AutoDeleveragingTests {
  /// When the book has no counterparty left, the fund takes the remainder at the same
  /// transfer: long 10 ETH (Pb 2 700) at 2 650 with a 200 fund needs 6 ETH of ADL but the
  /// book holds 5 ETH of shorts; the last ETH costs the fund 1 × (2 700 − 2 650) = 50, so
  /// the fund ends at −50 and money is still conserved.
  @Test func unmatchedRemainderFallsOnTheFund() throws {
    let positions = [long(10, at: 3_000, margin: 3_000), short(5, at: 3_000, margin: 5_000)]
    let sim = try makeSimulator(
      symbols: ["ETH"], prices: [[3_000], [2_650]], positions: positions, rules: [noImpact(0.01)],
      fund: FundRules(balance: 200))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(close(o.finalFund, -50))
    #expect(close(o.shortfall, 250))
    #expect(close(o.adlNotional, 5 * 2_700))
    #expect(abs(conservationGap(o, initialFund: 200)) < 1e-9)
  }

  /// Decision: with no counterparty at all nothing is deleveraged, so it is no ADL event and
  /// adds nothing to `adl_notional`; the fund takes the position at the same transfer and
  /// the loss counts as shortfall, even below the threshold. Long 1 BTC at 100 000, margin
  /// 10 000 (Pb 90 000), alone in the book, gaps to 85 000 with a fund of 2 000: the fund
  /// pays 2 000 (0.4 of the position), then takes the other 0.6 BTC at
  /// 0.6 × (85 000 − 90 000) = −3 000: it ends at −3 000, shortfall 5 000.
  @Test func noCounterpartyIsNoADLEvent() throws {
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: [long(1, at: 100_000, margin: 10_000)], rules: [noImpact()],
      fund: FundRules(balance: 2_000))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.adlEvents == 0 && o.adlPositionsHit == 0)
    #expect(o.adlNotional == 0 && o.badDebt == 0)
    #expect(close(o.shortfall, 5_000))
    #expect(close(o.finalFund, -3_000) && close(o.minFund, -3_000))
    #expect(o.depletionStep == 1)
    #expect(abs(conservationGap(o, initialFund: 2_000)) < 1e-9)
  }

  /// Decision: `adl_positions` counts (event, counterparty) pairs. Two longs (1 BTC at
  /// 100 000, margin 10 000, Pb 90 000) gap to 85 000 with an empty fund; the only short
  /// (5 BTC) is hit by both events: two events, two hits, 3 BTC left (3/5 of its size).
  @Test func counterpartyHitByTwoEventsCountsTwice() throws {
    for ranking in ADLRanking.allCases {
      let positions = [
        long(1, at: 100_000, margin: 10_000, account: "L1"), long(1, at: 100_000, margin: 10_000, account: "L2"),
        short(5, at: 100_000, margin: 100_000),
      ]
      let sim = try makeSimulator(
        prices: [[100_000], [85_000]], positions: positions, rules: [noImpact()], fund: FundRules(balance: 0),
        adl: ADLPolicy(ranking: ranking))
      let ws = sim.makeWorkspace()
      let o = sim.simulate(path: 0, workspace: ws)
      #expect(o.adlEvents == 2, "\(ranking)")
      #expect(o.adlPositionsHit == 2, "\(ranking)")
      let shorts = sim.ladders.shorts[0]
      #expect(close(ws.remaining[shorts.stateOffset], 0.6), "\(ranking)")
    }
  }
}

@Suite struct ADLRankingReuseTests {
  /// Two longs (1 BTC each, Pb 90 000) gap to 85 000 in one batch with an empty fund: both
  /// go to ADL against the same ranking. Shorts at mark 85 000:
  /// S1 1 BTC @ 95 000, margin 50 000: score 10 000/95 000 × 85 000/60 000 = 0.149;
  /// S2 1.5 BTC @ 100 000, margin 30 000 (Pb 120 000): 0.15 × 85 000/35 000 = 0.364 (top).
  /// Event 1 takes 1 of S2's 1.5 (S2 keeps 1/3 of its size and its rank); event 2 takes
  /// S2's last 0.5 and 0.5 of S1. Three hits, two events, S1 keeps half.
  @Test func partialCounterpartyKeepsItsRankAcrossEvents() throws {
    let positions = [
      long(1, at: 100_000, margin: 10_000, account: "L1"), long(1, at: 100_000, margin: 10_000, account: "L2"),
      short(1, at: 95_000, margin: 50_000, account: "S1"), short(1.5, at: 100_000, margin: 30_000, account: "S2"),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: positions, rules: [noImpact()], fund: FundRules(balance: 0))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: 0, workspace: ws)
    #expect(o.adlEvents == 2)
    #expect(o.adlPositionsHit == 3)
    #expect(close(o.adlNotional, 2 * 90_000))
    let shorts = sim.ladders.shorts[0]
    let left = Dictionary(
      uniqueKeysWithValues: (0..<shorts.count).map {
        (sim.exchange.positions[shorts.positionIndex[$0]].account, ws.remaining[shorts.stateOffset + $0])
      })
    #expect(left["S2"] == 0)
    #expect(close(left["S1"] ?? -1, 0.5))
    #expect(abs(conservationGap(o, initialFund: 0)) < 1e-9)
  }
}

/// The close price (docs/MODEL.md, "ADL"): at `bankruptcy` the counterparties absorb the loss
/// past `Pb`; at `mark` (OKX; Hyperliquid) the fund settles it as far as it holds above its
/// floor and the counterparties bear the rest.
@Suite struct ADLClosePriceTests {
  /// Long 1 BTC at 100 000, margin 10 000 (Pb 90 000) gaps to `price` into a book of
  /// depth 425 (no permanent impact): the walk 0.01 × 85 000/425 = 2 exhausts the book, half
  /// the position fills at 85 000 × (1 − 1/2) = 42 500, the other half goes to ADL against
  /// one short of 5 BTC.
  func run(fund: Double, closePrice: ADLClosePrice, price: Double = 85_000) throws -> PathOutcome {
    let depth = 0.01 * price / 2
    let rules = MarketRules(
      maintenanceMargin: 0.0125, depth: depth, resilience: 1, permanentImpact: 0, maxLeverage: 100)
    let sim = try makeSimulator(
      prices: [[100_000], [price]],
      positions: [long(1, at: 100_000, margin: 10_000), short(5, at: 100_000, margin: 100_000)], rules: [rules],
      fund: FundRules(balance: fund), adl: ADLPolicy(closePrice: closePrice))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(abs(conservationGap(o, initialFund: fund)) < 1e-9 * 85_000)
    return o
  }

  /// The filled half: R = 0.5 × (10 000 + 42 500 − 100 000) = −23 750, paid by a fund of
  /// 10⁶. The ADL half, 0.5 BTC at Pb, moves 0.5 × (85 000 − 90 000) = −2 500.
  /// * bankruptcy: the short absorbs it: bad debt 2 500, ADL notional 0.5 × 90 000;
  /// * mark: the fund pays it: shortfall 26 250, no bad debt, ADL notional 0.5 × 85 000.
  @Test func markCloseWithASolventFund() throws {
    let atPb = try run(fund: 1e6, closePrice: .bankruptcy)
    #expect(close(atPb.shortfall, 23_750) && close(atPb.badDebt, 2_500))
    #expect(close(atPb.adlNotional, 45_000))
    let atMark = try run(fund: 1e6, closePrice: .mark)
    #expect(close(atMark.shortfall, 26_250) && atMark.badDebt == 0)
    #expect(close(atMark.adlNotional, 42_500))
    #expect(close(atMark.finalFund, 1e6 - 26_250))
    #expect(atMark.adlEvents == 1 && atMark.adlHaircut == 0)
  }

  /// A fund of 24 750 holds 1 000 after the filled half: at mark it pays 1 000 of the 2 500
  /// and the short bears 1 500, 3 000 per BTC: it closes at 85 000 + 3 000 = 88 000, ADL
  /// notional 0.5 × 88 000 = 44 000.
  @Test func markCloseWithAFundNearlyDepleted() throws {
    let o = try run(fund: 24_750, closePrice: .mark)
    #expect(close(o.shortfall, 24_750) && close(o.finalFund, 0, relative: 1e-9))
    #expect(close(o.badDebt, 1_500))
    #expect(close(o.adlNotional, 44_000))
  }

  /// A position still above bankruptcy at the mark (90 500 > Pb 90 000): at `bankruptcy`
  /// the short gains 0.5 × 500 = 250; at `mark` the fund receives it.
  @Test func markCloseAboveBankruptcy() throws {
    let atPb = try run(fund: 1e6, closePrice: .bankruptcy, price: 90_500)
    #expect(close(atPb.adlCounterpartyGain, 250) && atPb.fundInflow == 0)
    let atMark = try run(fund: 1e6, closePrice: .mark, price: 90_500)
    #expect(atMark.adlCounterpartyGain == 0 && close(atMark.fundInflow, 250))
  }
}

/// ADL overshoot and haircut (docs/MODEL.md, "ADL"), by hand.
@Suite struct ADLMetricsTests {
  /// Long 1 BTC (Pb 90 000) gaps to 85 000 with an empty fund: ADL closes 1 BTC at 90 000,
  /// each unit giving up c = 5 000 against the mark. Overshoot = 1 × 85 000 − 1 × 5 000 =
  /// 80 000. Counterparties:
  /// * `pnl-leverage`, short S at 86 000 (margin 80 000, Pb 102 000): profit 1 000 a unit,
  ///   haircut 1 × min(5 000, 1 000) = 1 000 (the other 4 000 comes out of its margin);
  /// * `pro-rata` over S1 (1 BTC at 95 000, profit 10 000) and S4 (1 BTC at 80 000, losing):
  ///   each gives up half, haircut 0.5 × 5 000 + 0.5 × 0 = 2 500.
  @Test func overshootAndHaircut() throws {
    let cases: [(ADLRanking, [Position], Double)] = [
      (.pnlLeverage, [short(5, at: 86_000, margin: 80_000)], 1_000),
      (
        .proRata,
        [short(1, at: 95_000, margin: 50_000, account: "S1"), short(1, at: 80_000, margin: 22_000, account: "S4")],
        2_500
      ),
    ]
    for (ranking, shorts, haircut) in cases {
      let sim = try makeSimulator(
        prices: [[100_000], [85_000]], positions: [long(1, at: 100_000, margin: 10_000)] + shorts,
        rules: [noImpact()], fund: FundRules(balance: 0), adl: ADLPolicy(ranking: ranking))
      let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
      #expect(close(o.badDebt, 5_000), "\(ranking)")
      #expect(close(o.adlOvershoot, 80_000), "\(ranking)")
      #expect(close(o.adlHaircut, haircut), "\(ranking)")
    }
  }
}

/// dYdX's published deleveraging example (https://dydx-documentation-six.vercel.app/concepts/trading/contract-loss-mechanism,
/// read 2026-12): A and B deposit 100 each, A long and B short 500 at 1; the price jumps to
/// 2, B's equity is −400 and its bankruptcy price 1.2; with no insurance fund A is closed
/// at 1.2: A realises +100, B ends at 0. Against the mark A gives up 500 × (2 − 1.2) = 400,
/// the bad debt, all of it profit (A's profit is 1 a unit, the loss 0.8 a unit).
@Suite struct DYdXDeleveragingExampleTests {
  @Test func closedAtTheBankruptcyPrice() throws {
    let sim = try makeSimulator(
      symbols: ["X"], prices: [[1], [2]],
      positions: [long(500, at: 1, margin: 100, account: "A"), short(500, at: 1, margin: 100, account: "B")],
      rules: [noImpact()], fund: FundRules(balance: 0))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: 0, workspace: ws)
    #expect(o.liquidations == 1 && o.adlEvents == 1)
    #expect(close(o.adlNotional, 500 * 1.2))
    #expect(close(o.badDebt, 400) && close(o.adlHaircut, 400))
    // A realises 500 × (1.2 − 1) = 100: its mark value 500 less the 400 given up.
    #expect(close(500 * (2 - 1) + o.adlCounterpartyGain, 100))
    #expect(ws.remaining[sim.ladders.longs[0].stateOffset] == 0)
    #expect(o.finalFund == 0 && abs(conservationGap(o, initialFund: 0)) < 1e-9)
  }
}
