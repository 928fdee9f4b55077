import Testing

@testable import FundSimulation

/// The drawdown trigger as a floor (docs/MODEL.md, "Drawdown trigger"): the peak's sampling
/// by hand, then the floor under market close. Takeover's case is in ``TakeoverTests``.
@Suite struct DrawdownFloorTests {
  /// Window 3 steps, trigger 30%. Balances: 100 from the start; 80 in step 1; 90 then 60
  /// in step 2; 50 in step 5. The window of step t covers steps t − 2 … t and the balance
  /// carried in from the end of step t − 3:
  /// * step 2: 100 (held from step 0 into step 1, inside the window);
  /// * step 4: steps 2–4 and the end of step 1 (80): 90, reached within step 2, is the peak;
  /// * step 5: steps 3–5 and the end of step 2 (60): 90 was replaced within step 2, so 60;
  /// * step 6, after 50 in step 5: the end of step 3 is still 60;
  /// * step 8: steps 6–8 and the end of step 5 (50): 50, floor 35.
  @Test func peakSampling() {
    var floor = DrawdownFloor(trigger: 0.3, window: 3, balance: 100)
    floor.record(80, step: 1)
    floor.record(90, step: 2)
    floor.record(60, step: 2)
    #expect(floor.peak(step: 2) == 100)
    #expect(floor.peak(step: 4) == 90)
    #expect(floor.peak(step: 5) == 60)
    floor.record(50, step: 5)
    #expect(floor.peak(step: 5) == 60)
    #expect(floor.peak(step: 6) == 60)
    #expect(floor.peak(step: 8) == 50)
    #expect(abs(floor.floor(step: 8) - 35) < 1e-12)
  }

  /// A peak at or below zero sets no floor; a window of zero steps is one step.
  @Test func nonPositivePeakAndShortestWindow() {
    var floor = DrawdownFloor(trigger: 0.3, window: 0, balance: -10)
    #expect(floor.window == 1)
    #expect(floor.floor(step: 0) == -.infinity)
    floor.record(100, step: 1)
    floor.record(20, step: 2)
    // Window of step 2: step 2 and the end of step 1 (100).
    #expect(abs(floor.floor(step: 2) - 70) < 1e-12)
    // Step 3: step 3 and the end of step 2 (20).
    #expect(abs(floor.floor(step: 3) - 14) < 1e-12)
  }

  /// The trigger is a floor, not a switch: the payment that reaches it is cut there.
  /// Fund 10 000, trigger 30% (floor 7 000), window 10 steps, no impact.
  /// * Step 1, price 86 000: A (1 BTC at 100 000, margin 10 000, Pb 90 000) is 4 000 short;
  ///   the fund pays 3 000, down to 7 000, covering 3/4 of A; 0.25 BTC goes to ADL at
  ///   90 000 with the mark at 86 000: bad debt 1 000.
  /// * Step 2, price 83 000: B (1 BTC at 100 000, margin 16 000, Pb 84 000, Pl 85 063.29)
  ///   is 1 000 short; the peak is still 10 000, the fund is at the floor and pays nothing:
  ///   1 BTC goes to ADL, bad debt 1 000.
  /// A switch would have paid the first 4 000 in full, 40% below the peak.
  @Test func floorUnderMarketClose() throws {
    let o = try run(prices: [[100_000], [86_000], [83_000]], window: 10)
    #expect(close(o.shortfall, 3_000))
    #expect(close(o.finalFund, 7_000) && close(o.minFund, 7_000))
    #expect(o.adlEvents == 2)
    #expect(close(o.badDebt, 2_000))
    #expect(o.depletionStep == nil)
    #expect(abs(conservationGap(o, initialFund: 10_000)) < 1e-9)
  }

  /// The peak leaves the window. As above with a window of 2 steps and B's fall in step 4:
  /// the window of step 4 is steps 3–4 and the end of step 2 (7 000), so the floor is
  /// 4 900 and the fund pays B's 1 000 (ends at 6 000); only A's quarter went to ADL.
  @Test func peakLeavesTheWindow() throws {
    let o = try run(prices: [[100_000], [86_000], [86_000], [86_000], [83_000]], window: 2)
    #expect(close(o.shortfall, 4_000))
    #expect(close(o.finalFund, 6_000))
    #expect(o.adlEvents == 1)
    #expect(close(o.badDebt, 1_000))
    #expect(abs(conservationGap(o, initialFund: 10_000)) < 1e-9)
  }

  private func run(prices: [[Double]], window: Int) throws -> PathOutcome {
    let positions = [
      long(1, at: 100_000, margin: 10_000, account: "A"), long(1, at: 100_000, margin: 16_000, account: "B"),
      short(5, at: 100_000, margin: 100_000),
    ]
    let sim = try makeSimulator(
      prices: prices, positions: positions, rules: [noImpact()], fund: FundRules(balance: 10_000),
      adl: ADLPolicy(drawdownTrigger: 0.3, drawdownWindowSteps: window))
    return sim.simulate(path: 0, workspace: sim.makeWorkspace())
  }
}
