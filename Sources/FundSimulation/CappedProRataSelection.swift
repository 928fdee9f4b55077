/// `pro-rata-capped`: pro-rata by size, as `pro-rata` (Drift), except that no counterparty
/// gives up more equity than its unrealised profit at the mark. Closing `x_j` units of
/// counterparty `j` takes `c` per unit against the mark (the loss each unit carries), so `j`
/// is closed for at most `cap_j = min(q_j, profit_j / c)` units; the size is shared by
/// water-filling — every uncapped counterparty gives up the same share `σ` of its size,
/// `Σ min(σ·q_j, cap_j) = x` — and what even the capped maximum cannot cover falls on the
/// fund, as when no counterparty is left (docs/MODEL.md, "ADL"). When the liquidated position
/// is above bankruptcy (`c = 0`) nobody loses equity and it is plain `pro-rata`.
///
/// No venue publishes this rule; it is the "haircut capped at each winner's PnL" domain ADL
/// studies optimise over (Chitra, Thogiti, Trujillo Ramirez & Xu, "Autodeleveraging as Online
/// Learning", arXiv 2602.15182, 2026), offered as an option beside Drift's uncapped rule.
///
/// - Complexity: O(n log n) in the opposite side's open positions (a sort by `cap_j / q_j`).
enum CappedProRataSelection: ADLSelection {
  static func select(
    _ request: ADLRequest, opposite: LiquidationLadder, from start: Int, workspace ws: SimulationWorkspace
  ) -> ADLMatch {
    let c = request.takenPerUnit
    guard c > 0 else { return ProRataSelection.select(request, opposite: opposite, from: start, workspace: ws) }
    let base = opposite.stateOffset
    // Open counterparties and the share of their size each may give up, `cap_j / q_j`.
    var open: [(rung: Int, size: Double, limit: Double)] = []
    for j in start..<opposite.count where ws.remaining[base + j] > 0 {
      let q = opposite.size[j] * ws.remaining[base + j]
      let profit = opposite.side.sign * (request.mark - opposite.entryPrice[j])
      open.append((j, q, min(1, max(0, profit) / c)))
    }
    open.sort { $0.limit != $1.limit ? $0.limit < $1.limit : $0.rung < $1.rung }
    // Water-filling: with the first i capped, σ = (x − Σ capped) / Σ uncapped sizes.
    var cappedUnits = 0.0
    var uncappedSize = open.reduce(0) { $0 + $1.size }
    var share = 1.0
    var i = 0
    while i < open.count {
      let candidate = (request.size - cappedUnits) / uncappedSize
      if candidate <= open[i].limit {
        share = candidate
        break
      }
      cappedUnits += open[i].limit * open[i].size
      uncappedSize -= open[i].size
      i += 1
    }
    var match = ADLMatch()
    for (k, entry) in open.enumerated() {
      let fraction = k < i ? entry.limit : share
      guard fraction > 0 else { continue }
      let take = fraction * entry.size
      match.close(fraction, units: take, rung: entry.rung, of: opposite, request: request, workspace: ws)
      match.matched += take
    }
    // Not every counterparty capped: the shares cover the size, exactly up to rounding.
    if i < open.count { match.matched = request.size }
    return match
  }
}
