/// The two documented liquidation mechanics as one waterfall (DESIGN §2). Venue
/// differences are parameters (``FundRules``, ``ADLPolicy``), not forks.
extension FundSimulator {
  /// Market close (Defx; dYdX with a fee cap). The round's positions are sold (longs) or
  /// bought (shorts) together: walk `w = 0.01·Q·P/depth` for total size `Q`, capped at 1
  /// (the book is exhausted; the unfillable share `1 − 1/w` goes to ADL), average fill
  /// `F = P·(1 − s·w/2)`. For each position the residual at the fill is
  /// `R = M + s·q·(F − E)`:
  /// * `R ≥ 0`: the penalty is `R`, or `min(R, fee_cap·q·F)` with a cap; the fund receives
  ///   `fund_share × penalty`, the vault the rest, the trader keeps `R − penalty`;
  /// * `R < 0`: the fund pays `−R` if it can stay at or above the depletion threshold (and,
  ///   with a drawdown trigger, has not fallen too far); otherwise it pays down to the
  ///   threshold and the uncovered share of the position is closed by ADL at `Pb`.
  ///
  /// Impact is computed for the whole round's order, including any share then passed to
  /// ADL (a conservative simplification). Returns the walk.
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
        let blocked =
          exchange.adl.drawdownTrigger.map {
            fund.drawdownExceeds($0, window: exchange.adl.drawdownWindowSteps, step: step)
          } ?? false
        let available = blocked ? 0 : fund.available
        if available >= shortfall {
          fund.pay(shortfall)
          outcome.shortfall += shortfall
          outcome.markets[k].shortfall += shortfall
          outcome.traderLoss += residual
        } else {
          let covered = available / shortfall
          if available > 0 { fund.payDownToThreshold() }
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

  /// Takeover (NomoEx, Binance-style). The engine takes each position and its margin at the
  /// bankruptcy price `Pb`, so the trader keeps nothing. With subsidy
  /// `S = takeover_subsidy × (balance − threshold)` it sends a limit order at
  /// `L = Pb − s·S/q`, the worst price at which the loss stays within the subsidy. The book
  /// (walked from the current price `P'`, positions one after another in ladder order)
  /// fills the share `f = min(1, w_L / w)` where `w = 0.01·q·P'/depth` is the walk for the
  /// whole size and `w_L = s·(P' − L)/P'` the walk to the limit; the fill averages
  /// `F = P'·(1 − s·f·w/2)`. The fund gains `s·f·q·(F − Pb)` (a loss of at most `S`) and
  /// the rest, `(1 − f)·q`, is closed by ADL at `Pb`. Returns the total walk of the round.
  func takeOver(
    market k: Int, ladder: LiquidationLadder, mark: Double, step: Int, workspace ws: SimulationWorkspace,
    fund: inout InsuranceFund, outcome: inout PathOutcome
  ) -> Double {
    let depth = exchange.rules[k].depth
    let s = ladder.side.sign
    var price = mark
    for rung in UnsafeBufferPointer(start: ws.batch, count: ws.batchCount) {
      let q = ladder.size[rung] * ws.remaining[ladder.stateOffset + rung]
      let pb = ladder.bankruptcyPrice[rung]
      recordLiquidation(market: k, size: q, mark: mark, outcome: &outcome)
      let subsidy = exchange.fund.takeoverSubsidy * fund.available
      let limit = pb - s * subsidy / q
      let walkToLimit = s * (price - limit) / price
      let fullWalk = BookImpact.walk(size: q, price: price, depth: depth)
      var filledShare = 0.0
      if walkToLimit > 0 {
        filledShare = fullWalk <= walkToLimit ? 1 : walkToLimit / fullWalk
        if fullWalk * filledShare > 1 { filledShare = 1 / fullWalk }
      }
      let walk = filledShare * fullWalk
      let filled = filledShare * q
      if filled > 0 {
        let fill = price * (1 - s * walk / 2)
        let gain = s * filled * (fill - pb)
        if gain >= 0 {
          fund.receive(gain)
          outcome.fundInflow += gain
          outcome.markets[k].fundInflow += gain
        } else {
          fund.pay(-gain)
          outcome.shortfall -= gain
          outcome.markets[k].shortfall -= gain
        }
        outcome.traderLoss += gain
        price *= 1 - s * walk
      }
      let unfilled = q - filled
      if unfilled > 0 {
        deleverage(
          market: k, side: ladder.side, size: unfilled, bankruptcyPrice: pb, mark: price, step: step, workspace: ws,
          fund: &fund, outcome: &outcome)
      }
    }
    return s * (mark - price) / mark
  }

  @inline(__always)
  func recordLiquidation(market k: Int, size: Double, mark: Double, outcome: inout PathOutcome) {
    outcome.liquidations += 1
    outcome.liquidatedNotional += size * mark
    outcome.markets[k].liquidations += 1
    outcome.markets[k].liquidatedNotional += size * mark
  }
}
