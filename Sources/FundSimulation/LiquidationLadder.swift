import RealModule

/// One side of one market's book, sorted in the order the positions are liquidated as the
/// price moves against them: longs by liquidation price descending (the first a falling
/// price crosses), shorts ascending. Stored as parallel arrays for cache-friendly scans.
///
/// With the ladder, checking a step for liquidations costs one comparison per market and
/// side: the mark against the next position's liquidation price (issue 5: flat cost per
/// step in the number of positions).
final class LiquidationLadder: Sendable {
  let side: Side
  /// `log Pl`, in liquidation order; `−∞` for longs that can never be liquidated (Pb ≤ 0).
  let logLiquidationPrice: [Double]
  let size: [Double]
  let entryPrice: [Double]
  let margin: [Double]
  let bankruptcyPrice: [Double]
  /// Index of each rung in ``ExchangeModel/positions``.
  let positionIndex: [Int]
  /// Offset of this ladder's rungs in the workspace's per-position arrays.
  let stateOffset: Int
  /// The market's maintenance margin, flat or tiered (``MarginSchedule``).
  let margins: MarginSchedule
  /// The rungs in account order (the book's file order), for rankings that walk accounts
  /// (``RandomWalkSelection``); empty unless asked for.
  let accountOrder: [Int]

  /// - Parameter accountOrder: whether to keep the rungs in account order too.
  /// - Complexity: O(n log n).
  init(
    side: Side, positions: [(index: Int, position: Position)], rules: MarketRules, stateOffset: Int,
    accountOrder keepsAccountOrder: Bool = false
  ) {
    let m = rules.maintenanceMargin
    // Sort a permutation by (key, file index) over plain arrays: no tuple holding a
    // `Position` (and its account String) is copied while sorting.
    let keys = positions.map { item -> Double in
      let pl = rules.liquidationPrice(of: item.position)
      return pl > 0 ? Double.log(pl) : -.infinity
    }
    let fileIndex = positions.map(\.index)
    var order = Array(0..<positions.count)
    // Ties broken by file order, so the ladder is deterministic.
    keys.withUnsafeBufferPointer { key in
      fileIndex.withUnsafeBufferPointer { file in
        if side == .long {
          order.sort { a, b in key[a] != key[b] ? key[a] > key[b] : file[a] < file[b] }
        } else {
          order.sort { a, b in key[a] != key[b] ? key[a] < key[b] : file[a] < file[b] }
        }
      }
    }
    self.side = side
    logLiquidationPrice = order.map { keys[$0] }
    positionIndex = order.map { fileIndex[$0] }
    size = order.map { positions[$0].position.size }
    entryPrice = order.map { positions[$0].position.entryPrice }
    margin = order.map { positions[$0].position.margin }
    bankruptcyPrice = order.map { positions[$0].position.bankruptcyPrice }
    self.stateOffset = stateOffset
    margins = MarginSchedule(baseRate: m, tiers: rules.marginTiers)
    count = order.count
    // Flat: `Pl` is `Pb` over a constant. Tiers can put a large position's `Pl` ahead of a
    // small one's with a lower `Pb`.
    let pb = bankruptcyPrice
    bankruptcyPricesMonotone = zip(pb, pb.dropFirst()).allSatisfy { side == .long ? $0 >= $1 : $0 <= $1 }
    sums = LadderPrefixSums(size: size, entryPrice: entryPrice, margin: margin)
    // `positions` is in file order: rung of the i-th position is the inverse permutation.
    if keepsAccountOrder {
      var rungOf = [Int](repeating: 0, count: order.count)
      for (rung, i) in order.enumerated() { rungOf[i] = rung }
      accountOrder = rungOf
    } else {
      accountOrder = []
    }
  }

  let count: Int
  /// Whether bankruptcy prices are monotone along the ladder (falling for longs, rising for
  /// shorts), as ``firstSolvent(in:fill:)`` needs: always with a flat rate.
  let bankruptcyPricesMonotone: Bool
  /// Prefix sums of size, margin and entry notional, for whole rounds at once.
  let sums: LadderPrefixSums

  /// A second object over the same rungs (the arrays are shared, not copied).
  private init(copying other: LiquidationLadder) {
    side = other.side
    logLiquidationPrice = other.logLiquidationPrice
    size = other.size
    entryPrice = other.entryPrice
    margin = other.margin
    bankruptcyPrice = other.bankruptcyPrice
    positionIndex = other.positionIndex
    stateOffset = other.stateOffset
    margins = other.margins
    accountOrder = other.accountOrder
    count = other.count
    bankruptcyPricesMonotone = other.bankruptcyPricesMonotone
    sums = other.sums
  }

  /// The ladder for one worker thread: the same rungs in an object of its own, so that
  /// the reference counting of the hot loops never touches a cache line another worker
  /// writes too (an atomic increment on a shared object costs a cache-line transfer).
  func workerCopy() -> LiquidationLadder { LiquidationLadder(copying: self) }

  /// Whether the rung's liquidation price is crossed by the log mark price.
  @inline(__always)
  func isCrossed(_ rung: Int, logMark: Double) -> Bool {
    side == .long ? logMark <= logLiquidationPrice[rung] : logMark >= logLiquidationPrice[rung]
  }

  /// The end of the run of rungs from `start` that `logMark` crosses: crossed rungs form a
  /// prefix of the ladder (it is sorted by liquidation price), so a galloping search finds
  /// the end.
  ///
  /// - Complexity: O(min(r, 8) + log r) for a run of `r` rungs.
  func crossedEnd(from start: Int, logMark: Double) -> Int {
    // Most rounds take a few rungs: look at the first ones one by one, then gallop.
    var known = start  // rungs start ..< known are crossed
    let scanned = min(count, start + 8)
    while known < scanned {
      guard isCrossed(known, logMark: logMark) else { return known }
      known += 1
    }
    var bound = count  // the first rung known not to be crossed, or `count`
    var width = 1
    while known < count {
      let probe = min(known + width - 1, count - 1)
      if isCrossed(probe, logMark: logMark) {
        known = probe + 1
        width *= 2
      } else {
        bound = probe
        break
      }
    }
    var low = known
    var high = bound
    while low < high {
      let middle = low + (high - low) / 2
      if isCrossed(middle, logMark: logMark) { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The first rung of `range` whose residual at `fill` is not negative: the ladder is in
  /// liquidation order, so bankruptcy prices fall along a long ladder and rise along a
  /// short one (`Pl` is `Pb` over a constant), and the rungs closed at a loss (long
  /// `Pb > F`, short `Pb < F`) come first.
  ///
  /// - Complexity: O(log `range.count`).
  func firstSolvent(in range: Range<Int>, fill: Double) -> Int {
    var low = range.lowerBound
    var high = range.upperBound
    guard low < high else { return low }
    // Most rounds are all on one side of the fill: two comparisons settle them.
    let long = side == .long
    func lossAt(_ rung: Int) -> Bool { long ? bankruptcyPrice[rung] > fill : bankruptcyPrice[rung] < fill }
    if !lossAt(low) { return low }
    if lossAt(high - 1) { return high }
    low += 1
    high -= 1
    while low < high {
      let middle = low + (high - low) / 2
      if lossAt(middle) { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The threshold a mark must reach to liquidate `rung`, or the never-reached value when
  /// the ladder is exhausted.
  @inline(__always)
  func threshold(at rung: Int) -> Double {
    if rung < count { return logLiquidationPrice[rung] }
    return side == .long ? -.infinity : .infinity
  }
}

/// The ladders of every market, built once per run; the rungs are shared read-only by all
/// workers, each through its own ``workerCopy()``.
struct BookLadders: Sendable {
  /// `longs[k]`, `shorts[k]` for market `k`.
  let longs: [LiquidationLadder]
  let shorts: [LiquidationLadder]
  let positionCount: Int
  let largestLadder: Int

  init(exchange: ExchangeModel) {
    let marketCount = exchange.rules.count
    var byMarket = Array(repeating: [(index: Int, position: Position)](), count: marketCount * 2)
    for (i, p) in exchange.positions.enumerated() {
      byMarket[p.market * 2 + (p.side == .long ? 0 : 1)].append((i, p))
    }
    var longs: [LiquidationLadder] = []
    var shorts: [LiquidationLadder] = []
    var offset = 0
    let walksAccounts = exchange.adl.ranking == .randomWalk
    for k in 0..<marketCount {
      let rules = exchange.rules[k]
      longs.append(
        LiquidationLadder(
          side: .long, positions: byMarket[2 * k], rules: rules, stateOffset: offset,
          accountOrder: walksAccounts))
      offset += byMarket[2 * k].count
      shorts.append(
        LiquidationLadder(
          side: .short, positions: byMarket[2 * k + 1], rules: rules, stateOffset: offset,
          accountOrder: walksAccounts))
      offset += byMarket[2 * k + 1].count
    }
    self.longs = longs
    self.shorts = shorts
    positionCount = offset
    largestLadder = (longs + shorts).map(\.count).max() ?? 0
  }

  private init(longs: [LiquidationLadder], shorts: [LiquidationLadder], positionCount: Int, largestLadder: Int) {
    self.longs = longs
    self.shorts = shorts
    self.positionCount = positionCount
    self.largestLadder = largestLadder
  }

  /// The ladders for one worker thread (``LiquidationLadder/workerCopy()``).
  ///
  /// - Complexity: O(markets); the rungs are shared.
  func workerCopy() -> BookLadders {
    BookLadders(
      longs: longs.map { $0.workerCopy() }, shorts: shorts.map { $0.workerCopy() }, positionCount: positionCount,
      largestLadder: largestLadder)
  }

  func ladder(market: Int, side: Side) -> LiquidationLadder {
    side == .long ? longs[market] : shorts[market]
  }
}
