import PricePaths
import RealModule

/// Partial liquidation (Hyperliquid; docs/MODEL.md, "Partial liquidation"): a crossed
/// position whose notional at the mark exceeds `above` first has only the share `share` of
/// its size closed into the book, with the same share of its margin (so its bankruptcy and
/// liquidation prices do not move); after `cooldownSeconds` the rest is closed whole if the
/// mark still crosses its liquidation price.
///
/// Source: https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations (read
/// 2026-12): 20% of a position above 100 000 USDC of notional, then a 30 s cooldown.
public struct PartialLiquidation: Sendable, Equatable, Codable {
  /// Share of the position's size closed first, in (0, 1).
  public var share: Double
  /// Notional at the mark (margin currency) above which a position is liquidated partially.
  public var above: Double
  /// Wait before the rest may be closed.
  public var cooldownSeconds: Double

  public init(share: Double, above: Double, cooldownSeconds: Double) {
    self.share = share
    self.above = above
    self.cooldownSeconds = cooldownSeconds
  }

  /// Hyperliquid's rule: 20% above 100 000 USDC, 30 s cooldown.
  public static let hyperliquid = PartialLiquidation(share: 0.2, above: 1.0e5, cooldownSeconds: 30)

  /// The cooldown in whole steps: `max(1, ⌈cooldown / step⌉)`. A partial close in step `t`
  /// lets the rest be closed from step `t + cooldownSteps`.
  public func cooldownSteps(stepSeconds: Double) -> Int {
    max(1, Int(min(1e9, (cooldownSeconds / stepSeconds).rounded(.up))))
  }

  func validate(market k: Int) throws {
    guard share.isFinite, share > 0, share < 1 else { throw MarketRuleError.partialShare(market: k, share: share) }
    guard above.isFinite, above >= 0 else { throw MarketRuleError.partialAbove(market: k, notional: above) }
    guard cooldownSeconds.isFinite, cooldownSeconds >= 0 else {
      throw MarketRuleError.partialCooldown(market: k, seconds: cooldownSeconds)
    }
  }
}

extension PartialLiquidation {
  /// Partial liquidation is modelled under market close only: takeover takes a position at
  /// its bankruptcy price whole. With a backstop vault it follows Hyperliquid's order
  /// (docs/MODEL.md, "Partial liquidation"): the vault takes whole positions.
  static func validate(rules: [MarketRules], fund: FundRules) throws {
    guard let k = rules.firstIndex(where: { $0.partialLiquidation != nil }) else { return }
    guard fund.waterfall == .marketClose else { throw MarketRuleError.partialUnderTakeover(market: k) }
  }
}

extension FundSimulator {
  /// ``liquidateCrossed(market:side:step:workspace:ledger:)`` for a market with partial
  /// liquidation. Walks the crossed rungs from the cursor: a rung with nothing left is
  /// skipped, a rung in its cooldown is skipped and kept open, a rung never partially
  /// liquidated whose notional at the mark exceeds `above` has `share` of what is left closed,
  /// every other crossed rung is closed whole. With a backstop vault, a rung the vault would
  /// take (equity below `share × MM`: ``BackstopVault``) is never sliced and never waits for
  /// its cooldown: it goes whole to the round, whose settlement hands it to the vault
  /// (Hyperliquid: the book liquidates, partially for large positions; the liquidator vault
  /// takes over what falls below 2/3 of the maintenance margin). The cursor stops at the
  /// first rung left open, so the ladder's order never changes (liquidation prices do not
  /// move); rungs past it closed whole are marked empty. Rounds are settled position by
  /// position (never from prefix sums).
  ///
  /// - Complexity: O(r) for `r` crossed rungs from the cursor, plus the settlement.
  func liquidateCrossedPartially(
    market k: Int, side: Side, step: Int, rule: PartialLiquidation, workspace ws: SimulationWorkspace,
    ledger: inout PathLedger
  ) -> Bool {
    let ladder = ws.ladders.ladder(market: k, side: side)
    let logMark = ws.path.logPrices[step * marketCount + k] + ws.impact[k]
    let mark = Double.exp(logMark)
    let vault = exchange.fund.backstop
    var cursor = side == .long ? ws.longCursor[k] : ws.shortCursor[k]
    var firstOpen = -1
    // Partial liquidations (state offset, share left) in the workspace's reduction scratch,
    // and rungs closed whole (or taken by the vault) behind a rung left open.
    var partials = 0
    var behind = 0
    ws.batchCount = 0
    while cursor < ladder.count && ladder.isCrossed(cursor, logMark: logMark) {
      let i = ladder.stateOffset + cursor
      let left = ws.remaining[i]
      if left > 0 {
        let q = ladder.size[cursor] * left
        let toVault =
          vault?.takesOver(
            equity: ladder.side.sign * q * (mark - ladder.bankruptcyPrice[cursor]), size: q, mark: mark,
            margins: ladder.margins) ?? false
        if ws.cooldownEnd[i] > step && !toVault {
          if firstOpen < 0 { firstOpen = cursor }
        } else {
          ws.batch[ws.batchCount] = cursor
          ws.batchCount += 1
          if !toVault && ws.cooldownEnd[i] == 0 && q * mark > rule.above {
            // Settled as a position of the closed share's size and margin.
            ws.setRemaining(i, left * rule.share)
            ws.reductionRung[partials] = i
            ws.reductionShare[partials] = left * (1 - rule.share)
            partials += 1
            if firstOpen < 0 { firstOpen = cursor }
          } else if firstOpen >= 0 {
            ws.closedBehind[behind] = i
            behind += 1
          }
        }
      }
      cursor += 1
    }
    if firstOpen >= 0 { cursor = firstOpen }
    moveCursor(market: k, side: side, to: cursor, ladder: ladder, workspace: ws)
    guard ws.batchCount > 0 else { return false }
    if !fundOfMarket.isEmpty { ledger.useFund(fundOfMarket[k]) }
    noteCounterparties(market: k, side: side, workspace: ws, ledger: &ledger)
    let round = LiquidationRound(market: k, mark: mark, step: step, wholeRungs: nil)
    let walk = MarketClose.settle(round, ladder: ladder, simulator: self, workspace: ws, ledger: &ledger)
    // Rungs closed whole behind a rung left open stay inside the scanned range: empty them.
    for n in 0..<behind { ws.setRemaining(ws.closedBehind[n], 0) }
    let steps = partialCooldownSteps[k]
    for n in 0..<partials {
      let i = ws.reductionRung[n]
      ws.remaining[i] = ws.reductionShare[n]
      ws.cooldownEnd[i] = step + steps
    }
    keepPermanentImpact(of: walk, market: k, side: side, workspace: ws)
    return true
  }
}
