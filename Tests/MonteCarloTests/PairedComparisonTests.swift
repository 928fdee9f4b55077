import Foundation
import FundReports
import MonteCarlo
import ScenarioFiles
import Testing

/// Sweep cells compared with common random numbers: the paired interval of a difference is
/// much narrower than that of two independent runs.
@Suite struct PairedComparisonTests {
  static let paths = 400

  static func sample(_ sets: [String], seed: UInt64? = nil) throws -> PairedSample {
    var scenario = try ScenarioLoader.load(
      yaml: TinyScenario.yaml, source: "tiny.yaml", baseDirectory: URL(fileURLWithPath: "/"),
      overrides: sets.map { try ScenarioOverride(parsing: $0) })
    if let seed { scenario = scenario.withSeed(seed) }
    return try PairedSample.run(MonteCarloRun(scenario: scenario), paths: 0..<paths, threads: 2)
  }

  /// Base: the tiny scenario; cell: every book 10% deeper. Measured (400 paths, seed 3):
  /// depletion 0.5 → 0.45, the paired 95% interval of the difference 0.0428 wide against
  /// 0.1382 for two independent runs — 3.2 times narrower (the assertion asks for 2). The
  /// cell's own Wilson interval (0.097 wide) is as wide as an independent run's.
  @Test func thePairedIntervalIsMuchNarrowerThanTheUnpairedOne() throws {
    let base = try Self.sample([])
    let cell = try Self.sample(["markets.*.depth=x1.1"])
    let metrics = PairedComparison.compare(cell, with: base)
    let depletion = try #require(metrics.first { $0.name == "depletion_probability" })
    let n = Double(Self.paths)
    let p1 = Double(cell.statistics.depletedPaths) / n
    let p0 = Double(base.statistics.depletedPaths) / n
    #expect(depletion.difference.value == p1 - p0)
    let paired = try #require(depletion.difference.high) - #require(depletion.difference.low)
    // Two independent runs: the normal interval of p₁ − p₀ with variance p(1−p)/n each.
    let unpaired = 2 * normalQuantile975 * ((p1 * (1 - p1) + p0 * (1 - p0)) / n).squareRoot()
    print("depletion \(p0) → \(p1): paired width \(paired), unpaired width \(unpaired), ratio \(unpaired / paired)")
    #expect(paired > 0 && paired < unpaired / 2, "paired \(paired), unpaired \(unpaired)")
    // The cell's own interval is as wide as an unpaired run's: the gain is in the difference.
    let own = try #require(depletion.value.high) - #require(depletion.value.low)
    #expect(own > 1.5 * paired)
  }

  /// Bad debt, overshoot and haircut: the difference is the cell's mean minus the base's,
  /// and its interval `d̄ ± z·s_d/√n` is computed here from the marks by hand (pro-rata ADL
  /// against the base's PnL × leverage queue, same paths).
  @Test func adlMeansArePairedPathByPath() throws {
    let base = try Self.sample([])
    let cell = try Self.sample(["adl.ranking=pro-rata"])
    let metrics = PairedComparison.compare(cell, with: base)
    let n = Double(Self.paths)
    let columns: [(String, (PathMark) -> Double)] = [
      ("bad_debt_mean", { $0.badDebt }), ("adl_overshoot_mean", { $0.adlOvershoot }),
      ("adl_haircut_mean", { $0.adlHaircut }),
    ]
    for (name, value) in columns {
      let metric = try #require(metrics.first { $0.name == name }, "\(name)")
      let d = zip(cell.marks, base.marks).map { value($0) - value($1) }
      let mean = d.reduce(0, +) / n
      let sd = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
      let half = normalQuantile975 * sd / n.squareRoot()
      let difference = try #require(metric.difference.value)
      #expect(abs(difference - mean) <= 1e-9 * max(1, abs(mean)), "\(name)")
      let low = try #require(metric.difference.low)
      #expect(abs((difference - low) - half) <= 1e-9 * max(1, half), "\(name)")
    }
  }

  @Test func independentRunsDifferByAboutTheUnpairedSpread() throws {
    // The same scenario with another seed: the difference is pure noise, inside the unpaired
    // interval (4 standard errors), while the same seed gives exactly 0.
    let a = try Self.sample([])
    let b = try Self.sample([], seed: 99)
    let n = Double(Self.paths)
    let pa = Double(a.statistics.depletedPaths) / n
    let pb = Double(b.statistics.depletedPaths) / n
    let se = ((pa * (1 - pa) + pb * (1 - pb)) / n).squareRoot()
    #expect(abs(pa - pb) <= 4 * se)
    let same = PairedComparison.compare(a, with: a)
    #expect(same.allSatisfy { $0.difference.value == 0 && $0.difference.low == 0 && $0.difference.high == 0 })
  }

  @Test func theESInfluenceAveragesToTheESEstimate() throws {
    let sample = try Self.sample([])
    let metrics = PairedComparison.compare(sample, with: sample)
    let es = try #require(metrics.first { $0.name == "fund_loss_es_99" }?.value.value)
    // Mean of ψᵢ = v + (Lᵢ − v)⁺·n/k is v + (Σ_tail L − k·v)/k, the mean of the k worst losses.
    let tail = sample.statistics.fundLosses.suffix(ExpectedShortfall.tailCount(count: Self.paths, level: 0.99))
    #expect(abs(es - tail.reduce(0, +) / Double(tail.count)) <= 1e-9 * es)
  }

  @Test func sweepAxesParse() throws {
    let axis = try SweepAxis(parsing: "book.synthetic.leverage={min: 5, max: 20},{min: 5, max: 50}")
    #expect(axis.values == ["{min: 5, max: 20}", "{min: 5, max: 50}"])
    #expect(try SweepAxis(parsing: "markets.*.depth=x0.5, x1,x2").values == ["x0.5", "x1", "x2"])
    for bad in ["x0.5,x1", "fund.balance=1,,2", "fund.balance=1,1"] {
      #expect(throws: SizingError.self) { try SweepAxis(parsing: bad) }
    }
  }
}
