/// Auto-deleveraging: closing opposite-side positions at the liquidated position's
/// bankruptcy price when the fund cannot pay or the book cannot fill (docs/MODEL.md, "ADL").
///
/// Which positions are closed is the ranking's (``ADLRanking``), one type per ranking in a
/// file of its own, each an ``ADLSelection``; this file holds what every ranking shares:
/// the transfer and its posting.
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
  /// Deleverages `request.size` of a liquidated position against the opposite side of its
  /// market.
  ///
  /// - Complexity: that of the ranking's ``ADLSelection/select(_:opposite:from:workspace:)``.
  func deleverage(_ request: ADLRequest, workspace ws: SimulationWorkspace, ledger: inout PathLedger) {
    guard request.size > 0 else { return }
    let k = request.market
    let opposite = ws.ladders.ladder(market: k, side: request.side.opposite)
    let start = request.side == .long ? ws.shortCursor[k] : ws.longCursor[k]
    let match: ADLMatch
    switch exchange.adl.ranking {
    case .pnlLeverage:
      match = RankedSelection<PnLLeverageScore>.select(request, opposite: opposite, from: start, workspace: ws)
    case .proRata:
      match = ProRataSelection.select(request, opposite: opposite, from: start, workspace: ws)
    }
    let perUnit = request.side.sign * (request.mark - request.bankruptcyPrice)
    ledger.adlTransfer(
      matched: match.matched, perUnit: perUnit, bankruptcyPrice: request.bankruptcyPrice, hits: match.hits,
      market: k)
    let unmatched = request.size - match.matched
    if unmatched > 0 {
      // No counterparty left in the book: the fund takes the position at the same transfer.
      ledger.fundTakesRemainder(unmatched * perUnit, market: k)
    }
  }
}

/// A share of a liquidated position passed to ADL.
struct ADLRequest {
  let market: Int
  /// The liquidated position's side; counterparties are on the opposite side.
  let side: Side
  /// Base units to close.
  let size: Double
  /// The liquidated position's bankruptcy price `Pb`.
  let bankruptcyPrice: Double
  /// The round's mark `P`.
  let mark: Double
  let step: Int
}

/// What a ranking closed: `matched` base units over `hits` counterparty positions.
struct ADLMatch {
  var matched = 0.0
  var hits = 0
}

/// One ADL ranking: which opposite positions give up how much of their size. A caseless
/// enum per ranking, called through a `switch` over ``ADLRanking`` in
/// ``FundSimulator/deleverage(_:workspace:ledger:)``: static dispatch, no existential.
protocol ADLSelection {
  /// Reduces opposite positions (``SimulationWorkspace/setRemaining(_:_:)``) by up to
  /// `request.size` in all and returns what was closed. `opposite` is the opposite ladder,
  /// whose rungs from `start` on are still open (some may have been emptied by ADL).
  static func select(
    _ request: ADLRequest, opposite: LiquidationLadder, from start: Int, workspace ws: SimulationWorkspace
  ) -> ADLMatch
}
