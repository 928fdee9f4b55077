import FundReports

/// The fund each path needed, from one run without a fund limit: the depletion and ADL
/// probabilities at **any** initial balance at or above the threshold, exactly as a run at
/// that balance gives them (``FundSimulation/FundSimulator/fundNeededFromOneRun``; the
/// rules are in docs/MODEL.md, "The fund needed"):
///
///     depleted at F ⇔ F ≤ neededᵢ,     ADL at F ⇔ ADL without a limitᵢ or F < adlNeededᵢ.
public struct FundNeededSample: Sendable {
  /// The depletion threshold `θ`.
  public let threshold: Double
  /// Fund needed per path, ascending.
  public let needed: [Double]
  /// ``FundSimulation/PathOutcome/adlFundNeeded`` of the paths without ADL when the fund
  /// has no limit, ascending: below it a payment that could go to ADL fails.
  public let neededWithoutADL: [Double]
  /// Paths with ADL even when the fund has no limit (an unfillable book): no balance
  /// removes them.
  public let adlAtAnyBalance: Int

  public var paths: Int { needed.count }

  /// - Parameter paths: per path, the fund needed, the balance below which it has ADL, and
  ///   whether it had ADL without a limit.
  public init(threshold: Double, paths: [(needed: Double, adlNeeded: Double, adl: Bool)]) {
    self.threshold = threshold
    needed = paths.map(\.needed).sorted()
    neededWithoutADL = paths.filter { !$0.adl }.map(\.adlNeeded).sorted()
    adlAtAnyBalance = paths.count - neededWithoutADL.count
  }

  /// Paths that deplete the fund at initial balance `balance ≥ θ`: `#{neededᵢ ≥ F}`.
  ///
  /// - Complexity: O(log paths).
  public func depletedCount(at balance: Double) -> Int { paths - Self.countBelow(balance, in: needed) }

  /// Paths with ADL at initial balance `balance ≥ θ`: those with ADL at any balance plus
  /// `#{adlNeededᵢ > F}` of the others.
  ///
  /// - Complexity: O(log paths).
  public func adlCount(at balance: Double) -> Int {
    adlAtAnyBalance + neededWithoutADL.count - Self.countAtOrBelow(balance, in: neededWithoutADL)
  }

  /// The count of `metric` at `balance`.
  public func count(_ metric: SizingTarget.Metric, at balance: Double) -> Int {
    metric == .depletion ? depletedCount(at: balance) : adlCount(at: balance)
  }

  /// The smallest whole-unit balance `≥ θ` at which at most `allowed` paths show `metric`,
  /// or `nil` when no balance gets there (ADL of unfillable books alone exceeds it) or
  /// `allowed < 0`.
  ///
  /// Depletion needs `F > x`, `x` the `(allowed + 1)`-th largest fund needed, so the answer
  /// is `⌊x⌋ + 1`; ADL needs `F ≥ y`, `y` the `(allowed − adlAtAnyBalance + 1)`-th largest
  /// ADL need among the paths without ADL at any balance, so `⌈y⌉`.
  ///
  /// - Complexity: O(1).
  public func balance(_ metric: SizingTarget.Metric, allowing allowed: Int) -> Double? {
    guard allowed >= 0 else { return nil }
    switch metric {
    case .depletion:
      guard allowed < paths else { return threshold }
      return max(threshold, needed[paths - allowed - 1].rounded(.down) + 1)
    case .adl:
      let left = allowed - adlAtAnyBalance
      guard left >= 0 else { return nil }
      guard left < neededWithoutADL.count else { return threshold }
      return max(threshold, neededWithoutADL[neededWithoutADL.count - left - 1].rounded(.up))
    }
  }

  /// The fund needed for `target` with its 95% interval.
  ///
  /// The value is the smallest whole-unit balance at which the run's own proportion meets
  /// the target. The interval inverts the Wilson interval of the proportion over the
  /// order statistics: its upper end is the smallest balance whose Wilson upper bound
  /// meets the target (enough with 95% confidence), its lower end the smallest balance
  /// whose Wilson lower bound does (below it, not enough with 95% confidence). An end that
  /// no balance reaches (too few paths for a small target) is `nil`.
  ///
  /// - Complexity: O(log paths).
  public func size(_ target: SizingTarget) -> (value: Double?, low: Double?, high: Double?) {
    let n = paths
    let value = balance(target.metric, allowing: target.allowedCount(paths: n))
    func largestCount(bound: (ClosedRange<Double>) -> Double) -> Int {
      // Wilson bounds grow with the count: the largest count whose bound meets the target.
      var low = -1
      var high = n
      while high - low > 1 {
        let mid = (low + high) / 2
        let interval = WilsonInterval.interval(successes: mid, trials: n) ?? 0...1
        if target.isMet(probability: bound(interval)) { low = mid } else { high = mid }
      }
      return low
    }
    let low = balance(target.metric, allowing: largestCount { $0.lowerBound })
    let high = balance(target.metric, allowing: largestCount { $0.upperBound })
    return (value, low, high)
  }

  /// Balances for the curve: `levels` evenly spaced from the median fund needed (or the
  /// threshold) to just above the largest, with `extra` balances added; ascending, unique,
  /// none below the threshold.
  public func curveBalances(levels: Int = 100, extra: [Double] = []) -> [Double] {
    let lowest = max(threshold, needed.isEmpty ? threshold : needed[(paths - 1) / 2])
    var highest = (needed.last ?? threshold) * 1.02 + 1
    if highest <= lowest { highest = lowest + max(1, abs(lowest)) }
    var balances = (0..<levels).map { (lowest + (highest - lowest) * Double($0) / Double(levels - 1)).rounded() }
    balances += extra.filter { $0.isFinite && $0 >= threshold }
    return Array(Set(balances)).sorted()
  }

  /// Elements of ascending `values` below `x`.
  static func countBelow(_ x: Double, in values: [Double]) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < x { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Elements of ascending `values` at or below `x`.
  static func countAtOrBelow(_ x: Double, in values: [Double]) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] <= x { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
