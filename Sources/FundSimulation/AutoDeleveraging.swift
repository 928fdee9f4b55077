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
  /// Deleverages `size` of a liquidated `side` position of market `k` at bankruptcy price
  /// `pb` with the mark at `mark`, against the opposite side of its market.
  ///
  /// Close price (``ADLClosePrice``): at `bankruptcy` each unit moves `s·(P − Pb)` to the
  /// counterparty; at `mark` the fund settles that difference for the whole size as far as
  /// it holds above its floor (it receives a gain, pays a loss down to its floor) and the
  /// counterparties bear what it cannot pay, the same per unit.
  ///
  /// - Complexity: that of the ranking's ``ADLSelection/select(_:opposite:from:workspace:)``.
  func deleverage(
    market k: Int, side: Side, size: Double, bankruptcyPrice pb: Double, mark: Double, step: Int,
    workspace ws: SimulationWorkspace, ledger: inout PathLedger
  ) {
    guard size > 0 else { return }
    let adl = exchange.adl
    let perUnit = side.sign * (mark - pb)
    // What each closed unit moves to the counterparty, against the mark.
    var transfer = perUnit
    if adl.closePrice == .mark {
      if perUnit >= 0 {
        ledger.fundReceives(size * perUnit, market: k)
        transfer = 0
      } else {
        let loss = -size * perUnit
        let paid = min(loss, ledger.fund.available(market: k))
        if paid > 0 { ledger.fundPays(paid, market: k) }
        transfer = paid >= loss ? 0 : -(loss - paid) / size
      }
    }
    let request = ADLRequest(
      market: k, side: side, size: size, mark: mark, step: step, takenPerUnit: max(0, -transfer),
      accountsToVisit: adl.randomWalkAccounts)
    let opposite = ws.ladders.ladder(market: k, side: side.opposite)
    let start = side == .long ? ws.shortCursor[k] : ws.longCursor[k]
    let match: ADLMatch
    switch adl.ranking {
    case .pnlLeverage:
      match = RankedSelection<PnLLeverageScore>.select(request, opposite: opposite, from: start, workspace: ws)
    case .binance:
      match = RankedSelection<BinanceScore>.select(request, opposite: opposite, from: start, workspace: ws)
    case .hyperliquid:
      match = RankedSelection<HyperliquidScore>.select(request, opposite: opposite, from: start, workspace: ws)
    case .randomWalk:
      match = RandomWalkSelection.select(request, opposite: opposite, from: start, workspace: ws)
    case .proRata:
      match = ProRataSelection.select(request, opposite: opposite, from: start, workspace: ws)
    case .proRataCapped:
      match = CappedProRataSelection.select(request, opposite: opposite, from: start, workspace: ws)
    }
    let closePrice = adl.closePrice == .bankruptcy ? pb : mark - side.sign * transfer
    ledger.adlTransfer(
      matched: match.matched, perUnit: transfer, closePrice: closePrice, hits: match.hits, market: k)
    ledger.adlMetrics(
      overshoot: max(0, match.matched * mark - match.matched * request.takenPerUnit), haircut: match.haircut)
    let unmatched = size - match.matched
    if unmatched > 0 {
      // No counterparty left in the book: the fund takes the position at the same transfer.
      ledger.fundTakesRemainder(unmatched * transfer, market: k)
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
  /// The round's mark `P`.
  let mark: Double
  let step: Int
  /// The equity each closed unit gives up against the mark (0 when counterparties gain).
  let takenPerUnit: Double
  /// `random-walk`: the most accounts to visit.
  let accountsToVisit: Int
}

/// What a ranking closed: `matched` base units over `hits` counterparty positions, and the
/// profit it took from them (``take(from:of:request:workspace:)``).
struct ADLMatch {
  var matched = 0.0
  var hits = 0
  /// Σ over counterparties of `closed × min(taken per unit, max(0, profit per unit))`: the
  /// part of the equity taken that was unrealised profit (the rest came out of margin).
  var haircut = 0.0

  /// Closes what is left to cover of rung `j` of `ladder` (open, `open > 0`): all of it, or
  /// the share that covers the request exactly. Returns whether the position closed whole.
  @inline(__always)
  mutating func take(
    from j: Int, of ladder: LiquidationLadder, request: ADLRequest, workspace ws: SimulationWorkspace
  )
    -> Bool
  {
    let i = ladder.stateOffset + j
    let open = ladder.size[j] * ws.remaining[i]
    let take = min(open, request.size - matched)
    hits += 1
    if request.takenPerUnit > 0 { addHaircut(closing: take, rung: j, of: ladder, request: request) }
    if take >= open {
      ws.setRemaining(i, 0)
      matched += take
      return true
    }
    // A partial take covers the rest exactly (`matched + (size − matched)` could round just
    // below `size` and take a sliver from the same position again).
    ws.setRemaining(i, ws.remaining[i] * (1 - take / open))
    matched = request.size
    return false
  }

  /// Closes the share `fraction` (in (0, 1]) of what is left of rung `j` of `ladder`,
  /// `units` base units, as the pro-rata rankings do: one hit, its haircut, the rest left
  /// open. `matched` is the caller's.
  @inline(__always)
  mutating func close(
    _ fraction: Double, units: Double, rung j: Int, of ladder: LiquidationLadder, request: ADLRequest,
    workspace ws: SimulationWorkspace
  ) {
    let i = ladder.stateOffset + j
    if request.takenPerUnit > 0 { addHaircut(closing: units, rung: j, of: ladder, request: request) }
    ws.setRemaining(i, fraction >= 1 ? 0 : ws.remaining[i] * (1 - fraction))
    hits += 1
  }

  /// Adds what closing `units` of rung `j` takes from its unrealised profit to ``haircut``.
  @inline(__always)
  private mutating func addHaircut(
    closing units: Double, rung j: Int, of ladder: LiquidationLadder, request: ADLRequest
  ) {
    let profit = ladder.side.sign * (request.mark - ladder.entryPrice[j])
    haircut += units * min(request.takenPerUnit, max(0, profit))
  }
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
