import PricePaths
import RealModule

extension FundSimulator {
  /// ``liquidateCrossed(market:side:step:workspace:ledger:)`` for a market with margin
  /// reduction (``MarginReduction``; docs/MODEL.md, "Partial liquidation").
  ///
  /// 1. **Scan.** The rungs the mark `P` crosses on the ladder, from the cursor: a rung with
  ///    nothing left is skipped; a reduced rest still compliant at `P` (above its own
  ///    liquidation price) is kept open; a deficient rung whose notional `q·P` exceeds
  ///    `above`, not yet reduced in this step, and for which a share `f < 1` restores
  ///    compliance (``MarginSchedule/reductionShare(equity:notional:fee:)``) is reduced;
  ///    every other crossed rung is liquidated whole.
  /// 2. **Reductions.** The round's slices are one immediate-or-cancel order into the book,
  ///    as a market-close round: walk `w = 0.01·Q·P/depth` for their total size `Q`, capped
  ///    at 1 (the unfillable share is not sold), fill `F = P·(1 − s·w/2)`. Each trader
  ///    realises `s·q_f·(F − E)` on the filled `q_f`, pays the fee `fee·q_f·F` (to the fund
  ///    and the vault as a market-close penalty) and keeps the rest of the position with
  ///    all the margin left. The walk's permanent share moves the mark to `P′`.
  /// 3. **Whole liquidations.** The crossed rungs to be liquidated whole, and every rest
  ///    still deficient at `P′`, are one round of the scenario's mechanic at `P′`.
  ///
  /// The cursor stops at the first rung left open, so the ladder's order never changes: a
  /// rest's own liquidation price is below its rung's (it is compliant at a mark the rung's
  /// price crosses), so scanning from the cursor while the ladder is crossed finds it.
  ///
  /// - Complexity: O(r) for `r` crossed rungs from the cursor, plus the settlement.
  func liquidateCrossedReducing(
    market k: Int, side: Side, step: Int, rule: MarginReduction, workspace ws: SimulationWorkspace,
    ledger: inout PathLedger
  ) -> Bool {
    let ladder = ws.ladders.ladder(market: k, side: side)
    let logMark = ws.path.logPrices[step * marketCount + k] + ws.impact[k]
    let mark = Double.exp(logMark)
    var cursor = side == .long ? ws.longCursor[k] : ws.shortCursor[k]
    var firstKept = -1
    var reductions = 0
    ws.batchCount = 0
    while cursor < ladder.count && ladder.isCrossed(cursor, logMark: logMark) {
      let i = ladder.stateOffset + cursor
      let left = ws.remaining[i]
      let extra = ws.extraMargin[i]
      if left > 0 {
        // A rung never reduced is deficient where its ladder price is crossed, as without
        // the rule; a reduced rest where its own equity is below its maintenance margin.
        if ws.cooldownEnd[i] != 0 && !ladder.isDeficient(cursor, share: left, extraMargin: extra, at: mark) {
          if firstKept < 0 { firstKept = cursor }
        } else if let f = reducibleShare(
          of: cursor, share: left, extraMargin: extra, at: mark, step: step, rule: rule, ladder: ladder, workspace: ws)
        {
          ws.reductionRung[reductions] = cursor
          ws.reductionShare[reductions] = f
          reductions += 1
        } else {
          ws.batch[ws.batchCount] = cursor
          ws.batchCount += 1
        }
      }
      cursor += 1
    }
    let end = cursor
    guard reductions > 0 || ws.batchCount > 0 else {
      moveCursor(market: k, side: side, to: firstKept >= 0 ? firstKept : end, ladder: ladder, workspace: ws)
      return false
    }
    if !fundOfMarket.isEmpty { ledger.useFund(fundOfMarket[k]) }
    var wholeMark = mark
    var firstOpen = firstKept
    if reductions > 0 {
      let walk = reduce(
        count: reductions, market: k, mark: mark, step: step, rule: rule, ladder: ladder,
        workspace: ws, ledger: &ledger)
      keepPermanentImpact(of: walk, market: k, side: side, workspace: ws)
      wholeMark = Double.exp(ws.path.logPrices[step * marketCount + k] + ws.impact[k])
      // Rests still deficient at the mark the order left join the whole liquidations.
      let wholeBefore = ws.batchCount
      for n in 0..<reductions {
        let rung = ws.reductionRung[n]
        let i = ladder.stateOffset + rung
        if ladder.isDeficient(rung, share: ws.remaining[i], extraMargin: ws.extraMargin[i], at: wholeMark) {
          ws.batch[ws.batchCount] = rung
          ws.batchCount += 1
        } else if firstOpen < 0 || rung < firstOpen {
          firstOpen = rung
        }
      }
      if ws.batchCount > wholeBefore {
        var wholes = UnsafeMutableBufferPointer(start: ws.batch, count: ws.batchCount)
        wholes.sort()
      }
    }
    moveCursor(market: k, side: side, to: firstOpen >= 0 ? firstOpen : end, ladder: ladder, workspace: ws)
    guard ws.batchCount > 0 else { return true }
    noteCounterparties(market: k, side: side, workspace: ws, ledger: &ledger)
    let round = LiquidationRound(market: k, mark: wholeMark, step: step, wholeRungs: nil)
    let walk: Double
    switch exchange.fund.waterfall {
    case .marketClose: walk = MarketClose.settle(round, ladder: ladder, simulator: self, workspace: ws, ledger: &ledger)
    case .takeover: walk = Takeover.settle(round, ladder: ladder, simulator: self, workspace: ws, ledger: &ledger)
    }
    // Rungs liquidated whole behind a rung left open stay inside the scanned range: empty them.
    if firstOpen >= 0 {
      for n in 0..<ws.batchCount where ws.batch[n] > firstOpen {
        ws.setRemaining(ladder.stateOffset + ws.batch[n], 0)
      }
    }
    keepPermanentImpact(of: walk, market: k, side: side, workspace: ws)
    return true
  }

  /// The share of a deficient rung to sell, or `nil` to liquidate it whole: at or below
  /// `above`, already reduced in this step (Binance's one order per liquidation: a rest
  /// deficient again in the same step is liquidated whole), or no share `f < 1` suffices.
  @inline(__always)
  private func reducibleShare(
    of rung: Int, share: Double, extraMargin extra: Double, at mark: Double, step: Int, rule: MarginReduction,
    ladder: LiquidationLadder, workspace ws: SimulationWorkspace
  ) -> Double? {
    let notional = ladder.size[rung] * share * mark
    guard notional > rule.above, ws.cooldownEnd[ladder.stateOffset + rung] <= step else { return nil }
    let equity = ladder.equity(rung, share: share, extraMargin: extra, at: mark)
    guard let f = ladder.margins.reductionShare(equity: equity, notional: notional, fee: rule.fee), f > 0 else {
      return nil
    }
    return f
  }

  /// Sells the round's slices (``SimulationWorkspace/reductionRung``, `count` of them) as
  /// one order and leaves each rest with the margin left. Returns the order's walk.
  private func reduce(
    count: Int, market k: Int, mark: Double, step: Int, rule: MarginReduction, ladder: LiquidationLadder,
    workspace ws: SimulationWorkspace, ledger: inout PathLedger
  ) -> Double {
    let s = ladder.side.sign
    var total = 0.0
    for n in 0..<count {
      let rung = ws.reductionRung[n]
      total += ladder.size[rung] * ws.remaining[ladder.stateOffset + rung] * ws.reductionShare[n]
    }
    let rawWalk = BookImpact.walk(size: total, price: mark, depth: depth[k])
    let walk = min(rawWalk, 1)
    let fillable = rawWalk > 1 ? 1 / rawWalk : 1
    let fill = mark * (1 - s * walk / 2)
    let fundShare = exchange.fund.fundShare
    for n in 0..<count {
      let rung = ws.reductionRung[n]
      let i = ladder.stateOffset + rung
      let left = ws.remaining[i]
      let sold = ws.reductionShare[n] * fillable
      let filled = ladder.size[rung] * left * sold
      let margin = (ladder.margin[rung] + ws.extraMargin[i]) * left
      let fee = rule.fee * filled * fill
      ledger.liquidated(market: k, count: 1, notional: filled * mark)
      if fee > 0 { ledger.penalty(fee, toFund: fundShare * fee, market: k) }
      let rest = left * (1 - sold)
      let restMargin = margin + s * filled * (fill - ladder.entryPrice[rung]) - fee
      ws.setRemaining(i, rest)
      ws.extraMargin[i] = restMargin / rest - ladder.margin[rung]
      ws.cooldownEnd[i] = step + 1
    }
    return walk
  }
}
