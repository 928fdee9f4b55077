/// Market close, the first of the two documented liquidation mechanics (docs/MODEL.md,
/// "Waterfall, market close"); takeover is in `Takeover.swift`. Venue differences are
/// parameters (``FundRules``, ``ADLPolicy``), not forks.
extension FundSimulator {
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
  func closeInMarket(
    market k: Int, ladder: LiquidationLadder, mark: Double, step: Int, workspace ws: SimulationWorkspace,
    fund: inout InsuranceFund, outcome: inout PathOutcome
  ) -> Double {
    let rules = exchange.rules[k]
    let fundRules = exchange.fund
    let s = ladder.side.sign
    var total = 0.0
    for rung in UnsafeBufferPointer(start: ws.batch, count: ws.batchCount) {
      total += ladder.size[rung] * ws.remaining[ladder.stateOffset + rung]
    }
    let rawWalk = BookImpact.walk(size: total, price: mark, depth: rules.depth)
    let walk = min(rawWalk, 1)
    let fillable = rawWalk > 1 ? 1 / rawWalk : 1
    let fill = mark * (1 - s * walk / 2)

    for rung in UnsafeBufferPointer(start: ws.batch, count: ws.batchCount) {
      let share = ws.remaining[ladder.stateOffset + rung]
      let q = ladder.size[rung] * share
      let margin = ladder.margin[rung] * share
      let pb = ladder.bankruptcyPrice[rung]
      recordLiquidation(market: k, size: q, mark: mark, outcome: &outcome)
      let filled = q * fillable
      var toADL = q - filled
      let residual = fillable * (margin + s * q * (fill - ladder.entryPrice[rung]))
      if residual >= 0 {
        let penalty = fundRules.feeCap.map { min(residual, $0 * filled * fill) } ?? residual
        let toFund = fundRules.fundShare * penalty
        fund.receive(toFund)
        outcome.fundInflow += toFund
        outcome.markets[k].fundInflow += toFund
        outcome.vaultInflow += penalty - toFund
        outcome.markets[k].vaultInflow += penalty - toFund
        outcome.traderLoss += penalty
      } else {
        let shortfall = -residual
        let available = fund.available
        if available >= shortfall {
          fund.pay(shortfall)
          outcome.shortfall += shortfall
          outcome.markets[k].shortfall += shortfall
          outcome.traderLoss += residual
        } else {
          let covered = available / shortfall
          if available > 0 { fund.payDownToFloor() }
          outcome.shortfall += available
          outcome.markets[k].shortfall += available
          outcome.traderLoss += covered * residual
          toADL += (1 - covered) * filled
        }
      }
      if toADL > 0 {
        deleverage(
          market: k, side: ladder.side, size: toADL, bankruptcyPrice: pb, mark: mark, step: step, workspace: ws,
          fund: &fund, outcome: &outcome)
      }
    }
    return walk
  }

  @inline(__always)
  func recordLiquidation(market k: Int, size: Double, mark: Double, outcome: inout PathOutcome) {
    outcome.liquidations += 1
    outcome.liquidatedNotional += size * mark
    outcome.markets[k].liquidations += 1
    outcome.markets[k].liquidatedNotional += size * mark
  }
}
