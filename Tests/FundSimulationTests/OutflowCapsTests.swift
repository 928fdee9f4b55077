import Testing

@testable import FundSimulation

/// The fund's outflow caps and Binance's takeover notional cap, by hand (docs/MODEL.md, "Fund
/// rules").
@Suite struct OutflowCapsTests {
  /// A and B (1 BTC at 100 000, margin 10 000, Pb 90 000) gap to 85 000 at step 1, each
  /// needing 5 000; C (1 BTC at 100 000, margin 17 000, Pb 83 000, Pl 84 050.6) is crossed
  /// at 80 000 at step 2, needing 3 000. One short of 10 BTC takes the ADL. Fund 10⁶.
  func run(_ fund: FundRules) throws -> PathOutcome {
    let positions = [
      long(1, at: 100_000, margin: 10_000, account: "A"), long(1, at: 100_000, margin: 10_000, account: "B"),
      long(1, at: 100_000, margin: 17_000, account: "C"), short(10, at: 100_000, margin: 500_000),
    ]
    let sim = try makeSimulator(
      prices: [[100_000], [85_000], [80_000]], positions: positions, rules: [noImpact()], fund: fund)
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    #expect(abs(conservationGap(o, initialFund: fund.balance)) < 1e-9)
    return o
  }

  /// Step cap 6 000: step 1 pays A's 5 000 and 1 000 of B's (B's other 0.8 BTC to ADL, bad
  /// debt 4 000); step 2 starts afresh and pays C's 3 000. Shortfall 9 000.
  @Test func stepCapResetsEachStep() throws {
    let o = try run(FundRules(balance: 1e6, stepOutflowCap: 6_000))
    #expect(close(o.shortfall, 9_000) && close(o.badDebt, 4_000))
    #expect(close(o.finalFund, 1e6 - 9_000))
    #expect(o.adlEvents == 1 && o.depletionStep == nil)
  }

  /// Market cap 6 000 over the horizon: step 1 as above, step 2 finds no room: C's 3 000
  /// goes to ADL too. Shortfall 6 000, bad debt 7 000.
  @Test func marketCapHoldsOverTheHorizon() throws {
    let o = try run(FundRules(balance: 1e6, marketOutflowCap: 6_000))
    #expect(close(o.shortfall, 6_000) && close(o.badDebt, 7_000))
    #expect(o.adlEvents == 2)
  }

  /// No cap: the fund pays all 13 000.
  @Test func uncapped() throws {
    let o = try run(FundRules(balance: 1e6))
    #expect(close(o.shortfall, 13_000) && o.badDebt == 0 && o.adlEvents == 0)
  }

  /// Binance's takeover cap, k = 1 on a fund of 10 000: a long of 1 BTC (Pb 90 000) crossed
  /// at 91 000 in a deep book; the fund takes 10 000/91 000 = 0.109 89 BTC, whose 10 000 of
  /// notional walk w = 0.01 × 10 000/10⁹ = 10⁻⁷ and fill at 91 000 × (1 − w/2) = 90 999.995 45:
  /// it gains 0.109 89 × 999.995 45; ADL closes the other 0.890 11 BTC at 90 000 (the short gains
  /// 0.890 11 × 1 000 = 890.11 against the mark).
  @Test func takeoverNotionalCap() throws {
    let rules = MarketRules(maintenanceMargin: 0.0125, depth: 1e9, resilience: 1, permanentImpact: 0)
    let sim = try makeSimulator(
      prices: [[100_000], [91_000]],
      positions: [long(1, at: 100_000, margin: 10_000), short(2, at: 100_000, margin: 50_000)], rules: [rules],
      fund: FundRules(balance: 10_000, waterfall: .takeover, takeoverNotionalCap: 1))
    let o = sim.simulate(path: 0, workspace: sim.makeWorkspace())
    let taken = 10_000.0 / 91_000
    #expect(o.adlEvents == 1)
    #expect(close(o.adlNotional, (1 - taken) * 90_000, relative: 1e-9))
    #expect(close(o.adlCounterpartyGain, (1 - taken) * 1_000, relative: 1e-9))
    #expect(close(o.fundInflow, taken * (91_000 * (1 - 0.5e-7) - 90_000), relative: 1e-9))
    #expect(abs(conservationGap(o, initialFund: 10_000)) < 1e-9)
  }
}

@Suite struct FundRulesCapValidationTests {
  /// Caps are refused when negative, and a cap or vault that the mechanic would ignore is
  /// refused rather than silently dropped.
  @Test func refusedWhereTheyWouldMislead() {
    #expect(throws: (any Error).self) { try FundRules(balance: 1, stepOutflowCap: -1).validate() }
    #expect(throws: (any Error).self) { try FundRules(balance: 1, takeoverNotionalCap: 1).validate() }
    #expect(throws: (any Error).self) {
      try FundRules(balance: 1, waterfall: .takeover, backstop: BackstopVault(capital: 1)).validate()
    }
    #expect(throws: Never.self) { try FundRules(balance: 1, waterfall: .takeover, takeoverNotionalCap: 1).validate() }
  }
}
