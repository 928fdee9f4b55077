import PricePaths

/// Per-thread mutable state of the path simulation: the generated path, each market's
/// ladder cursors and impact, and each position's remaining size after ADL. Created once
/// per worker and reset between paths in time proportional to what the path touched, so
/// the step loop never allocates. Buffers are raw pointers: the hot loops run without
/// bounds or exclusivity checks. The three `var` properties are `@exclusivity(unchecked)`:
/// a class property's accesses are otherwise checked at run time (a call into the runtime
/// per read or write, 3% of a whole run), and only the owning worker ever touches them,
/// never through overlapping `inout` accesses.
///
/// Not thread-safe: one per worker thread.
public final class SimulationWorkspace {
  let path: PathWorkspace
  /// This worker's ladder objects (over rungs shared with the other workers).
  let ladders: BookLadders
  let marketCount: Int
  /// Next unliquidated rung of each market's long and short ladder.
  let longCursor: UnsafeMutablePointer<Int>
  let shortCursor: UnsafeMutablePointer<Int>
  /// Thresholds of those rungs (`log Pl`), cached for the step loop.
  let longThreshold: UnsafeMutablePointer<Double>
  let shortThreshold: UnsafeMutablePointer<Double>
  /// Permanent price impact per market, as an offset of the log mark price.
  let impact: UnsafeMutablePointer<Double>
  /// Cascade rounds of each market in the current step, and whether it hit the cap.
  let rounds: UnsafeMutablePointer<Int>
  let capped: UnsafeMutablePointer<Bool>
  /// Remaining fraction of each position's size (ADL reduces it), by ladder state offset.
  let remaining: UnsafeMutablePointer<Double>
  /// First step from which the rest of a partially liquidated position may be closed, by
  /// ladder state offset; 0: never partially liquidated (``PartialLiquidation``). One entry
  /// unless a market liquidates partially.
  let cooldownEnd: UnsafeMutablePointer<Int>
  let tracksCooldowns: Bool
  /// Margin per unit of remaining share a reduced position holds beyond the ladder's, by
  /// state offset (``MarginReduction``); 0 for a position never reduced. One entry unless a
  /// market reduces positions.
  let extraMargin: UnsafeMutablePointer<Double>
  /// Scratch of a round's reductions (rung, share sold) or of its partial liquidations
  /// (state offset, share left), and the state offsets of the rungs a partial round closes
  /// whole behind a rung left open; one entry unless a market liquidates partially or
  /// reduces positions.
  let reductionRung: UnsafeMutablePointer<Int>
  let reductionShare: UnsafeMutablePointer<Double>
  let closedBehind: UnsafeMutablePointer<Int>
  let tracksReductions: Bool
  /// State offsets whose remaining fraction changed on this path.
  @exclusivity(unchecked) var touched: [Int] = []
  /// The current batch of rungs.
  let batch: UnsafeMutablePointer<Int>
  @exclusivity(unchecked) var batchCount = 0
  /// ADL ranking scratch: a max-heap of (score, rung).
  let heapScore: UnsafeMutablePointer<Double>
  let heapRung: UnsafeMutablePointer<Int>
  /// What the heap currently ranks (invalid at the start of each path).
  @exclusivity(unchecked) var ranking = RankingCache()
  /// The path's ``RandomStreams/Purpose/deleveraging`` stream (`random-walk` ADL), set at
  /// the start of each path that uses it.
  @exclusivity(unchecked) var deleveragingStream = Xoshiro256PlusPlus(seed: 0)

  init(path: PathWorkspace, ladders: BookLadders, partialLiquidation: Bool = false, marginReduction: Bool = false) {
    self.path = path
    self.ladders = ladders
    let marketCount = ladders.longs.count
    let positionCount = ladders.positionCount
    let largestLadder = ladders.largestLadder
    self.marketCount = marketCount
    longCursor = .allocate(capacity: marketCount)
    shortCursor = .allocate(capacity: marketCount)
    longThreshold = .allocate(capacity: marketCount)
    shortThreshold = .allocate(capacity: marketCount)
    impact = .allocate(capacity: marketCount)
    rounds = .allocate(capacity: marketCount)
    capped = .allocate(capacity: marketCount)
    remaining = .allocate(capacity: max(1, positionCount))
    remaining.initialize(repeating: 1, count: max(1, positionCount))
    tracksCooldowns = partialLiquidation
    let cooldowns = partialLiquidation ? max(1, positionCount) : 1
    cooldownEnd = .allocate(capacity: cooldowns)
    cooldownEnd.initialize(repeating: 0, count: cooldowns)
    tracksReductions = marginReduction
    let reduced = marginReduction ? max(1, positionCount) : 1
    extraMargin = .allocate(capacity: reduced)
    extraMargin.initialize(repeating: 0, count: reduced)
    let scratch = partialLiquidation || marginReduction ? max(1, largestLadder) : 1
    reductionRung = .allocate(capacity: scratch)
    reductionShare = .allocate(capacity: scratch)
    closedBehind = .allocate(capacity: scratch)
    batch = .allocate(capacity: max(1, largestLadder))
    heapScore = .allocate(capacity: max(1, largestLadder))
    heapRung = .allocate(capacity: max(1, largestLadder))
    touched.reserveCapacity(1024)
  }

  deinit {
    for p in [longThreshold, shortThreshold, impact, remaining, heapScore] { p.deallocate() }
    for p in [longCursor, shortCursor, rounds, batch, heapRung] { p.deallocate() }
    capped.deallocate()
    cooldownEnd.deallocate()
    extraMargin.deallocate()
    reductionRung.deallocate()
    closedBehind.deallocate()
    reductionShare.deallocate()
  }

  /// Resets every market to the start of a path.
  ///
  /// - Complexity: O(markets + positions touched by the previous path).
  func reset() {
    for k in 0..<marketCount {
      longCursor[k] = 0
      shortCursor[k] = 0
      longThreshold[k] = ladders.longs[k].threshold(at: 0)
      shortThreshold[k] = ladders.shorts[k].threshold(at: 0)
      impact[k] = 0
    }
    for i in touched { remaining[i] = 1 }
    if tracksCooldowns { for i in touched { cooldownEnd[i] = 0 } }
    if tracksReductions { for i in touched { extraMargin[i] = 0 } }
    touched.removeAll(keepingCapacity: true)
    ranking = RankingCache()
  }

  /// Sets the remaining fraction of the rung at state offset `i`.
  @inline(__always)
  func setRemaining(_ i: Int, _ value: Double) {
    if remaining[i] == 1 { touched.append(i) }  // remaining only falls: record the first change
    remaining[i] = value
  }
}
