import PricePaths

/// Per-thread mutable state of the path simulation: the generated path, each market's
/// ladder cursors and impact, and each position's remaining size after ADL. Created once
/// per worker and reset between paths in time proportional to what the path touched, so
/// the step loop never allocates.
///
/// Not thread-safe: one per worker thread.
public final class SimulationWorkspace {
  let path: PathWorkspace
  let marketCount: Int
  /// Next unliquidated rung of each market's long and short ladder.
  var longCursor: [Int]
  var shortCursor: [Int]
  /// Thresholds of those rungs (`log Pl`), cached for the step loop.
  let longThreshold: UnsafeMutablePointer<Double>
  let shortThreshold: UnsafeMutablePointer<Double>
  /// Permanent price impact per market, as an offset of the log mark price.
  let impact: UnsafeMutablePointer<Double>
  /// Cascade rounds of each market in the current step.
  var rounds: [Int]
  /// Remaining fraction of each position's size (ADL reduces it), by ladder state offset.
  var remaining: [Double]
  /// State offsets whose remaining fraction changed on this path.
  var touched: [Int] = []
  /// Scratch for the current batch of rungs and for ADL ranking.
  var batch: [Int] = []
  var ranking: [(score: Double, rung: Int)] = []

  init(path: PathWorkspace, marketCount: Int, positionCount: Int) {
    self.path = path
    self.marketCount = marketCount
    longCursor = Array(repeating: 0, count: marketCount)
    shortCursor = Array(repeating: 0, count: marketCount)
    longThreshold = .allocate(capacity: marketCount)
    shortThreshold = .allocate(capacity: marketCount)
    impact = .allocate(capacity: marketCount)
    rounds = Array(repeating: 0, count: marketCount)
    remaining = Array(repeating: 1, count: positionCount)
    touched.reserveCapacity(1024)
  }

  deinit {
    longThreshold.deallocate()
    shortThreshold.deallocate()
    impact.deallocate()
  }

  /// Resets every market to the start of a path.
  ///
  /// - Complexity: O(markets + positions touched by the previous path).
  func reset(ladders: BookLadders) {
    for k in 0..<marketCount {
      longCursor[k] = 0
      shortCursor[k] = 0
      longThreshold[k] = ladders.longs[k].threshold(at: 0)
      shortThreshold[k] = ladders.shorts[k].threshold(at: 0)
      impact[k] = 0
    }
    for i in touched { remaining[i] = 1 }
    touched.removeAll(keepingCapacity: true)
  }

  /// Sets the remaining fraction of the rung at state offset `i`.
  @inline(__always)
  func setRemaining(_ i: Int, _ value: Double) {
    remaining[i] = value
    touched.append(i)
  }
}
