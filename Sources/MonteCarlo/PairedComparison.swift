import FundReports
import FundSimulation

/// What a paired comparison keeps of each path (in path order): enough to difference two
/// runs over the same paths path by path.
public struct PathMark: Sendable, Hashable {
  public var depleted: Bool
  public var adl: Bool
  public var fundLoss: Double
  public var shortfall: Double
  /// Bad debt, ADL overshoot and haircut (``PathOutcome``), which tell venues' ADL rules
  /// apart where the probabilities do not.
  public var badDebt: Double
  public var adlOvershoot: Double
  public var adlHaircut: Double

  public init(_ outcome: PathOutcome, initialFund: Double) {
    depleted = outcome.depleted
    adl = outcome.adlEvents > 0
    fundLoss = outcome.fundLoss(initialFund: initialFund) + 0
    shortfall = outcome.shortfall
    badDebt = outcome.badDebt
    adlOvershoot = outcome.adlOvershoot
    adlHaircut = outcome.adlHaircut
  }
}

/// One run kept for paired comparison: its statistics and every path's ``PathMark``.
public struct PairedSample: Sendable {
  public var statistics: RunStatistics
  public var marks: [PathMark]

  public init(statistics: RunStatistics, marks: [PathMark]) {
    self.statistics = statistics
    self.marks = marks
  }

  /// Runs `run` over `paths`, keeping the marks.
  ///
  /// - Parameter sorted: sort the per-path values for summaries (as a whole run needs);
  ///   `false` keeps them in path order, for a shard to be merged with others.
  /// - Parameter progress: called with the paths done in this run, on the calling thread.
  public static func run(
    _ run: MonteCarloRun, paths: Range<Int>, threads: Int, sorted: Bool = true, progress: (Int) -> Void = { _ in }
  ) throws -> PairedSample {
    let initial = run.scenario.exchange.fund.balance
    var marks: [PathMark] = []
    marks.reserveCapacity(paths.count)
    var statistics = try run.run(
      paths: paths, threads: threads, rows: false, marks: { PathMark($0, initialFund: initial) }
    ) { _, chunk in
      marks += chunk
      progress(marks.count)
    }
    if sorted { statistics.sortPerPathValues() }
    return PairedSample(statistics: statistics, marks: marks)
  }
}

/// A metric of a sweep cell: its value with its interval, and its difference from the
/// base run with the **paired** interval.
public struct PairedMetric: Sendable, Hashable {
  public var name: String
  public var unit: MetricUnit
  public var value: Estimate
  public var difference: Estimate
}

/// Differences between two runs over the same paths (common random numbers), paired path
/// by path.
///
/// For a mean over paths `m = (1/n) Σ xᵢ` the difference of two runs is the mean of the
/// per-path differences `dᵢ = xᵢ − x′ᵢ`, with the normal interval `d̄ ± z·s_d/√n`. Because both
/// runs see the same prices, `s_d` is far smaller than the spread of either run, so the
/// interval is far narrower than that of two independent runs,
/// `±z·√(s²/n + s′²/n)` (Glasserman, *Monte Carlo Methods in Financial Engineering*, 2003,
/// §4.2). Probabilities are means of 0/1 flags. ES is not a mean; its difference is the
/// difference of the two estimates, with the paired interval of its influence function
/// `ψᵢ = v + (Lᵢ − v)⁺·n/k` (`v` the VaR, `k` the tail count; Manistre & Hancock 2005),
/// the same linearisation as ``ExpectedShortfall``'s interval.
public enum PairedComparison {
  /// The names compared, in order, and their units.
  public static let metrics: [(name: String, unit: MetricUnit)] = [
    ("depletion_probability", .probability), ("adl_probability", .probability), ("fund_loss_es_99", .currency),
    ("shortfall_mean", .currency), ("bad_debt_mean", .currency), ("adl_overshoot_mean", .currency),
    ("adl_haircut_mean", .currency),
  ]

  /// Every compared metric of `cell`, with its difference from `base`.
  ///
  /// - Precondition: both runs cover the same paths.
  /// - Complexity: O(paths).
  public static func compare(
    _ cell: PairedSample, with base: PairedSample, z: Double = normalQuantile975
  )
    -> [PairedMetric]
  {
    precondition(cell.marks.count == base.marks.count, "paired runs must cover the same paths")
    let summary = RunSummary(statistics: cell.statistics)
    let baseSummary = RunSummary(statistics: base.statistics)
    func estimate(_ name: String) -> Estimate {
      let metric = summary[name]
      return Estimate(value: metric?.value, low: metric?.ciLow, high: metric?.ciHigh)
    }
    func paired(_ name: String, _ value: (PathMark) -> Double) -> Estimate {
      let pointDifference = (summary[name]?.value ?? 0) - (baseSummary[name]?.value ?? 0)
      return pairedInterval(pointDifference, zip(cell.marks, base.marks).map { value($0) - value($1) }, z: z)
    }
    let esCell = influence(cell)
    let esBase = influence(base)
    let esDifference = (summary["fund_loss_es_99"]?.value ?? 0) - (baseSummary["fund_loss_es_99"]?.value ?? 0)
    let differences: [String: Estimate] = [
      "depletion_probability": paired("depletion_probability") { $0.depleted ? 1 : 0 },
      "adl_probability": paired("adl_probability") { $0.adl ? 1 : 0 },
      "shortfall_mean": paired("shortfall_mean") { $0.shortfall },
      "bad_debt_mean": paired("bad_debt_mean") { $0.badDebt },
      "adl_overshoot_mean": paired("adl_overshoot_mean") { $0.adlOvershoot },
      "adl_haircut_mean": paired("adl_haircut_mean") { $0.adlHaircut },
      "fund_loss_es_99": pairedInterval(esDifference, zip(esCell, esBase).map { $0 - $1 }, z: z),
    ]
    return metrics.map { metric in
      PairedMetric(
        name: metric.name, unit: metric.unit, value: estimate(metric.name),
        difference: differences[metric.name] ?? .notApplicable)
    }
  }

  /// `difference ± z·s/√n` for the per-path differences `d`.
  static func pairedInterval(_ difference: Double, _ d: [Double], z: Double) -> Estimate {
    let n = d.count
    guard n >= 2 else { return Estimate(value: difference) }
    var sum = ExactSum()
    for x in d { sum.add(x) }
    let mean = sum.value / Double(n)
    var squares = ExactSum()
    for x in d { squares.add((x - mean) * (x - mean)) }
    let half = z * (squares.value / Double(n - 1) / Double(n)).squareRoot()
    return Estimate(value: difference, low: difference - half, high: difference + half)
  }

  /// The per-path influence values `ψᵢ = v + (Lᵢ − v)⁺·n/k` of ES 99%, in path order.
  static func influence(_ sample: PairedSample) -> [Double] {
    let losses = sample.statistics.fundLosses  // sorted
    let n = losses.count
    guard n > 0 else { return [] }
    let k = ExpectedShortfall.tailCount(count: n, level: 0.99)
    let v = losses[n - k]
    return sample.marks.map { v + max(0, $0.fundLoss - v) * Double(n) / Double(k) }
  }
}
