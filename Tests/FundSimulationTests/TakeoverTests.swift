import Testing

@testable import FundSimulation

/// Hand-computed cases of takeover (docs/MODEL.md, "Waterfall, takeover"), each with its
/// arithmetic written from the model, not from the code.
@Suite struct TakeoverTests {
  /// Takeover filled better than Pb: the long of the first case, price 91 000, depth 1e9.
  /// Walk w = 0.01 × 1 × 91 000/1e9 = 9.1e-7; fill F = 91 000 × (1 − w/2) = 90 999.958595;
  /// the fund gains F − Pb = 999.958595 and the trader keeps nothing.
  @Test func takeoverFilledBetterThanBankruptcy() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 1e9, resilience: 0.2, permanentImpact: 0.5)
    let sim = try makeSimulator(
      prices: [[100_000], [91_000]], positions: [long(1, at: 100_000, margin: 10_000)], rules: [rules],
      fund: FundRules(balance: 1_000_000, waterfall: .takeover))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(close(o.fundInflow, 999.958595, relative: 1e-12))
    #expect(close(o.traderLoss, 999.958595, relative: 1e-12))
    #expect(o.adlEvents == 0)
  }

  /// Takeover the book cannot fill: price gaps to 85 000; subsidy 0.001 × 1e6 = 1 000, so
  /// the limit is 90 000 − 1 000/1 = 89 000, above the market: nothing fills and the whole
  /// BTC is deleveraged at 90 000 against the short (bad debt 5 000); the fund is untouched.
  @Test func takeoverUnfillableGoesToADL() throws {
    let positions = [long(1, at: 100_000, margin: 10_000), short(2, at: 100_000, margin: 50_000)]
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: positions, rules: [noImpact()],
      fund: FundRules(balance: 1_000_000, waterfall: .takeover, takeoverSubsidy: 0.001))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(o.finalFund == 1_000_000)
    #expect(o.adlEvents == 1)
    #expect(close(o.adlNotional, 90_000))
    #expect(close(o.badDebt, 5_000))
    #expect(abs(conservationGap(o, initialFund: 1_000_000)) < 1e-9)
  }

  /// Partial takeover: fund 4 000, subsidy 25% → S = 1 000, limit 89 000. Mark 91 000; the
  /// walk to the limit is 2 000/91 000; depth 20 702.5 makes the walk for the whole BTC
  /// 0.01 × 91 000/20 702.5 = 4 000/91 000, twice that: half fills, averaging
  /// (91 000 + 89 000)/2 = 90 000 = Pb, so the fund gains 0; 0.5 BTC goes to ADL.
  @Test func takeoverPartialFill() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 20_702.5, resilience: 0.2, permanentImpact: 0)
    let positions = [long(1, at: 100_000, margin: 10_000), short(2, at: 100_000, margin: 50_000)]
    let sim = try makeSimulator(
      prices: [[100_000], [91_000]], positions: positions, rules: [rules],
      fund: FundRules(balance: 4_000, waterfall: .takeover, takeoverSubsidy: 0.25))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(abs(o.finalFund - 4_000) < 1e-6)
    #expect(close(o.adlNotional, 0.5 * 90_000, relative: 1e-9))
    #expect(abs(conservationGap(o, initialFund: 4_000)) < 1e-9)
  }

  /// Two takeovers in one round share one book. Longs B (1 BTC at 100 000, margin 9 500:
  /// Pb 90 500, Pl 91 645.57, first in ladder order) and A (margin 10 000: Pb 90 000,
  /// Pl 91 139.24) cross at the mark P = 91 000. Depth 91 000: 1 BTC walks
  /// 0.01 × 91 000/91 000 = 0.01 = 910/91 000 of the price. Fund 200 000 with
  /// takeover_subsidy 0.001: the round's budget is 200.
  /// * B: limit 90 500 − 200 = 90 300, reached at walk 700/91 000 < 910/91 000, so B fills
  ///   700/910 BTC, from walk 0 to 700/91 000, averaging 91 000 − 350 = 90 650: the fund
  ///   gains 700/910 × 150 = 115.38 (no budget spent). 210/910 BTC goes to ADL.
  /// * A starts where B stopped: limit 90 000 − 200 = 89 800, reached at walk
  ///   1 200/91 000; A fills (1 200 − 700)/910 = 500/910 BTC, averaging
  ///   91 000 − (700 + 1 200)/2 = 90 050: the fund gains 500/910 × 50 = 27.47.
  ///   410/910 BTC goes to ADL.
  /// ADL is valued at the mark: the short gains 210/910 × 500 + 410/910 × 1 000 = 565.93,
  /// no bad debt (the mark is above both Pb). The round walked 1 200/91 000: filled notional
  /// 1 200/910 × 91 000 = 120 000, which moves the mark by ½ × 1 200/91 000 to 90 400, as a
  /// market-close order of 120 000 would.
  @Test func twoTakeoversShareOneBook() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 91_000, resilience: 0.2, permanentImpact: 0.5)
    let positions = [
      long(1, at: 100_000, margin: 9_500, account: "B"), long(1, at: 100_000, margin: 10_000, account: "A"),
      short(5, at: 100_000, margin: 100_000),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [91_000]], positions: positions, rules: [rules],
      fund: FundRules(balance: 200_000, waterfall: .takeover, takeoverSubsidy: 0.001))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: 0, workspace: ws)
    #expect(o.liquidations == 2)
    #expect(close(o.fundInflow, 130_000.0 / 910, relative: 1e-10))
    #expect(o.shortfall == 0)
    #expect(close(o.finalFund, 200_000 + 130_000.0 / 910, relative: 1e-12))
    #expect(o.adlEvents == 2)
    #expect(close(o.adlNotional, (210 * 90_500 + 410 * 90_000) / 910.0, relative: 1e-10))
    #expect(close(o.adlCounterpartyGain, 515_000.0 / 910, relative: 1e-10))
    #expect(o.badDebt == 0)
    #expect(close(91_000 * Double.exp(ws.impact[0]), 90_400, relative: 1e-12))
    // The same filled notional moves the mark as a market-close order: walk 120 000/(100 × depth).
    #expect(
      close(Double.exp(ws.impact[0]), 1 - 0.5 * BookImpact.walk(size: 120_000 / 91_000, price: 91_000, depth: 91_000)))
    #expect(abs(conservationGap(o, initialFund: 200_000)) < 1e-9)
  }

  /// A round never fills more than the book's `100 × depth`. Three longs of 1 BTC
  /// (Pb 90 000) cross at 91 000 with depth 455 (each would walk 2 books) and a budget
  /// large enough to reach any price: the first fills the whole book, 100 × 455 = 45 500 of
  /// notional at the mark (0.5 BTC), averaging 45 500; the others find the book empty and go
  /// to ADL whole.
  @Test func roundFillsAtMostTheBook() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 455, resilience: 0.2, permanentImpact: 0.5)
    let positions = [
      long(1, at: 100_000, margin: 10_000, account: "A"), long(1, at: 100_000, margin: 10_000, account: "B"),
      long(1, at: 100_000, margin: 10_000, account: "C"), short(10, at: 100_000, margin: 200_000),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [91_000]], positions: positions, rules: [rules],
      fund: FundRules(balance: 1e7, waterfall: .takeover, takeoverSubsidy: 1))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    // The fund pays 0.5 × (90 000 − 45 500) = 22 250 for the half it filled.
    #expect(close(o.shortfall, 22_250))
    #expect(close(o.adlNotional, 2.5 * 90_000))
    #expect(o.adlEvents == 3)
    #expect(abs(conservationGap(o, initialFund: 1e7)) < 1e-9 * 1e7)
  }

  /// Decision: at or below the threshold the fund subsidises nothing, so the limit is Pb
  /// itself; the book still fills what it can better than Pb and the fund keeps the gain.
  /// Fund 5 000 with threshold 5 000. Long 2 BTC at 100 000, margin 20 000 (Pb 90 000) at
  /// mark 91 000; depth 91 000, so 2 BTC would walk 0.02. The limit 90 000 is reached at walk
  /// 1 000/91 000: 1 000/910 BTC fills, averaging 90 500, and the fund gains
  /// 1 000/910 × 500 = 549.45; 820/910 BTC goes to ADL, valued at the mark:
  /// 820/910 × 1 000 = 901.10 to the short.
  @Test func noSubsidyAtTheThreshold() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 91_000, resilience: 0.2, permanentImpact: 0.5)
    let positions = [long(2, at: 100_000, margin: 20_000), short(5, at: 100_000, margin: 100_000)]
    let sim = try makeSimulator(
      prices: [[100_000], [91_000]], positions: positions, rules: [rules],
      fund: FundRules(balance: 5_000, waterfall: .takeover, takeoverSubsidy: 0.5, depletionThreshold: 5_000))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(close(o.fundInflow, 500_000.0 / 910, relative: 1e-10))
    #expect(o.shortfall == 0)
    #expect(close(o.adlCounterpartyGain, 820_000.0 / 910, relative: 1e-10))
    #expect(o.badDebt == 0)
    #expect(o.depletionStep == 0)
    #expect(abs(conservationGap(o, initialFund: 5_000)) < 1e-9)
  }

  /// Decision: the subsidy is a budget per round, not per position. Four longs of 1 BTC
  /// (Pb 90 000) gap to 80 000 in one round, no impact; fund 100 000, takeover_subsidy
  /// 0.25: the round may spend 25 000. The first two fill at 80 000 (limits 65 000 and
  /// 75 000) and cost 10 000 each; the third's limit is 90 000 − 5 000 = 85 000, above the
  /// market, so it and the fourth go to ADL, with bad debt 10 000 each. The fund ends at
  /// 80 000; a budget per position would have spent 40 000.
  @Test func subsidyIsABudgetPerRound() throws {
    let positions =
      (0..<4).map { long(1, at: 100_000, margin: 10_000, account: "L\($0)") } + [short(5, at: 100_000, margin: 100_000)]
    let sim = try makeSimulator(
      prices: [[100_000], [80_000]], positions: positions, rules: [noImpact()],
      fund: FundRules(balance: 100_000, waterfall: .takeover, takeoverSubsidy: 0.25))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(close(o.shortfall, 20_000))
    #expect(close(o.finalFund, 80_000))
    #expect(o.adlEvents == 2)
    #expect(close(o.badDebt, 20_000))
    #expect(abs(conservationGap(o, initialFund: 100_000)) < 1e-9)
  }

  /// The drawdown trigger under takeover: once the fund is at its floor it subsidises
  /// nothing. Fund 100 000, trigger 30% (floor 70 000), takeover_subsidy 1, no impact.
  /// Step 1, price 60 000: X (1 BTC at 100 000, margin 10 000, Pb 90 000) may spend
  /// 100 000 − 70 000 = 30 000, so its limit is 60 000: it fills at 60 000 and the fund
  /// pays 30 000, down to the floor exactly. Step 2, price 45 000: Y (1 BTC at 100 000,
  /// margin 50 000, Pb 50 000, Pl 50 632.91) gets no subsidy, its limit 50 000 is above the
  /// market, and it goes to ADL whole: bad debt 5 000. Without the trigger the fund pays
  /// those 5 000 too.
  @Test func trippedTriggerStopsTheSubsidy() throws {
    let positions = [
      long(1, at: 100_000, margin: 10_000, account: "X"), long(1, at: 100_000, margin: 50_000, account: "Y"),
      short(5, at: 100_000, margin: 200_000),
    ]
    let fund = FundRules(balance: 100_000, waterfall: .takeover, takeoverSubsidy: 1)
    let prices: [[Double]] = [[100_000], [60_000], [45_000]]
    let triggered = try makeSimulator(
      prices: prices, positions: positions, rules: [noImpact()], fund: fund,
      adl: ADLPolicy(drawdownTrigger: 0.3, drawdownWindowSteps: 480))
    let o = triggered.simulate(path: 0, workspace: triggered.makeWorkspace())
    #expect(close(o.shortfall, 30_000))
    #expect(close(o.finalFund, 70_000))
    #expect(o.adlEvents == 1)
    #expect(close(o.badDebt, 5_000))
    #expect(o.depletionStep == nil)
    #expect(abs(conservationGap(o, initialFund: 100_000)) < 1e-9)

    let plain = try makeSimulator(prices: prices, positions: positions, rules: [noImpact()], fund: fund)
    let p = plain.simulate(path: 0, workspace: plain.makeWorkspace())
    #expect(close(p.shortfall, 35_000))
    #expect(p.adlEvents == 0)
  }
}
