import RealModule

/// The liquidation cascade of one step (docs/MODEL.md, "Cascade").
///
/// Round after round, every market whose mark crosses the next liquidation price on
/// either side liquidates all crossed positions of that side together. Their order walks
/// the linear book (``BookImpact``); the permanent share of the walk moves the mark, which
/// may cross further positions in the next round. The step ends when no market crosses, or
/// when a market reaches the round cap (counted in ``PathOutcome/roundCapHits``; its
/// remaining crossed positions are taken up in the next step). The rounds of the deepest
/// cascade are the path's ``PathOutcome/maxCascadeRounds``.
extension FundSimulator {
  func runCascade(step t: Int, workspace ws: SimulationWorkspace, ledger: inout PathLedger) {
    let m = marketCount
    let row = ws.path.logPrices + t * m
    let cap = exchange.cascadeRoundCap
    for k in 0..<m { ws.rounds[k] = 0 }
    let capped = ws.capped
    for k in 0..<m { capped[k] = false }
    var progressed = true
    while progressed {
      progressed = false
      for k in 0..<m where !capped[k] {
        let logMark = row[k] + ws.impact[k]
        let longs = logMark <= ws.longThreshold[k]
        let shorts = logMark >= ws.shortThreshold[k]
        guard longs || shorts else { continue }
        if ws.rounds[k] == cap {
          capped[k] = true
          ledger.outcome.roundCapHits += 1
          continue
        }
        let impactBefore = ws.impact[k]
        var executed = false
        if longs {
          executed =
            liquidateCrossed(market: k, side: .long, step: t, workspace: ws, ledger: &ledger) || executed
        }
        if shorts {
          executed =
            liquidateCrossed(market: k, side: .short, step: t, workspace: ws, ledger: &ledger) || executed
        }
        if executed {
          ws.rounds[k] += 1
          // A round takes every rung its mark crosses, so only a mark its own walk moved can
          // cross more (markets do not move each other's marks): without impact a step's
          // cascade is one pass, not one pass and a second that finds nothing.
          progressed = progressed || ws.impact[k] != impactBefore
        }
      }
    }
    for k in 0..<m where ws.rounds[k] > 0 {
      ledger.outcome.markets[k].maxCascadeRounds = max(ledger.outcome.markets[k].maxCascadeRounds, ws.rounds[k])
      ledger.outcome.maxCascadeRounds = max(ledger.outcome.maxCascadeRounds, ws.rounds[k])
    }
  }

  /// Liquidates every position of `side` in market `k` that the current mark crosses, as
  /// one round (``LiquidationRound``), settled by the scenario's waterfall mechanic. The
  /// caller settles longs before shorts; no mark crosses both (every long's `Pl` lies below
  /// the initial price and every short's above, and they never move). Returns whether any
  /// position was liquidated (rungs already emptied by ADL are skipped).
  ///
  /// - Complexity: O(log r) for a round of `r` whole positions closed into the market
  ///   when the fund can pay (``MarketClose/closeWholeRun(_:ladder:simulator:ledger:)``), else O(r)
  ///   plus ADL.
  func liquidateCrossed(
    market k: Int, side: Side, step: Int, workspace ws: SimulationWorkspace, ledger: inout PathLedger
  ) -> Bool {
    if !partialLiquidation.isEmpty {
      if let rule = partialLiquidation[k] {
        return liquidateCrossedPartially(
          market: k, side: side, step: step, rule: rule, workspace: ws, ledger: &ledger)
      }
      if let rule = marginReduction[k] {
        return liquidateCrossedReducing(market: k, side: side, step: step, rule: rule, workspace: ws, ledger: &ledger)
      }
    }
    let ladder = ws.ladders.ladder(market: k, side: side)
    let logMark = ws.path.logPrices[step * marketCount + k] + ws.impact[k]
    let start = side == .long ? ws.longCursor[k] : ws.shortCursor[k]
    // Until ADL first reduces a position on this path, every rung is whole: the crossed
    // rungs are one contiguous run, found by a galloping search and closable in O(1).
    let whole = ws.touched.isEmpty
    var cursor = start
    ws.batchCount = 0
    if whole {
      cursor = ladder.crossedEnd(from: start, logMark: logMark)
    } else {
      while cursor < ladder.count && ladder.isCrossed(cursor, logMark: logMark) {
        if ws.remaining[ladder.stateOffset + cursor] > 0 {
          ws.batch[ws.batchCount] = cursor
          ws.batchCount += 1
        }
        cursor += 1
      }
    }
    moveCursor(market: k, side: side, to: cursor, ladder: ladder, workspace: ws)
    guard whole ? cursor > start : ws.batchCount > 0 else { return false }
    if !fundOfMarket.isEmpty { ledger.useFund(fundOfMarket[k]) }
    noteCounterparties(market: k, side: side, workspace: ws, ledger: &ledger)
    let round = LiquidationRound(
      market: k, mark: Double.exp(logMark), step: step, wholeRungs: whole ? start..<cursor : nil)
    let walk: Double
    switch exchange.fund.waterfall {
    case .marketClose: walk = MarketClose.settle(round, ladder: ladder, simulator: self, workspace: ws, ledger: &ledger)
    case .takeover: walk = Takeover.settle(round, ladder: ladder, simulator: self, workspace: ws, ledger: &ledger)
    }
    keepPermanentImpact(of: walk, market: k, side: side, workspace: ws)
    return true
  }

  /// For the fund needed (``FundNeeded``), before a round of market `k`'s `side` is
  /// settled by a fund without limit: whether a shortfall it could not pay would find ADL
  /// counterparties (``InsuranceFund/counterpartiesOpen``). Nothing under a real fund.
  @inline(__always)
  func noteCounterparties(market k: Int, side: Side, workspace ws: SimulationWorkspace, ledger: inout PathLedger) {
    guard withoutFundLimit else { return }
    // Before any ADL every position past the opposite cursor is whole and open.
    let opposite = ws.ladders.ladder(market: k, side: side.opposite)
    let oppositeCursor = side == .long ? ws.shortCursor[k] : ws.longCursor[k]
    ledger.fund.counterpartiesOpen = !ws.touched.isEmpty || oppositeCursor < opposite.count
  }

  /// Moves market `k`'s cursor on `side` to `cursor` and caches that rung's threshold.
  @inline(__always)
  func moveCursor(
    market k: Int, side: Side, to cursor: Int, ladder: LiquidationLadder, workspace ws: SimulationWorkspace
  ) {
    if side == .long {
      ws.longCursor[k] = cursor
      ws.longThreshold[k] = ladder.threshold(at: cursor)
    } else {
      ws.shortCursor[k] = cursor
      ws.shortThreshold[k] = ladder.threshold(at: cursor)
    }
  }

  /// The permanent share of a round's walk stays in the mark: `P ← P·(1 − s·perm·walk)`.
  @inline(__always)
  func keepPermanentImpact(of walk: Double, market k: Int, side: Side, workspace ws: SimulationWorkspace) {
    let permanent = permanentImpact[k]
    if walk > 0 && permanent > 0 {
      let factor = max(1e-9, 1 - side.sign * permanent * walk)
      ws.impact[k] += Double.log(factor)
    }
  }
}

/// A linear order book (docs/MODEL.md, "Cascade"): selling notional `N` walks the price down by
/// `N / depth` percent and fills on average half-way. The book holds `100 × depth` per side
/// (the walk that would take the price to zero): what lies beyond cannot be filled.
struct BookImpact {
  /// Walk, as a fraction of the price, for `size` base units at `price`: `0.01·q·P/depth`.
  @inline(__always)
  static func walk(size: Double, price: Double, depth: Double) -> Double {
    depth.isInfinite ? 0 : 0.01 * size * price / depth
  }
}
