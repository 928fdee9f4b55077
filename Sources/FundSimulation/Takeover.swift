/// Takeover, the second documented liquidation mechanic (NomoEx, Binance-style;
/// docs/MODEL.md, "Waterfall, takeover").
enum Takeover: WaterfallSettlement {
  /// Takes over a round of crossed positions of one market and side. The engine takes each
  /// position and its margin at its bankruptcy price `Pb` (the trader keeps nothing) and
  /// closes it with a limit order into the market's one linear book.
  ///
  /// * **Budget.** The round may spend at most `S = takeover_subsidy × available` from the
  ///   fund, with `available` what the fund holds above its floor (the depletion threshold,
  ///   or the drawdown floor when higher) at the round's start. Each position's limit is
  ///   `L = Pb − s·S′/q`, the worst price at which its loss stays within what is left of the
  ///   budget `S′`; what it spends (never what it earns) is taken from `S′`. A budget per
  ///   round, not per position: a round of `n` takeovers could otherwise spend
  ///   `1 − (1 − takeover_subsidy)ⁿ` of the fund, and the cap would depend on how the same
  ///   open interest is split into accounts.
  /// * **The book.** The round's positions consume the book in ladder order, each walk
  ///   starting where the previous one ended. Walks are measured as at market close, in
  ///   notional at the round's mark `P`: a position of size `q` would walk
  ///   `w = 0.01·q·P/depth`, and the book reaches the limit at the walk
  ///   `w_L = min(1, s·(P − L)/P)` (a side holds `100 × depth`, walk 1). From the walk `a`
  ///   where the previous position stopped, the position fills up to `b = min(a + w, w_L)`:
  ///   the share `(b − a)/w` of its size (none when `b ≤ a`), at the average price
  ///   `F = P·(1 − s·(a + b)/2)`.
  /// * **Money.** The fund gains `s·q_f·(F − Pb)` (a loss of at most the budget left); the
  ///   unfilled `q − q_f` is closed by ADL at `Pb`, valued at the mark `P` as at market
  ///   close, so a position still above its bankruptcy price leaves no bad debt.
  ///
  /// Returns the round's total walk, `Σ (b − a)`, which moves the mark as a market-close
  /// order of the same filled notional would.
  ///
  /// - Complexity: O(r) for a round of `r` positions, plus ADL.
  static func settle(
    _ round: LiquidationRound, ladder: LiquidationLadder, simulator sim: FundSimulator,
    workspace ws: SimulationWorkspace, ledger: inout PathLedger
  ) -> Double {
    let k = round.market
    let mark = round.mark
    let depth = sim.depth[k]
    let s = ladder.side.sign
    var budget = sim.exchange.fund.takeoverSubsidy * ledger.fund.available(market: k)
    var walked = 0.0
    // Binance: the fund takes over no more than k × its balance in notional; the rest to ADL.
    var capacity = sim.exchange.fund.takeoverNotionalCap.map { $0 * max(0, ledger.fund.balance) } ?? .infinity
    for rung in round.batch(in: ws) {
      let whole = ladder.size[rung] * ws.remaining[ladder.stateOffset + rung]
      var pb = ladder.bankruptcyPrice[rung]
      if sim.reducesMargins {
        pb = ladder.bankruptcyPrice(rung, extraMargin: ws.extraMargin[ladder.stateOffset + rung])
      }
      ledger.liquidated(market: k, count: 1, notional: whole * mark)
      let q = capacity >= whole * mark ? whole : capacity / mark
      capacity -= q * mark
      guard q > 0 else {
        sim.deleverage(
          market: k, side: ladder.side, size: whole, bankruptcyPrice: pb, mark: mark, step: round.step,
          workspace: ws, ledger: &ledger)
        continue
      }
      let limit = pb - s * budget / q
      let toLimit = min(1, s * (mark - limit) / mark)
      let fullWalk = BookImpact.walk(size: q, price: mark, depth: depth)
      var filled = 0.0
      var end = walked
      if fullWalk == 0 {
        if toLimit >= walked { filled = q }  // a book without impact fills all at the mark
      } else if walked + fullWalk <= toLimit {
        filled = q
        end = walked + fullWalk
      } else if toLimit > walked {
        filled = q * (toLimit - walked) / fullWalk
        end = toLimit
      }
      if filled > 0 {
        let fill = mark * (1 - s * (walked + end) / 2)
        let gain = s * filled * (fill - pb)
        if gain >= 0 {
          ledger.fundReceives(gain, market: k)
        } else {
          ledger.fundPays(-gain, market: k)
          budget = max(0, budget + gain)
        }
        walked = end
      }
      if filled < whole {
        sim.deleverage(
          market: k, side: ladder.side, size: whole - filled, bankruptcyPrice: pb, mark: mark, step: round.step,
          workspace: ws, ledger: &ledger)
      }
    }
    return walked
  }
}
