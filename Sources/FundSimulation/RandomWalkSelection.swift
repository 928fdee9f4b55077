/// `random-walk` ADL (dYdX v4): the open opposite positions are walked in account order
/// (the book's file order, as dYdX walks its list of subaccounts with an open position on
/// that side), starting from a uniformly drawn one and wrapping around, each closed for
/// what is left to cover, until the size is covered or `accounts` positions were visited.
///
/// Source: dydxprotocol/v4-chain, `protocol/x/clob/keeper/deleveraging.go`,
/// `OffsetSubaccountPerpetualPosition` ("Start from a random subaccount",
/// `indexOffset := pseudoRand.Intn(numSubaccounts)`, at most
/// `MaxDeleveragingSubaccountsToIterate` visited), and `protocol/x/clob/flags/flags.go`
/// (`DefaultMaxDeleveragingSubaccountsToIterate = 500`), commit 002f3fa4, read 2026-12.
///
/// The start is drawn from the path's own keyed stream (``RandomStreams/Purpose/deleveraging``),
/// so a path deleverages the same positions whatever the thread count. What the cap leaves
/// uncovered falls on the fund at the same transfer, as when no counterparty is left
/// (docs/MODEL.md, "ADL"); dYdX would retry in a later block, which a path of whole steps
/// does not model.
///
/// - Complexity: O(n) in the opposite side's positions (collecting the open ones in account
///   order), plus O(accounts).
enum RandomWalkSelection: ADLSelection {
  static func select(
    _ request: ADLRequest, opposite: LiquidationLadder, from start: Int, workspace ws: SimulationWorkspace
  ) -> ADLMatch {
    let base = opposite.stateOffset
    var open = 0
    for j in opposite.accountOrder where j >= start && ws.remaining[base + j] > 0 {
      ws.heapRung[open] = j
      open += 1
    }
    guard open > 0 else { return ADLMatch() }
    // A uniform index in 0 ..< open from the high word of a 64 × 64-bit product (bias below
    // open / 2⁶⁴).
    let offset = Int(truncatingIfNeeded: UInt64(open).multipliedFullWidth(by: ws.deleveragingStream.next()).high)
    let visits = min(open, request.accountsToVisit)
    var match = ADLMatch()
    var i = 0
    while i < visits && match.matched < request.size {
      let j = ws.heapRung[(offset + i) % open]
      _ = match.take(from: j, of: opposite, request: request, workspace: ws)
      i += 1
    }
    return match
  }
}
