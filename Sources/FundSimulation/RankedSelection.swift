/// ADL by a score, highest first (ties in ladder order), taken until the size is covered:
/// the selection of every queue-based venue (BitMEX, Binance, Bybit, OKX, Hyperliquid),
/// which differ only in the score (``ADLScore``, one type per venue's formula).
///
/// The ranking depends only on the mark, so one heap serves every ADL event of a batch
/// (same market, side, step and mark); a counterparty left with part of its size keeps its
/// score and stays on top.
///
/// - Complexity: O(n + k log n) for an event that hits `k` of the `n` open opposite
///   positions (heap selection, ``RankingHeap``); O(k log n) for later events of the batch.
enum RankedSelection<Score: ADLScore>: ADLSelection {
  static func select(
    _ request: ADLRequest, opposite: LiquidationLadder, from start: Int, workspace ws: SimulationWorkspace
  ) -> ADLMatch {
    let k = request.market
    let mark = request.mark
    let base = opposite.stateOffset
    if !ws.ranking.matches(market: k, side: opposite.side, step: request.step, mark: mark) {
      var count = 0
      for j in start..<opposite.count where ws.remaining[base + j] > 0 {
        let extra = ws.tracksReductions ? ws.extraMargin[base + j] : 0
        ws.heapScore[count] = Score.score(
          rung: j, of: opposite, remaining: ws.remaining[base + j], extraMargin: extra, mark: mark)
        ws.heapRung[count] = j
        count += 1
      }
      let heap = RankingHeap(score: ws.heapScore, rung: ws.heapRung, count: count)
      ws.ranking = RankingCache(market: k, side: opposite.side, step: request.step, mark: mark, count: heap.count)
    }
    var heap = RankingHeap(heapified: ws.heapScore, rung: ws.heapRung, count: ws.ranking.count)
    var match = ADLMatch()
    while match.matched < request.size, let j = heap.first {
      guard j >= start, opposite.size[j] * ws.remaining[base + j] > 0 else {
        heap.removeFirst()  // liquidated or emptied since the heap was built
        continue
      }
      if match.take(from: j, of: opposite, request: request, workspace: ws) { heap.removeFirst() }
    }
    ws.ranking.count = heap.count
    return match
  }
}

/// The score of a queue-based ADL ranking: counterparties are closed highest score first.
protocol ADLScore {
  /// The score of rung `j` of `ladder`, of which the share `remaining` is still open, at
  /// mark `mark`. `extra` is the margin a reduced position kept beyond its rung's
  /// (``MarginReduction``; 0 for every other position), for the whole rung like
  /// ``LiquidationLadder/margin``.
  static func score(
    rung j: Int, of ladder: LiquidationLadder, remaining: Double, extraMargin extra: Double, mark: Double
  ) -> Double
}
