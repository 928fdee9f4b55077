import FundSimulation
import Testing

@testable import FundReports

/// A four-path run whose every figure is computed by hand below.
enum HandRun {
  static func outcomes() -> [PathOutcome] {
    // Path 0: quiet.
    let quiet = Fixtures.quiet(path: 0)
    // Path 1: BTC liquidations, fund pays 100k of shortfall, ends at 900k (min 850k).
    var hit = Fixtures.quiet(path: 1)
    hit.checkpoints = [1_000_000, 950_000, 850_000, 880_000, 900_000]
    hit.minFund = 850_000
    hit.finalFund = 900_000
    hit.liquidations = 3
    hit.liquidatedNotional = 2_000_000
    hit.shortfall = 100_000
    hit.maxCascadeRounds = 2
    hit.markets[0].liquidations = 3
    hit.markets[0].liquidatedNotional = 2_000_000
    hit.markets[0].shortfall = 100_000
    hit.markets[0].maxCascadeRounds = 2
    // Path 2: ETH crash, fund depleted at step 30 (0.5 h), ADL twice.
    var crash = Fixtures.quiet(path: 2)
    crash.checkpoints = [1_000_000, 600_000, -50_000, -20_000, -10_000]
    crash.minFund = -50_000
    crash.finalFund = -10_000
    crash.depletionStep = 30
    crash.liquidations = 10
    crash.liquidatedNotional = 8_000_000
    crash.shortfall = 300_000
    crash.badDebt = 40_000
    crash.adlEvents = 2
    crash.adlNotional = 400_000
    crash.adlPositionsHit = 5
    crash.maxCascadeRounds = 4
    crash.roundCapHits = 1
    crash.adlOvershoot = 360_000
    crash.adlHaircut = 30_000
    crash.backstopPnL = -2_500
    crash.backstopTakeovers = 3
    crash.markets[1].liquidations = 10
    crash.markets[1].liquidatedNotional = 8_000_000
    crash.markets[1].shortfall = 300_000
    crash.markets[1].badDebt = 40_000
    crash.markets[1].adlEvents = 2
    crash.markets[1].adlNotional = 400_000
    crash.markets[1].maxCascadeRounds = 4
    // Path 3: profitable liquidations in SOL, fund gains 20k.
    var gain = Fixtures.quiet(path: 3)
    gain.checkpoints = [1_000_000, 1_000_000, 1_010_000, 1_015_000, 1_020_000]
    gain.finalFund = 1_020_000
    gain.liquidations = 4
    gain.liquidatedNotional = 1_000_000
    gain.fundInflow = 20_000
    gain.vaultInflow = 5_000
    gain.maxCascadeRounds = 1
    gain.markets[2].liquidations = 4
    gain.markets[2].liquidatedNotional = 1_000_000
    gain.markets[2].fundInflow = 20_000
    gain.markets[2].vaultInflow = 5_000
    gain.markets[2].maxCascadeRounds = 1
    return [quiet, hit, crash, gain]
  }

  static func summary() -> RunSummary { RunSummary(statistics: Fixtures.statistics(outcomes()), currency: "USDT") }
}

@Suite struct RunSummaryTests {
  let summary = HandRun.summary()

  @Test func metricsFollowTheCatalogue() {
    #expect(summary.metrics.map(\.name) == MetricDefinition.names)
    #expect(summary["shortfall_mean"]?.unit == "USDT")
    #expect(summary["depletion_probability"]?.unit == "probability")
    #expect(summary["time_to_depletion_p50"]?.unit == "hours")
    #expect(summary["nonexistent"] == nil)
  }

  @Test func probabilitiesUseWilson() {
    let wilson = WilsonInterval.interval(successes: 1, trials: 4)!
    #expect(
      summary["depletion_probability"]
        == SummaryMetric(
          name: "depletion_probability", value: 0.25, ciLow: wilson.lowerBound, ciHigh: wilson.upperBound,
          unit: "probability"))
    #expect(summary["adl_probability"]?.value == 0.25)
  }

  @Test func meansByHand() {
    // Final funds 1e6, 9e5, −1e4, 1.02e6 → 2.91e6/4 = 727,500.
    #expect(summary["final_fund_mean"]?.value == 727_500)
    // Losses 0, 1e5, 1.01e6, −2e4 → 272,500.
    #expect(summary["fund_loss_mean"]?.value == 272_500)
    #expect(summary["liquidations_mean"]?.value == 17.0 / 4)
    #expect(summary["shortfall_mean"]?.value == 100_000)
    #expect(summary["bad_debt_mean"]?.value == 10_000)
    #expect(summary["adl_events_mean"]?.value == 0.5)
    #expect(summary["adl_notional_mean"]?.value == 100_000)
    #expect(summary["adl_positions_mean"]?.value == 1.25)
    #expect(summary["fund_inflow_mean"]?.value == 5_000)
    #expect(summary["vault_inflow_mean"]?.value == 1_250)
    #expect(summary["round_cap_hits_mean"]?.value == 0.25)
    // One path of four carries ADL: 360 000 / 4 overshoot, 30 000 / 4 haircut.
    #expect(summary["adl_overshoot_mean"]?.value == 90_000)
    #expect(summary["adl_haircut_mean"]?.value == 7_500)
    #expect(summary["backstop_pnl_mean"]?.value == -625)
    #expect(summary["backstop_takeovers_mean"]?.value == 0.75)
    #expect(summary["paths"] == SummaryMetric(name: "paths", value: 4, unit: "paths"))
  }

  @Test func tailMetricsByHand() {
    // Sorted losses −2e4, 0, 1e5, 1.01e6. VaR₉₅: h = 2.85 → 1e5 + 0.85 × 9.1e5 = 873,500.
    #expect(summary["fund_loss_var_95"]!.value!.isApproximately(873_500, tolerance: 1e-9))
    // ES₉₅: k = ⌈0.2⌉ = 1 → the worst loss, no interval.
    #expect(summary["fund_loss_es_95"] == SummaryMetric(name: "fund_loss_es_95", value: 1_010_000, unit: "USDT"))
    // Drawdowns 0, 0, 1.5e5, 1.05e6: Q₇(0.99), h = 2.97 → 1.5e5 + 0.97 × 9e5 = 1,023,000.
    #expect(summary["fund_drawdown_var_99"]!.value!.isApproximately(1_023_000, tolerance: 1e-9))
    // Four paths cannot bound a 99% quantile from above.
    #expect(summary["fund_drawdown_var_99"]?.ciHigh == nil)
  }

  @Test func depletionTimesAndCascades() {
    // One depleted path at step 30 of 60 s: 0.5 h for every quantile.
    for suffix in ["05", "25", "50", "75", "95"] {
      #expect(summary["time_to_depletion_p\(suffix)"]?.value == 0.5)
    }
    // Rounds 0, 2, 4, 1: mean 1.75, max 4, Q₇(0.99): h = 2.97 → 2 + 0.97 × 2 = 3.94.
    #expect(summary["cascade_rounds_mean"]?.value == 1.75)
    #expect(summary["cascade_rounds_max"] == SummaryMetric(name: "cascade_rounds_max", value: 4, unit: "rounds"))
    #expect(summary["cascade_rounds_p99"]!.value!.isApproximately(3.94, tolerance: 1e-12))
  }

  @Test func noDepletionLeavesTimesEmpty() {
    let quiet = RunSummary(statistics: Fixtures.statistics([Fixtures.quiet(path: 0), Fixtures.quiet(path: 1)]))
    #expect(quiet["time_to_depletion_p50"] == SummaryMetric(name: "time_to_depletion_p50", value: nil, unit: "hours"))
    #expect(quiet["depletion_probability"]?.value == 0)
    #expect(quiet["fund_loss_var_99"]?.value == 0)
  }

  @Test func identicalPathsAreExact() {
    // Ten copies of the crash path (a replay): depleted on every path. As a sample the
    // Wilson interval of 10/10 is [0.722, 1] (centre (1 + z²/20)/(1 + z²/10)); as ten copies
    // of one path the probability is exactly 1.
    let crash = HandRun.outcomes()[2]
    let copies = (0..<10).map { path -> PathOutcome in
      var copy = crash
      copy.path = path
      return copy
    }
    let sampled = RunSummary(statistics: Fixtures.statistics(copies))
    let wilson = WilsonInterval.interval(successes: 10, trials: 10)!
    #expect(sampled["depletion_probability"]?.ciLow == wilson.lowerBound)
    #expect(wilson.lowerBound < 0.75)
    let replay = RunSummary(statistics: Fixtures.statistics(copies), identicalPaths: true)
    #expect(
      replay["depletion_probability"]
        == SummaryMetric(name: "depletion_probability", value: 1, ciLow: 1, ciHigh: 1, unit: "probability"))
    // Ten paths cannot bound a 99.9% quantile from above; ten copies of one loss can.
    #expect(sampled["fund_loss_var_99_9"]?.ciHigh == nil)
    #expect(replay["fund_loss_var_99_9"]?.ciHigh == 1_010_000)
    for metric in replay.metrics where metric.value != nil && !["paths", "cascade_rounds_max"].contains(metric.name) {
      #expect(metric.ciLow == metric.value && metric.ciHigh == metric.value, "\(metric.name) is not exact")
    }
    // The exact-by-definition metrics keep no interval; the values do not change.
    #expect(replay["paths"] == SummaryMetric(name: "paths", value: 10, unit: "paths"))
    #expect(replay["cascade_rounds_max"]?.ciHigh == nil)
    #expect(replay.metrics.map(\.value) == sampled.metrics.map(\.value))
  }

  @Test func fundQuantilesAndPnLBars() {
    // Step 0: every path at 1e6 (point mass). Step 60: −1e4, 9e5, 1e6, 1.02e6 (each alone in
    // its bin, so exact): median 9.5e5, mean 727,500.
    #expect(summary.fundQuantiles.map(\.step) == [0, 15, 30, 45, 60])
    #expect(summary.fundQuantiles[0].quantiles.allSatisfy { $0 == 1_000_000 })
    #expect(summary.fundQuantiles[4].quantile(0.5) == 950_000)
    #expect(summary.fundQuantiles[4].mean == 727_500)
    #expect(summary.fundQuantiles[4].hours == 1)
    // P&L −1.01e6 … 2e4 in 40 bars holding the 4 paths.
    #expect(summary.fundPnLBars.count == 40)
    #expect(summary.fundPnLBars.map(\.count).reduce(0, +) == 4)
    #expect(summary.fundPnLBars.first?.lower == -1_010_000)
    #expect(summary.fundPnLBars.last?.upper == 20_000)
  }
}
