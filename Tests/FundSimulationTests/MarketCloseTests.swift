import Testing

@testable import FundSimulation

/// Hand-computed cases of market close (docs/MODEL.md, "Waterfall, market close"), each
/// with its arithmetic.
@Suite struct LiquidationWaterfallTests {
  /// Long 1 BTC at 100 000, margin 10 000, m = 1.25%: Pl = 91 139.24. The price falls to
  /// 91 000, no impact, so the fill is 91 000 and R = 10 000 + (91 000 − 100 000) = 1 000.
  /// fund_share 0.6: fund +600, vault +400, the trader keeps nothing.
  @Test func residualSplitBetweenFundAndVault() throws {
    let sim = try makeSimulator(
      prices: [[100_000], [91_000]], positions: [long(1, at: 100_000, margin: 10_000)], rules: [noImpact()],
      fund: FundRules(balance: 1_000_000, fundShare: 0.6))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.liquidations == 1)
    #expect(close(o.fundInflow, 600))
    #expect(close(o.vaultInflow, 400))
    #expect(close(o.finalFund, 1_000_600))
    #expect(o.shortfall == 0 && o.adlEvents == 0)
    #expect(close(o.liquidatedNotional, 91_000))
    #expect(abs(conservationGap(o, initialFund: 1_000_000)) < 1e-9)
  }

  /// A gap through the bankruptcy price: the same long, price 100 000 → 85 000.
  /// R = 10 000 + (85 000 − 100 000) = −5 000: the fund pays 5 000.
  @Test func gapThroughBankruptcyFundPaysShortfall() throws {
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: [long(1, at: 100_000, margin: 10_000)], rules: [noImpact()],
      fund: FundRules(balance: 1_000_000))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(close(o.shortfall, 5_000))
    #expect(close(o.finalFund, 995_000))
    #expect(close(o.minFund, 995_000))
    #expect(o.depletionStep == nil && o.adlEvents == 0)
    #expect(abs(conservationGap(o, initialFund: 1_000_000)) < 1e-9)
  }

  /// The fee-cap case: 0.1 BTC long with Pb 51 000 (entry 60 000, margin
  /// 0.1 × 9 000 = 900) filled at 56 100 with a 0.5% cap. m = 10% puts Pl at
  /// 51 000/0.9 = 56 666.67, so a fall to 56 100 liquidates with no impact.
  /// R = 900 + 0.1 × (56 100 − 60 000) = 510; cap = 0.005 × 0.1 × 56 100 = 28.05;
  /// the fund gets 28.05 and the trader keeps 481.95.
  @Test func bindingFeeCap() throws {
    let sim = try makeSimulator(
      prices: [[60_000], [56_100]], positions: [long(0.1, at: 60_000, margin: 900)], rules: [noImpact(0.1)],
      fund: FundRules(balance: 1_000, feeCap: 0.005))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(close(o.fundInflow, 28.05, relative: 1e-12))
    #expect(close(o.finalFund, 1_028.05))
    #expect(close(o.traderLoss, 28.05))
  }

  /// Fund too small: the long of the gap case loses 5 000 beyond bankruptcy but the fund
  /// holds 2 000. The fund pays 2 000 (covering 40% of the size) and the other 0.6 BTC is
  /// closed by ADL at Pb = 90 000 against the top-ranked profitable short. At mark 85 000:
  /// * S1 1 @ 95 000, margin 50 000: PnL% = 10 000/95 000 = 0.1053, Pb = 145 000,
  ///   leverage = 85 000/60 000 = 1.417, score 0.149;
  /// * S2 1 @ 100 000, margin 20 000: PnL% = 0.15, Pb = 120 000, leverage = 85 000/35 000
  ///   = 2.429, score 0.364 (top);
  /// * S3 1 @ 80 000, margin 40 000: PnL% < 0.
  /// S2 keeps 0.4 BTC. The counterparty closes at 90 000 instead of 85 000: a gain of
  /// 0.6 × (85 000 − 90 000) = −3 000 against the mark, which is the bad debt.
  @Test func fundTooSmallDeleveragesTopRankedShort() throws {
    let positions = [
      long(1, at: 100_000, margin: 10_000),
      short(1, at: 95_000, margin: 50_000, account: "S1"),
      short(1, at: 100_000, margin: 20_000, account: "S2"),
      short(1, at: 80_000, margin: 40_000, account: "S3"),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: positions, rules: [noImpact()], fund: FundRules(balance: 2_000))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: 0, workspace: ws)
    #expect(close(o.shortfall, 2_000))
    #expect(o.finalFund == 0)
    #expect(o.depletionStep == 1)
    #expect(o.adlEvents == 1 && o.adlPositionsHit == 1)
    #expect(close(o.adlNotional, 0.6 * 90_000))
    #expect(close(o.badDebt, 3_000))
    #expect(close(o.adlCounterpartyGain, -3_000))
    let shorts = sim.ladders.shorts[0]
    let remaining = (0..<shorts.count).map {
      (sim.exchange.positions[shorts.positionIndex[$0]].account, ws.remaining[shorts.stateOffset + $0])
    }
    #expect(remaining.first { $0.0 == "S2" }.map { close($0.1, 0.4) } == true)
    #expect(remaining.filter { $0.0 != "S2" }.allSatisfy { $0.1 == 1 })
    #expect(abs(conservationGap(o, initialFund: 2_000)) < 1e-9)
  }

  /// Pro-rata ADL (Drift): the 0.6 BTC is spread over the 3 BTC of open shorts, each
  /// giving up 20% of its size.
  @Test func proRataSpreadsOverOpenInterest() throws {
    let positions = [
      long(1, at: 100_000, margin: 10_000),
      short(1, at: 95_000, margin: 50_000), short(1, at: 100_000, margin: 20_000), short(1, at: 80_000, margin: 40_000),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: positions, rules: [noImpact()], fund: FundRules(balance: 2_000),
      adl: ADLPolicy(ranking: .proRata))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: 0, workspace: ws)
    #expect(o.adlPositionsHit == 3)
    let shorts = sim.ladders.shorts[0]
    for j in 0..<shorts.count { #expect(close(ws.remaining[shorts.stateOffset + j], 0.8)) }
    #expect(abs(conservationGap(o, initialFund: 2_000)) < 1e-9)
  }

  /// An order larger than the book, on the short side (decision: the ask side holds the
  /// same `100 × depth` as the bid side, so it is walked to `2P` at most). Short 1 BTC at
  /// 100 000, margin 10 000: Pb = 110 000, Pl = 110 000/1.0125 = 108 641.98. The price
  /// rises to 109 000; depth 545 makes the raw walk 0.01 × 1 × 109 000/545 = 2, so half the
  /// size fills, walking the whole book to 218 000 and averaging 109 000 × 1.5 = 163 500.
  /// R = ½ × (10 000 − (163 500 − 100 000)) = −26 750, paid by the fund; the other
  /// 0.5 BTC goes to ADL at Pb, valued at the mark: the long counterparty gains
  /// 0.5 × (110 000 − 109 000) = 500 (no bad debt). The whole walk moves the mark by
  /// `permanent_impact` × 1 = 50%: to 163 500.
  @Test func shortOrderLargerThanTheBook() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 545, resilience: 0.2, permanentImpact: 0.5)
    let positions = [short(1, at: 100_000, margin: 10_000), long(2, at: 100_000, margin: 50_000)]
    let sim = try makeSimulator(
      prices: [[100_000], [109_000]], positions: positions, rules: [rules], fund: FundRules(balance: 1_000_000))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: 0, workspace: ws)
    #expect(o.liquidations == 1)
    #expect(close(o.liquidatedNotional, 109_000))
    #expect(close(o.shortfall, 26_750))
    #expect(close(o.adlNotional, 55_000))
    #expect(close(o.adlCounterpartyGain, 500))
    #expect(o.badDebt == 0 && o.adlEvents == 1)
    #expect(close(109_000 * Double.exp(ws.impact[0]), 163_500))
    #expect(abs(conservationGap(o, initialFund: 1_000_000)) < 1e-9)
  }

  /// Decision: when the book cannot fill a market-close round, every position of the round
  /// fills the same share (pro rata, one order at one average price). Longs B (1 BTC at
  /// 100 000, margin 9 500: Pb 90 500, Pl 91 645.57) and A (margin 10 000: Pb 90 000,
  /// Pl 91 139.24) cross together at 91 000. Depth 910: raw walk 0.01 × 2 × 91 000/910 = 2,
  /// so each fills half, at 91 000 × (1 − ½) = 45 500:
  /// R_B = ½ × (9 500 − 54 500) = −22 500, R_A = ½ × (10 000 − 54 500) = −22 250; the fund
  /// pays 44 750. Each sends 0.5 BTC to ADL at its Pb, valued at the mark:
  /// 0.5 × 500 + 0.5 × 1 000 = 750 to the short.
  @Test func unfillableShareSplitsProRata() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 910, resilience: 0.2, permanentImpact: 0.5)
    let positions = [
      long(1, at: 100_000, margin: 9_500, account: "B"), long(1, at: 100_000, margin: 10_000, account: "A"),
      short(5, at: 100_000, margin: 100_000),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [91_000]], positions: positions, rules: [rules], fund: FundRules(balance: 1_000_000))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.liquidations == 2)
    #expect(close(o.shortfall, 44_750))
    #expect(close(o.adlNotional, 0.5 * 90_500 + 0.5 * 90_000))
    #expect(close(o.adlCounterpartyGain, 750))
    #expect(o.badDebt == 0 && o.adlEvents == 2)
    #expect(abs(conservationGap(o, initialFund: 1_000_000)) < 1e-9)
  }
}

@Suite struct InsuranceFundTests {
  /// A fund drained and refilled within one cascade still counts as depleted. Fund 2 000.
  /// Step 1, price 85 000, one round: A (long 1 @ 100 000, margin 10 000, Pb 90 000) needs
  /// 5 000; the fund pays 2 000 and reaches 0; then B (long 1 @ 86 000, margin 1 500,
  /// Pb 84 500, Pl 85 569.6) leaves R = 1 500 + (85 000 − 86 000) = 500 to the fund.
  @Test func depletionWithinOneCascadeIsRecorded() throws {
    let positions = [
      long(1, at: 100_000, margin: 10_000, account: "A"), long(1, at: 86_000, margin: 1_500, account: "B"),
      short(2, at: 100_000, margin: 50_000),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: positions, rules: [noImpact()], fund: FundRules(balance: 2_000))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.depletionStep == 1)
    #expect(o.minFund == 0)
    #expect(close(o.finalFund, 500))
  }

  /// The ADL heap returns rungs by score, ties to the lower rung.
  @Test func rankingHeapOrder() {
    let scores: [Double] = [0.3, 0.9, -1, 0.9, 0.5, 0.1]
    let score = UnsafeMutablePointer<Double>.allocate(capacity: 6)
    let rung = UnsafeMutablePointer<Int>.allocate(capacity: 6)
    defer { score.deallocate(); rung.deallocate() }
    for i in 0..<6 { score[i] = scores[i]; rung[i] = i }
    var heap = RankingHeap(score: score, rung: rung, count: 6)
    var order: [Int] = []
    while let r = heap.first {
      order.append(r)
      heap.removeFirst()
    }
    #expect(order == [1, 3, 4, 0, 5, 2])
  }
}

/// dYdX v4's published insurance-fund deltas of a liquidation fill: dydxprotocol/v4-chain
/// `protocol/x/clob/keeper/liquidations_test.go`, `TestGetLiquidationInsuranceFundDelta`
/// (read 2026-12). `Δ_IF = min(fill quote − BP quote, MaxLiquidationFeePpm × |fill quote|)`
/// when positive. A 0.1 BTC long with a USDC balance of −5 100 (BP 51 000; here entry 60 000,
/// margin 900) and a 0.1 BTC short with +4 900 (BP 49 000; entry 40 000, margin 900), filled
/// at the given price with the given cap. The maintenance rates (10% for the long, 20% for
/// the short, the test's MMF and IMF) put each fill past the liquidation price.
@Suite struct DYdXInsuranceFundDeltaTests {
  static let vectors: [(side: Side, fill: Double, feeCap: Double, delta: Double)] = [
    (.long, 56_100, 0.005, 28.05), (.long, 56_100, 0.025, 140.25), (.long, 56_100, 1, 510),
    (.long, 51_051, 0.005, 5.10), (.long, 51_000, 0.005, 0),
    (.short, 44_100, 0.005, 22.05), (.short, 44_100, 0.025, 110.25), (.short, 44_100, 1, 490),
    (.short, 48_951, 0.005, 4.90),
  ]

  @Test(arguments: 0..<9)
  func publishedDelta(index: Int) throws {
    let v = Self.vectors[index]
    let position =
      v.side == .long ? long(0.1, at: 60_000, margin: 900) : short(0.1, at: 40_000, margin: 900)
    let sim = try makeSimulator(
      prices: [[position.entryPrice], [v.fill]], positions: [position], rules: [noImpact(v.side == .long ? 0.1 : 0.2)],
      fund: FundRules(balance: 1_000, feeCap: v.feeCap))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.liquidations == 1)
    #expect(abs(o.fundInflow - v.delta) <= 1e-9 * 1_000, "fill \(v.fill), cap \(v.feeCap)")
    #expect(o.shortfall == 0 && o.adlEvents == 0)
  }
}
