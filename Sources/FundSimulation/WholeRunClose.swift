/// A market-close round of whole positions in O(1) (issue 5).
extension MarketClose {
  /// Closes rungs `rungs` — every one whole (no ADL on the path yet) — into the market as
  /// one round, from the ladder's prefix sums (``LadderPrefixSums``), when the round needs
  /// no position-by-position work: no fee cap, no drawdown trigger, a book deep enough for
  /// the whole order (`w ≤ 1`), and a fund that can pay the round's shortfall. Returns the
  /// walk, or `nil`, having changed nothing, when one of those fails; the caller then
  /// closes the round position by position
  /// (``settle(_:ladder:simulator:workspace:ledger:)``).
  ///
  /// The result is that of the position-by-position close up to rounding. All positions
  /// fill at `F = P·(1 − s·w/2)`, so the residuals `Rᵢ = qᵢ·s·(F − Pbᵢ)` are negative
  /// exactly for the first rungs of the run (bankruptcy prices are monotone along the
  /// ladder; not always with margin tiers, whose ladders are then closed position by
  /// position), which the position-by-position close also settles first. Splitting the run
  /// there by binary search (``LiquidationLadder/firstSolvent(in:fill:)``) gives
  ///
  ///     shortfall = −Σ_{Rᵢ<0} Rᵢ,   penalty = Σ_{Rᵢ≥0} Rᵢ,
  ///
  /// each from ``LadderPrefixSums/residual(of:sign:fill:)``. The fund pays the shortfall if
  /// it can (`available ≥ shortfall` is the same test as for each position in turn, as the
  /// payments only lower what is available), recording its low after it, then receives
  /// `fund_share × penalty`; the vault gets the rest; the traders lose
  /// `penalty − shortfall`.
  ///
  /// - Complexity: O(log `rungs.count`).
  @inline(__always)
  static func closeWholeRun(
    _ round: LiquidationRound, ladder: LiquidationLadder, simulator sim: FundSimulator, ledger: inout PathLedger
  ) -> Double? {
    let fundRules = sim.exchange.fund
    guard let rungs = round.wholeRungs, fundRules.feeCap == nil, sim.exchange.adl.drawdownTrigger == nil,
      ladder.bankruptcyPricesMonotone
    else {
      return nil
    }
    let k = round.market
    let mark = round.mark
    let sums = ladder.sums
    let all = sums.totals(rungs)
    let walk = BookImpact.walk(size: all.size, price: mark, depth: sim.depth[k])
    guard walk <= 1 else { return nil }
    let s = ladder.side.sign
    let fill = mark * (1 - s * walk / 2)
    let split = ladder.firstSolvent(in: rungs, fill: fill)
    let losses = sums.totals(rungs.lowerBound..<split)
    let gains = sums.totals(split..<rungs.upperBound)
    // Each part is one-signed position by position; clamping removes rounding of either
    // sign from a part whose exact value is zero.
    let shortfall = split > rungs.lowerBound ? max(0, -sums.residual(of: losses, sign: s, fill: fill)) : 0
    let penalty = split < rungs.upperBound ? max(0, sums.residual(of: gains, sign: s, fill: fill)) : 0
    guard ledger.fund.available(market: k) >= shortfall else { return nil }

    ledger.liquidated(market: k, count: rungs.count, notional: all.size * mark)
    if shortfall > 0 { ledger.fundPays(shortfall, market: k) }
    ledger.penalty(penalty, toFund: fundRules.fundShare * penalty, market: k)
    return walk
  }
}
