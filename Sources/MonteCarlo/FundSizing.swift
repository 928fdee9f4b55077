import FundReports
import FundSimulation

/// How a fund needed was found.
public enum SizingMethod: String, Sendable, CaseIterable {
  /// From one run without a fund limit (``FundNeededSample``): exact, path by path.
  case oneRun = "one-run"
  /// Bisection over the balance, each evaluation a full run on the same paths.
  case bisection
}

/// The depletion and ADL counts of a run at one initial balance: a point of the sizing
/// curve.
public struct SizingPoint: Sendable, Hashable {
  public var balance: Double
  public var paths: Int
  public var depleted: Int
  public var adl: Int

  public init(balance: Double, paths: Int, depleted: Int, adl: Int) {
    self.balance = balance
    self.paths = paths
    self.depleted = depleted
    self.adl = adl
  }

  public func count(_ metric: SizingTarget.Metric) -> Int { metric == .depletion ? depleted : adl }
}

/// A target's answer: the fund needed with its 95% interval (`nil` where not reached).
public struct SizedTarget: Sendable, Hashable {
  public var target: SizingTarget
  public var fundNeeded: Double?
  public var low: Double?
  public var high: Double?
  public var method: SizingMethod
}

/// The fund needed for sizing targets (`fundstress size`).
public enum FundSizing {
  /// Runs `paths` once with a fund without limit and collects each path's fund needed,
  /// its ADL need and whether it had ADL, sorted into a sample.
  ///
  /// - Precondition: ``FundSimulation/FundSimulator/fundNeededFromOneRun``.
  /// - Parameter progress: called on the calling thread with the paths done so far.
  /// - Complexity: one simulation per path (no CSV rows, no statistics).
  public static func sample(
    _ run: MonteCarloRun, paths: Range<Int>, threads: Int, progress: (Int) -> Void = { _ in }
  ) throws -> FundNeededSample {
    try Self.paths(run, paths: paths, threads: threads, progress: progress)
      .sample(threshold: run.scenario.exchange.fund.depletionThreshold)
  }

  /// As ``sample(_:paths:threads:progress:)``, the values in path order (what a shard
  /// keeps).
  public static func paths(
    _ run: MonteCarloRun, paths: Range<Int>, threads: Int, progress: (Int) -> Void = { _ in }
  ) throws -> FundNeededPaths {
    precondition(run.simulator.fundNeededFromOneRun, "the fund needed follows from one run only for market close")
    let unlimited = run.simulator.withoutLimit()
    let simulator = run.simulator
    var all = FundNeededPaths()
    try ChunkedParallelRun.run(
      paths: paths, threads: threads, chunkSize: MonteCarloRun.chunkSize,
      makeWorkspace: { SendableBox(unlimited.makeWorkspace()) },
      process: { range, box in
        range.map { path in
          let outcome = unlimited.simulate(path: path, workspace: box.value)
          return (
            simulator.fundNeeded(unlimited: outcome), outcome.adlFundNeeded ?? .infinity, outcome.adlEvents > 0
          )
        }
      },
      consume: { chunk in
        for path in chunk { all.append(needed: path.0, adlNeeded: path.1, adl: path.2) }
        progress(all.count)
      })
    return all
  }

  /// The smallest balance meeting `target` by bisection, each evaluation a full run with
  /// the same paths (common random numbers), assuming the probability does not rise with
  /// the balance.
  ///
  /// The bracket starts at the threshold (where the fund is depleted from the start) and
  /// `start`, doubling its distance from the threshold until the target is met (at most
  /// 40 times, else the target is unreachable: `nil`); it then halves until it is narrower
  /// than `tolerance` × the balance (or 1 unit). The answer is the bracket's upper end,
  /// rounded to whole units. Its interval comes from every balance evaluated: the lower
  /// end is just above the largest balance whose Wilson lower bound still misses the
  /// target, the upper end the smallest balance whose Wilson upper bound meets it.
  ///
  /// - Parameters:
  ///   - evaluate: a full run at a balance; called with whole-unit balances; results are
  ///     cached in `evaluated` so several targets share runs.
  /// - Complexity: O(log(start / tolerance)) runs.
  public static func bisect(
    _ target: SizingTarget, threshold: Double, start: Double, tolerance: Double = 1e-3,
    evaluated: inout [Double: SizingPoint], evaluate: (Double) throws -> SizingPoint
  ) rethrows -> SizedTarget {
    func point(_ balance: Double) throws -> SizingPoint {
      if let known = evaluated[balance] { return known }
      let result = try evaluate(balance)
      evaluated[balance] = result
      return result
    }
    func meets(_ p: SizingPoint) -> Bool { target.isMet(count: p.count(target.metric), paths: p.paths) }

    var low = threshold
    var answer: Double?
    // At the threshold the fund is depleted from the start; ADL is counted.
    if target.metric == .adl || target.isMet(probability: 1) {
      if try meets(point(threshold)) { answer = threshold }
    }
    if answer == nil {
      var high = max(start, threshold + 1).rounded(.up)
      var doublings = 0
      while try !meets(point(high)) {
        low = high
        doublings += 1
        if doublings > 40 { break }
        high = (threshold + 2 * (high - threshold)).rounded(.up)
      }
      if doublings <= 40 {
        while high - low > max(1, tolerance * high) {
          let middle = ((low + high) / 2).rounded()
          if middle <= low || middle >= high { break }
          if try meets(point(middle)) { high = middle } else { low = middle }
        }
        answer = high
      }
    }
    // The interval from every balance evaluated so far.
    let points = evaluated.values.sorted { $0.balance < $1.balance }
    func interval(_ p: SizingPoint) -> ClosedRange<Double> {
      WilsonInterval.interval(successes: p.count(target.metric), trials: p.paths) ?? 0...1
    }
    let surelyShort = points.last { !target.isMet(probability: interval($0).lowerBound) }
    let lowEnd = surelyShort.map { $0.balance + 1 } ?? threshold
    let highEnd = points.first { target.isMet(probability: interval($0).upperBound) }?.balance
    return SizedTarget(
      target: target, fundNeeded: answer, low: answer == nil ? nil : min(lowEnd, answer!),
      high: answer == nil ? nil : highEnd.map { max($0, answer!) }, method: .bisection)
  }
}

extension FundSizing {
  /// `levels` whole-unit balances evenly spaced over `(threshold, upper]`: the curve of a
  /// bisection, each balance a full run.
  public static func grid(threshold: Double, upper: Double, levels: Int) -> [Double] {
    guard levels > 0, upper > threshold else { return [] }
    return (1...levels).map { (threshold + (upper - threshold) * Double($0) / Double(levels)).rounded() }
  }
}

extension SizingPoint {
  /// The point as a curve row, with Wilson intervals.
  public var row: SizingCurveRow {
    SizingCurveRow(
      balance: balance, depletion: WilsonInterval.estimate(successes: depleted, trials: paths),
      adl: WilsonInterval.estimate(successes: adl, trials: paths))
  }
}

extension SizedTarget {
  /// The answer as a `targets.csv` row.
  public var row: SizingTargetRow {
    SizingTargetRow(
      target: target.description, metric: target.metric.probabilityName, comparison: target.operatorSymbol,
      threshold: target.threshold, fundNeeded: fundNeeded, low: low, high: high, method: method.rawValue)
  }
}

extension FundNeededSample {
  /// The fund needed for `target` as a sized target (method `one-run`).
  public func sized(_ target: SizingTarget) -> SizedTarget {
    let (value, low, high) = size(target)
    return SizedTarget(target: target, fundNeeded: value, low: low, high: high, method: .oneRun)
  }

  /// The curve at `balance`, as a run at that balance would count it.
  public func point(at balance: Double) -> SizingPoint {
    SizingPoint(balance: balance, paths: paths, depleted: depletedCount(at: balance), adl: adlCount(at: balance))
  }
}

extension FundNeededSample {
  /// The answers to `targets` (method `one-run`) and the curve: `levels` balances (see
  /// ``curveBalances(levels:extra:)``) plus the scenario's balance and every answer and
  /// interval end.
  ///
  /// - Complexity: O((targets + levels) log paths).
  public func sizing(
    _ targets: [SizingTarget], levels: Int = 100, scenarioBalance: Double
  ) -> (targets: [SizedTarget], curve: [SizingPoint]) {
    let sized = targets.map { self.sized($0) }
    let marked = [scenarioBalance] + sized.flatMap { [$0.fundNeeded, $0.low, $0.high].compactMap { $0 } }
    return (sized, curveBalances(levels: levels, extra: marked).map { point(at: $0) })
  }
}
