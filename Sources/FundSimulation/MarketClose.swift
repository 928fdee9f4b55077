/// Market close, the first of the two documented liquidation mechanics (docs/MODEL.md,
/// "Waterfall, market close"); takeover is in `Takeover.swift`. Venue differences are
/// parameters (``FundRules``, ``ADLPolicy``), not forks.
enum MarketClose: WaterfallSettlement {
  /// Market close (Defx; dYdX with a fee cap). The round's positions are sold (longs) or
  /// bought (shorts) together: walk `w = 0.01·Q·P/depth` for total size `Q`, capped at 1
  /// (the book is exhausted; the unfillable share `1 − 1/w` goes to ADL), average fill
  /// `F = P·(1 − s·w/2)`. For each position the residual at the fill is
  /// `R = M + s·q·(F − E)`:
  /// * `R ≥ 0`: the penalty is `R`, or `min(R, fee_cap·q·F)` with a cap; the fund receives
  ///   `fund_share × penalty`, the vault the rest, the trader keeps `R − penalty`;
  /// * `R < 0`: the fund pays `−R` if it can stay at or above its floor (the depletion
  ///   threshold, or with a drawdown trigger `peak × (1 − trigger)` when higher:
  ///   ``DrawdownFloor``); otherwise it pays down to the floor and the uncovered share of the
  ///   position is closed by ADL at `Pb`.
  ///
  /// The round is one order: every position fills the same share `1/w` of its size when
  /// the book is short (the rest to ADL), at the order's average price, as an exchange
  /// allocates an aggregated order's fills pro rata. Impact is computed for the whole
  /// round's order, including any share then passed to ADL (a conservative
  /// simplification). Returns the walk.
  ///
  /// A round of whole positions that needs no position-by-position work is closed at once
  /// (``closeWholeRun(_:ladder:simulator:ledger:)``).
  @inline(__always)
  static func settle(
    _ round: LiquidationRound, ladder: LiquidationLadder, simulator sim: FundSimulator,
    workspace ws: SimulationWorkspace, ledger: inout PathLedger
  ) -> Double {
    if round.wholeRungs != nil && sim.aggregatesRounds && sim.exchange.fund.backstop == nil,
      let walk = closeWholeRun(round, ladder: ladder, simulator: sim, ledger: &ledger)
    {
      return walk
    }
    let k = round.market
    let mark = round.mark
    let fundRules = sim.exchange.fund
    let s = ladder.side.sign
    var batch = round.batch(in: ws)
    if let vault = fundRules.backstop {
      backstop(vault, round: round, ladder: ladder, simulator: sim, workspace: ws, ledger: &ledger)
      batch = UnsafeBufferPointer(start: ws.batch, count: ws.batchCount)
    }
    var total = 0.0
    for rung in batch {
      total += ladder.size[rung] * ws.remaining[ladder.stateOffset + rung]
    }
    let rawWalk = BookImpact.walk(size: total, price: mark, depth: sim.depth[k])
    let walk = min(rawWalk, 1)
    let fillable = rawWalk > 1 ? 1 / rawWalk : 1
    let fill = mark * (1 - s * walk / 2)

    for rung in batch {
      let share = ws.remaining[ladder.stateOffset + rung]
      let q = ladder.size[rung] * share
      var margin = ladder.margin[rung] * share
      var pb = ladder.bankruptcyPrice[rung]
      if sim.reducesMargins {  // a reduced position's own margin and Pb (``MarginReduction``)
        let extra = ws.extraMargin[ladder.stateOffset + rung]
        margin += extra * share
        pb = ladder.bankruptcyPrice(rung, extraMargin: extra)
      }
      ledger.liquidated(market: k, count: 1, notional: q * mark)
      let filled = q * fillable
      var toADL = q - filled
      let residual = fillable * (margin + s * q * (fill - ladder.entryPrice[rung]))
      if residual >= 0 {
        let penalty = fundRules.feeCap.map { min(residual, $0 * filled * fill) } ?? residual
        ledger.penalty(penalty, toFund: fundRules.fundShare * penalty, market: k)
      } else {
        let shortfall = -residual
        let available = ledger.fund.available(market: k)
        if available >= shortfall {
          ledger.fundPays(shortfall, market: k)
        } else {
          let covered = available / shortfall
          ledger.fundPaysToFloor(available, market: k)
          toADL += (1 - covered) * filled
        }
      }
      if toADL > 0 {
        sim.deleverage(
          market: k, side: ladder.side, size: toADL, bankruptcyPrice: pb, mark: mark, step: round.step,
          workspace: ws, ledger: &ledger)
      }
    }
    return walk
  }
}
