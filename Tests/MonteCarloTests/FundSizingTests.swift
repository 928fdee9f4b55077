import Foundation
import FundReports
import FundSimulation
import MonteCarlo
import ScenarioFiles
import Testing

/// `fundstress size`: the one-run curve equals real runs path by path, bisection agrees
/// with it, and a target's fund needed run back meets the target.
@Suite struct FundSizingTests {
  static let paths = 240

  /// The tiny scenario at initial balance `balance` (as `--set fund.balance=…`).
  static func scenario(balance: Double? = nil, _ more: [String] = []) throws -> Scenario {
    let sets = (balance.map { ["fund.balance=\($0)"] } ?? []) + more
    return try ScenarioLoader.load(
      yaml: TinyScenario.yaml, source: "tiny.yaml", baseDirectory: URL(fileURLWithPath: "/"),
      overrides: sets.map { try ScenarioOverride(parsing: $0) })
  }

  static func sample(_ more: [String] = []) throws -> FundNeededSample {
    try FundSizing.sample(MonteCarloRun(scenario: scenario(more)), paths: 0..<paths, threads: 2)
  }

  /// A full run's counts at `balance`.
  static func point(balance: Double, _ more: [String] = []) throws -> SizingPoint {
    let statistics = try MonteCarloRun(scenario: scenario(balance: balance, more)).run(
      paths: 0..<paths, threads: 2, rows: false)
    return SizingPoint(
      balance: balance, paths: statistics.pathCount, depleted: statistics.depletedPaths, adl: statistics.adlPaths)
  }

  /// The tiny scenario as it is (ADL only where the fund runs out), and with a SOL book so
  /// thin that a third of the paths need ADL whatever the fund (an unfillable round, walk
  /// > 1), so both terms of the ADL rule are exercised.
  @Test(arguments: [[], ["markets.SOL.depth=x0.08"]])
  func theCurveEqualsRealRunsPathByPath(_ more: [String]) throws {
    let sample = try Self.sample(more)
    #expect(sample.depletedCount(at: 300_000) > 0 && sample.depletedCount(at: 300_000) < Self.paths)
    if !more.isEmpty { #expect(sample.adlAtAnyBalance > Self.paths / 5) }
    // Balances around the fund needed of three paths (ties included: at the value the path
    // depletes, one unit above it does not), the scenario's own balance and the threshold.
    let picks = [sample.needed[Self.paths / 2], sample.needed[Self.paths * 9 / 10], sample.needed[Self.paths - 3]]
    var balances = [0.0, 300_000, 2.5e6]
    for x in picks where x > 0 { balances += [x.rounded(.down), x.rounded(.down) + 1] }
    for balance in balances {
      let simulator = MonteCarloRun(scenario: try Self.scenario(balance: balance, more)).simulator
      let workspace = simulator.makeWorkspace()
      var depleted = 0
      var adl = 0
      var needed: [Double] = []
      for path in 0..<Self.paths {
        let outcome = simulator.simulate(path: path, workspace: workspace)
        let unlimited = simulator.withoutLimit().simulate(path: path, workspace: workspace)
        let x = simulator.fundNeeded(unlimited: unlimited)
        needed.append(x)
        // Path by path: depleted iff F ≤ fund needed; ADL iff ADL without a limit or F below
        // the ADL need (a failing payment that finds counterparties).
        #expect(outcome.depleted == (balance <= x), "path \(path) at \(balance): needed \(x)")
        let adlNeed = try #require(unlimited.adlFundNeeded)
        #expect(
          (outcome.adlEvents > 0) == (unlimited.adlEvents > 0 || balance < adlNeed),
          "path \(path) at \(balance): needed \(x), unlimited ADL \(unlimited.adlEvents), real ADL \(outcome.adlEvents), depleted \(outcome.depleted) at \(String(describing: outcome.depletionStep)), shortfall \(outcome.shortfall) vs \(unlimited.shortfall), liq \(outcome.liquidations) vs \(unlimited.liquidations)"
        )
        depleted += outcome.depleted ? 1 : 0
        adl += outcome.adlEvents > 0 ? 1 : 0
      }
      #expect(depleted == sample.depletedCount(at: balance), "balance \(balance)")
      #expect(adl == sample.adlCount(at: balance), "balance \(balance)")
      // The fund needed does not depend on the balance the run started from (up to rounding).
      #expect(zip(needed.sorted(), sample.needed).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, $1) })
    }
  }

  @Test func aTargetsFundNeededRunBackMeetsItAndOneUnitLessDoesNot() throws {
    let sample = try Self.sample()
    for text in ["depletion<=0.1", "depletion<0.25", "adl<=0.2"] {
      let target = try SizingTarget(parsing: text)
      let sized = sample.sized(target)
      let needed = try #require(sized.fundNeeded)
      let at = try Self.point(balance: needed)
      #expect(target.isMet(count: at.count(target.metric), paths: at.paths), "\(text) at \(needed)")
      let below = try Self.point(balance: needed - 1)
      #expect(!target.isMet(count: below.count(target.metric), paths: below.paths), "\(text) at \(needed - 1)")
      // The interval brackets the answer.
      #expect(try #require(sized.low) <= needed && needed <= #require(sized.high))
    }
  }

  @Test func bisectionAgreesWithTheOneRunMethod() throws {
    let sample = try Self.sample()
    let target = try SizingTarget(parsing: "depletion<=0.1")
    let exact = try #require(sample.sized(target).fundNeeded)
    var evaluated: [Double: SizingPoint] = [:]
    let tolerance = 1e-3
    let bisected = try FundSizing.bisect(
      target, threshold: 0, start: 300_000, tolerance: tolerance, evaluated: &evaluated
    ) { try Self.point(balance: $0) }
    let answer = try #require(bisected.fundNeeded)
    // Same paths: every evaluation is a point of the exact curve, so the bracket holds the
    // exact answer and the bisection's is at most one bracket width above it.
    for point in evaluated.values {
      #expect(point.depleted == sample.depletedCount(at: point.balance))
    }
    #expect(answer >= exact && answer <= exact + max(1, tolerance * answer) + 1, "bisection \(answer), exact \(exact)")
    #expect(evaluated.count < 40)
  }

  @Test func bisectionSizesTheTakeoverWaterfall() throws {
    let takeover = ["fund.waterfall=takeover"]
    #expect(!MonteCarloRun(scenario: try Self.scenario(takeover)).simulator.fundNeededFromOneRun)
    let target = try SizingTarget(parsing: "depletion<=0.2")
    var evaluated: [Double: SizingPoint] = [:]
    let sized = try FundSizing.bisect(target, threshold: 0, start: 300_000, evaluated: &evaluated) {
      try Self.point(balance: $0, takeover)
    }
    let needed = try #require(sized.fundNeeded)
    let back = try Self.point(balance: needed, takeover)
    #expect(target.isMet(count: back.depleted, paths: back.paths))
    #expect(sized.method == .bisection)
  }

  @Test func theRunsFundNeededColumnAndQuantilesDoNotSaturate() throws {
    let sample = try Self.sample()
    var statistics = try MonteCarloRun(scenario: try Self.scenario()).run(paths: 0..<Self.paths, threads: 2)
    statistics.sortPerPathValues()
    #expect(statistics.fundNeededKnown)
    #expect(zip(statistics.fundNeeded, sample.needed).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, $1) })
    let summary = RunSummary(statistics: statistics)
    // Half the paths deplete the 300k fund; the fund needed is measured beyond it.
    let p99 = try #require(summary["fund_needed_p99"]?.value)
    #expect(p99 > 300_000)
    #expect(p99 == EmpiricalQuantileCheck.type7(sample.needed, 0.99))
    let takeover = try MonteCarloRun(scenario: try Self.scenario(["fund.waterfall=takeover"])).run(
      paths: 0..<64, threads: 1)
    #expect(!takeover.fundNeededKnown && RunSummary(statistics: takeover)["fund_needed_p99"]?.value == nil)
  }

  @Test func targetsParseAndCountAllowedPaths() throws {
    #expect(try SizingTarget(parsing: "depletion<=0.01").allowedCount(paths: 1000) == 10)
    #expect(try SizingTarget(parsing: "depletion<0.01").allowedCount(paths: 1000) == 9)
    #expect(try SizingTarget(parsing: "adl_probability <= 0.05").metric == .adl)
    #expect(try SizingTarget(parsing: "depletion<0").allowedCount(paths: 10) == -1)
    for bad in ["depletion>0.01", "loss<=0.1", "depletion<=2", "depletion<=x"] {
      #expect(throws: SizingError.self) { try SizingTarget(parsing: bad) }
    }
  }
}

/// The type-7 sample quantile written out (Hyndman & Fan 1996, definition 7): with
/// `h = (n − 1)p`, `x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋)` over the ascending sample.
enum EmpiricalQuantileCheck {
  static func type7(_ sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let lower = Int(h.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
  }
}
