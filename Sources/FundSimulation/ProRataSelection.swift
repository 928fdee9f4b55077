/// `pro-rata` ADL (Drift): every open opposite position gives up the same share of its
/// size, `min(1, x / open)` for `x` to close against `open` in all.
///
/// Drift socialises a loss its insurance fund cannot pay over all open interest in
/// proportion to size (drift-labs/protocol-v2, `programs/drift/src/math/liquidation.rs`,
/// `calculate_funding_rate_deltas_to_resolve_bankruptcy`, commit 0ae3e3b1, 2026-04-01);
/// here it is applied to the opposite side only, closing size at the bankruptcy price as the
/// other rankings do (docs/MODEL.md, "ADL").
///
/// - Complexity: O(n) in the opposite side's positions.
enum ProRataSelection: ADLSelection {
  static func select(
    _ request: ADLRequest, opposite: LiquidationLadder, from start: Int, workspace ws: SimulationWorkspace
  ) -> ADLMatch {
    let base = opposite.stateOffset
    var open = 0.0
    for j in start..<opposite.count { open += opposite.size[j] * ws.remaining[base + j] }
    guard open > 0 else { return ADLMatch() }
    let share = min(1, request.size / open)
    var match = ADLMatch()
    for j in start..<opposite.count where ws.remaining[base + j] > 0 {
      let units = opposite.size[j] * ws.remaining[base + j] * share
      match.close(share, units: units, rung: j, of: opposite, request: request, workspace: ws)
    }
    match.matched = open * share
    return match
  }
}
