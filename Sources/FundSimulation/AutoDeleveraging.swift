/// Auto-deleveraging: closing opposite-side positions at the liquidated position's
/// bankruptcy price when the fund cannot pay or the book cannot fill (docs/MODEL.md, "ADL").
///
/// Ranking, set by ``ADLRanking``:
/// * `pnl-leverage` (BitMEX, Binance, Bybit, OKX): score = PnL% × effective leverage with
///   PnL% = `s·(P − E)/E` and effective leverage = `P / |P − Pb|` (position value over its
///   equity at the mark, isolated margin); highest first, ties by ladder order;
/// * `pro-rata` (Drift): every open opposite position gives up the same share of its size.
///
/// A counterparty closed at the liquidated position's `Pb` instead of the mark `P` gains
/// `s·x·(P − Pb)` against the mark (negative — a loss — when the position was past
/// bankruptcy: that is bad debt socialised to the counterparty). The liquidated trader
/// gives up exactly that amount of equity at the mark, so money is conserved. Reduced
/// positions keep their liquidation price (size and margin shrink together) and stay in
/// the book for the rest of the path. If the book's opposite side runs out, the fund
/// takes the remainder at the same transfer (and may go below its threshold or drawdown
/// floor); that share is no ADL event and counts in the shortfall when it is a loss.
///
/// `adlEvents` counts calls that matched a counterparty; `adlPositionsHit` counts
/// (event, counterparty) pairs: one event reduces a counterparty at most once, and a
/// counterparty reduced by two events counts twice.
extension FundSimulator {
  /// Deleverages `size` of a `side` position of market `k` at bankruptcy price `pb` with
  /// the mark at `mark`.
  ///
  /// - Complexity: O(n log n) in the opposite side's open positions (`pnl-leverage`), O(n)
  ///   for `pro-rata`.
  func deleverage(
    market k: Int, side: Side, size: Double, bankruptcyPrice pb: Double, mark: Double, step: Int,
    workspace ws: SimulationWorkspace, fund: inout InsuranceFund, outcome: inout PathOutcome
  ) {
    guard size > 0 else { return }
    let opposite = ws.ladders.ladder(market: k, side: side.opposite)
    let start = side == .long ? ws.shortCursor[k] : ws.longCursor[k]
    let base = opposite.stateOffset
    var matched = 0.0
    var hits = 0

    switch exchange.adl.ranking {
    case .pnlLeverage:
      // The ranking depends only on the mark, so one heap serves every ADL event of a batch
      // (same market, side, step and mark); a counterparty left with part of its size keeps
      // its score and stays on top.
      if !ws.ranking.matches(market: k, side: opposite.side, step: step, mark: mark) {
        var count = 0
        let s = opposite.side.sign
        for j in start..<opposite.count where ws.remaining[base + j] > 0 {
          let e = opposite.entryPrice[j]
          ws.heapScore[count] = s * (mark - e) / e * (mark / abs(mark - opposite.bankruptcyPrice[j]))
          ws.heapRung[count] = j
          count += 1
        }
        let heap = RankingHeap(score: ws.heapScore, rung: ws.heapRung, count: count)
        ws.ranking = RankingCache(market: k, side: opposite.side, step: step, mark: mark, count: heap.count)
      }
      var heap = RankingHeap(heapified: ws.heapScore, rung: ws.heapRung, count: ws.ranking.count)
      while matched < size, let j = heap.first {
        let open = opposite.size[j] * ws.remaining[base + j]
        guard j >= start, open > 0 else {
          heap.removeFirst()  // liquidated or emptied since the heap was built
          continue
        }
        let take = min(open, size - matched)
        hits += 1
        if take >= open {
          ws.setRemaining(base + j, 0)
          heap.removeFirst()
          matched += take
        } else {
          // A partial take covers the rest exactly (`matched + (size − matched)` could round
          // just below `size` and take a sliver from the same position again).
          ws.setRemaining(base + j, ws.remaining[base + j] * (1 - take / open))
          matched = size
        }
      }
      ws.ranking.count = heap.count
    case .proRata:
      var open = 0.0
      for j in start..<opposite.count { open += opposite.size[j] * ws.remaining[base + j] }
      guard open > 0 else { break }
      let share = min(1, size / open)
      for j in start..<opposite.count where ws.remaining[base + j] > 0 {
        ws.setRemaining(base + j, share >= 1 ? 0 : ws.remaining[base + j] * (1 - share))
        hits += 1
      }
      matched = open * share
    }

    if matched > 0 {
      // An ADL event is a liquidation that deleveraged at least one counterparty.
      outcome.adlEvents += 1
      outcome.markets[k].adlEvents += 1
    }
    let perUnit = side.sign * (mark - pb)
    outcome.traderLoss += size * perUnit
    outcome.adlCounterpartyGain += matched * perUnit
    outcome.badDebt += max(0, -matched * perUnit)
    outcome.markets[k].badDebt += max(0, -matched * perUnit)
    outcome.adlNotional += matched * pb
    outcome.markets[k].adlNotional += matched * pb
    outcome.adlPositionsHit += hits
    let unmatched = size - matched
    if unmatched > 0 {
      // No counterparty left in the book: the fund takes the position at the same transfer.
      let transfer = unmatched * perUnit
      fund.receive(transfer)
      if transfer < 0 {
        outcome.shortfall -= transfer
        outcome.markets[k].shortfall -= transfer
      } else {
        outcome.fundInflow += transfer
        outcome.markets[k].fundInflow += transfer
      }
    }
  }
}

/// Which ranking the workspace's heap holds: ADL events of one batch share it.
struct RankingCache {
  var market = -1
  var side = Side.long
  var step = -1
  var mark = Double.nan
  /// Entries still in the heap.
  var count = 0

  func matches(market: Int, side: Side, step: Int, mark: Double) -> Bool {
    self.market == market && self.side == side && self.step == step && self.mark == mark
  }
}

/// A binary max-heap over (score, rung) pairs in caller-owned buffers: highest score first,
/// ties to the lower rung (ladder order), so ADL picks are deterministic. Building it is
/// O(n) and each pick O(log n), so an event that hits k positions costs O(n + k log n)
/// instead of a full sort.
struct RankingHeap {
  let score: UnsafeMutablePointer<Double>
  let rung: UnsafeMutablePointer<Int>
  private(set) var count: Int

  init(score: UnsafeMutablePointer<Double>, rung: UnsafeMutablePointer<Int>, count: Int) {
    self.score = score
    self.rung = rung
    self.count = count
    var i = count / 2 - 1
    while i >= 0 {
      siftDown(i)
      i -= 1
    }
  }

  /// Wraps buffers that already hold a heap of `count` entries.
  init(heapified score: UnsafeMutablePointer<Double>, rung: UnsafeMutablePointer<Int>, count: Int) {
    self.score = score
    self.rung = rung
    self.count = count
  }

  /// The rung ranked first, left in the heap.
  var first: Int? { count > 0 ? rung[0] : nil }

  /// Removes the rung ranked first.
  mutating func removeFirst() {
    guard count > 0 else { return }
    count -= 1
    if count > 0 {
      score[0] = score[count]
      rung[0] = rung[count]
      siftDown(0)
    }
  }

  @inline(__always)
  private func precedes(_ a: Int, _ b: Int) -> Bool {
    score[a] != score[b] ? score[a] > score[b] : rung[a] < rung[b]
  }

  private mutating func siftDown(_ start: Int) {
    var i = start
    while true {
      let left = 2 * i + 1
      guard left < count else { return }
      var best = left
      if left + 1 < count && precedes(left + 1, left) { best = left + 1 }
      guard precedes(best, i) else { return }
      swapAt(i, best)
      i = best
    }
  }

  private func swapAt(_ a: Int, _ b: Int) {
    (score[a], score[b]) = (score[b], score[a])
    (rung[a], rung[b]) = (rung[b], rung[a])
  }

}
