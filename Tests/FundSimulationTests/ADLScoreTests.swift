import Testing

@testable import FundSimulation

/// The queue rankings' scores by hand from each venue's published formula, and the BitMEX
/// queue example (docs/MODEL.md, "ADL").
@Suite struct ADLScoreTests {
  /// Three shorts of a BTC market at initial price 100 000, maintenance margin 1.25%, scored
  /// at mark 85 000 (a long side being deleveraged):
  /// * S1: 1 BTC at 95 000, margin 50 000 (Pb 145 000);
  /// * S2: 1.5 BTC at 100 000, margin 30 000 (Pb 120 000);
  /// * S4: 1 BTC at 80 000, margin 22 000 (Pb 102 000, Pl 100 740.7), losing 5 000.
  static let shorts = [
    short(1, at: 95_000, margin: 50_000, account: "S1"), short(1.5, at: 100_000, margin: 30_000, account: "S2"),
    short(1, at: 80_000, margin: 22_000, account: "S4"),
  ]

  /// The scores of `Score` by account at mark 85 000.
  func scores<Score: ADLScore>(_: Score.Type, extraMargin extra: Double = 0) throws -> [String: Double] {
    let sim = try makeSimulator(
      prices: [[100_000], [100_000]], positions: Self.shorts, rules: [noImpact()], fund: .init(balance: 0))
    let ladder = sim.ladders.shorts[0]
    return Dictionary(
      uniqueKeysWithValues: (0..<ladder.count).map {
        (
          sim.exchange.positions[ladder.positionIndex[$0]].account,
          Score.score(rung: $0, of: ladder, remaining: 1, extraMargin: extra, mark: 85_000)
        )
      })
  }

  /// Binance (https://dev.binance.vision/t/how-to-caculating-leverage-pnl-quantile/17801):
  /// PnL% = max(0, U)/max(1, W), MarginRatio = MM/(W + U), score = PnL% × MarginRatio.
  /// * S1: U = 10 000, W = 50 000 → 0.2; MM = 0.0125 × 85 000 = 1 062.5 over 60 000 →
  ///   0.017 708 3; score 0.003 541 67.
  /// * S2: U = 22 500, W = 30 000 → 0.75; MM = 1 593.75 over 52 500 → 0.030 357 1;
  ///   score 0.022 767 9.
  /// * S4: U = −5 000 → PnL% = 0, score 0.
  @Test func binance() throws {
    let s = try scores(BinanceScore.self)
    #expect(close(s["S1"]!, 0.2 * 1_062.5 / 60_000))
    #expect(close(s["S2"]!, 0.75 * 1_593.75 / 52_500))
    #expect(close(s["S1"]!, 0.00354167, relative: 1e-5) && close(s["S2"]!, 0.0227679, relative: 1e-5))
    #expect(s["S4"]! == 0)
  }

  /// Hyperliquid (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/auto-deleveraging):
  /// (mark/entry) × (notional/account value), as published, on a short too.
  /// * S1: 85/95 × 85 000/60 000 = 1.267 544;
  /// * S2: 0.85 × 127 500/52 500 = 2.064 286;
  /// * S4: 85/80 × 85 000/17 000 = 5.3125: the losing short ranks first.
  @Test func hyperliquid() throws {
    let s = try scores(HyperliquidScore.self)
    #expect(close(s["S1"]!, 1.267544, relative: 1e-6))
    #expect(close(s["S2"]!, 2.064286, relative: 1e-6))
    #expect(close(s["S4"]!, 5.3125))
  }

  /// pnl-leverage (BitMEX): PnL% × EffLev = s(P − E)/E × P/|P − Pb|.
  /// * S1: 10 000/95 000 × 85 000/60 000 = 0.149 123;
  /// * S2: 0.15 × 85 000/35 000 = 0.364 286;
  /// * S4: −0.0625 × 85 000/17 000 = −0.3125.
  @Test func pnlLeverage() throws {
    let s = try scores(PnLLeverageScore.self)
    #expect(close(s["S1"]!, 0.149123, relative: 1e-5))
    #expect(close(s["S2"]!, 0.364286, relative: 1e-5))
    #expect(close(s["S4"]!, -0.3125))
  }

  /// A position reduced by margin reduction (``MarginReduction``) keeps margin beyond its
  /// rung's; it is scored with it. S1 with 30 000 more (margin 80 000, Pb 175 000):
  /// * pnl-leverage: 10 000/95 000 × 85 000/90 000 = 0.099 415;
  /// * binance: PnL% = 10 000/80 000 = 0.125, MarginRatio = 1 062.5/90 000 → 0.001 475 69;
  /// * hyperliquid: 85/95 × 85 000/90 000 = 0.845 029.
  @Test func aReducedPositionIsScoredWithItsOwnMargin() throws {
    #expect(close(try scores(PnLLeverageScore.self, extraMargin: 30_000)["S1"]!, 0.099415, relative: 1e-5))
    #expect(close(try scores(BinanceScore.self, extraMargin: 30_000)["S1"]!, 0.125 * 1_062.5 / 90_000))
    #expect(close(try scores(HyperliquidScore.self, extraMargin: 30_000)["S1"]!, 0.845029, relative: 1e-5))
  }

  /// The same ladder of scores, ranked by the venue: one long (1 BTC, Pb 90 000) gaps to
  /// 85 000 with an empty fund and is deleveraged against the three shorts. Binance and
  /// pnl-leverage take S2 (top score, 1.5 BTC covers it); Hyperliquid takes S4 whole, then
  /// nothing more is needed.
  @Test(arguments: [(ADLRanking.binance, "S2"), (.pnlLeverage, "S2"), (.hyperliquid, "S4")])
  func rankingPicks(ranking: ADLRanking, first: String) throws {
    let positions = [long(1, at: 100_000, margin: 10_000, account: "L")] + Self.shorts
    let sim = try makeSimulator(
      prices: [[100_000], [85_000]], positions: positions, rules: [noImpact()], fund: FundRules(balance: 0),
      adl: ADLPolicy(ranking: ranking))
    let ws = sim.makeWorkspace()
    let o = sim.simulate(path: 0, workspace: ws)
    #expect(o.adlEvents == 1 && o.adlPositionsHit == 1)
    let shorts = sim.ladders.shorts[0]
    for rung in 0..<shorts.count {
      let account = sim.exchange.positions[shorts.positionIndex[rung]].account
      let q = shorts.size[rung]
      let expected = account == first ? (q - 1) / q : 1
      #expect(close(ws.remaining[shorts.stateOffset + rung], expected), "\(ranking) \(account)")
    }
    #expect(abs(conservationGap(o, initialFund: 0)) < 1e-9)
  }

  /// BitMEX's published queue (https://testnet.bitmex.com/app/autoDeleveragingExamples, read
  /// 2026-12): six longs with (quantity, rank score) (10, 3), (10, 6), (20, 1), (30, 4),
  /// (20, 5), (10, 2); a short of 20 is deleveraged: account 2 (score 6) closes all 10,
  /// account 5 (score 5) 10 of its 20, nobody else.
  @Test func bitmexQueueExample() throws {
    let quantities: [Double] = [10, 10, 20, 30, 20, 10]
    let longs = quantities.enumerated().map { i, q in
      long(q, at: 100, margin: q * 50, account: "\(i + 1)")
    }
    let sim = try makeSimulator(
      prices: [[100], [100]], positions: longs + [short(100, at: 100, margin: 5_000)], rules: [noImpact()],
      fund: FundRules(balance: 0))
    let ws = sim.makeWorkspace()
    let ladder = sim.ladders.longs[0]
    let request = ADLRequest(
      market: 0, side: .short, size: 20, mark: 100, step: 1, takenPerUnit: 0, accountsToVisit: 500)
    let match = RankedSelection<BitMEXExampleScore>.select(request, opposite: ladder, from: 0, workspace: ws)
    #expect(match.matched == 20 && match.hits == 2)
    for rung in 0..<ladder.count {
      let account = sim.exchange.positions[ladder.positionIndex[rung]].account
      let expected: Double = ["2": 0.0, "5": 0.5][account] ?? 1
      #expect(ws.remaining[ladder.stateOffset + rung] == expected, "account \(account)")
    }
  }
}

/// The rank scores of BitMEX's example, by position index (account − 1).
enum BitMEXExampleScore: ADLScore {
  static func score(
    rung j: Int, of ladder: LiquidationLadder, remaining: Double, extraMargin extra: Double, mark: Double
  ) -> Double {
    [3.0, 6, 1, 4, 5, 2][ladder.positionIndex[j]]
  }
}
