import PricePaths

/// The backstop vault (Hyperliquid's liquidator vault; Deribit's and Coinbase
/// International's backstop providers): a position whose equity at the mark has fallen below
/// `share × MM` is taken over by the vault before the book and the fund see it.
///
/// Hyperliquid: "If the account equity drops below 2/3 of the maintenance margin without a
/// successful liquidation through market orders on the book, a backstop liquidation happens
/// through the liquidator vault … the maintenance margin is not returned to the user"
/// (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations, read 2026-12). After
/// JELLY (26 Mar 2025) Hyperliquid capped the liquidator vault and announced that "ADL will be
/// triggered if the Liquidator loses above a certain threshold" (announcement, 2025-03-26).
///
/// Model (docs/MODEL.md, "Backstop vault"): a crossed position of a market-close round whose
/// equity `e = s·q·(P − Pb)` at the mark is below `share × MM(q·P)` — the mark gapped past the
/// point where the book would have liquidated it — goes to the vault, which takes it at the
/// mark with all its equity: the vault's P&L is `e` (a gain while the position is above
/// bankruptcy, a loss past it), the trader keeps nothing, the book is not walked. Once the
/// vault's losses on the path reach `min(loss_cap, capital)` it takes no more loss: the share
/// of a position it cannot absorb goes to ADL at `Pb`.
public struct BackstopVault: Sendable, Equatable, Codable {
  /// The share of the maintenance margin below which the vault takes over (Hyperliquid: 2/3).
  public var share: Double
  /// The vault's capital: the most it can lose on a path.
  public var capital: Double
  /// The loss at which the vault stops and ADL takes over (at most `capital`).
  public var lossCap: Double

  public init(share: Double = 2.0 / 3, capital: Double, lossCap: Double? = nil) {
    self.share = share
    self.capital = capital
    self.lossCap = lossCap ?? capital
  }

  /// Whether the vault takes over a position of size `size` whose equity at `mark` is
  /// `equity`: `equity < share × MM(size·mark)`.
  @inline(__always)
  func takesOver(equity: Double, size: Double, mark: Double, margins: MarginSchedule) -> Bool {
    equity < share * margins.maintenanceMargin(notional: size * mark)
  }

  /// The most the vault may still lose after losing `lost`.
  @inline(__always)
  func room(lost: Double) -> Double { max(0, min(lossCap, capital) - lost) }

  public func validate() throws {
    guard share.isFinite, share > 0, share <= 1 else {
      throw FundRuleError.backstopShare(share)
    }
    for (amount, value) in [(FundAmount.backstopCapital, capital), (.backstopLossCap, lossCap)] {
      guard value >= 0, MoneyLimit.admits(value) else {
        throw FundRuleError.amount(amount, value)
      }
    }
  }
}

extension MarketClose {
  /// Hands the round's positions below the vault's threshold to the vault (and what it
  /// cannot absorb to ADL), removing them from the batch; the rest go to the book.
  ///
  /// - Complexity: O(r) for `r` positions, plus ADL.
  static func backstop(
    _ vault: BackstopVault, round: LiquidationRound, ladder: LiquidationLadder, simulator sim: FundSimulator,
    workspace ws: SimulationWorkspace, ledger: inout PathLedger
  ) {
    let k = round.market
    let mark = round.mark
    let s = ladder.side.sign
    var kept = 0
    for i in 0..<ws.batchCount {
      let rung = ws.batch[i]
      let q = ladder.size[rung] * ws.remaining[ladder.stateOffset + rung]
      let pb = ladder.bankruptcyPrice[rung]
      let equity = s * q * (mark - pb)
      guard vault.takesOver(equity: equity, size: q, mark: mark, margins: ladder.margins) else {
        ws.batch[kept] = rung
        kept += 1
        continue
      }
      ledger.liquidated(market: k, count: 1, notional: q * mark)
      // The share whose loss the vault can still absorb; all of it when the vault gains.
      let room = vault.room(lost: ledger.outcome.backstopLoss)
      let absorbed = equity >= 0 || -equity <= room ? 1 : room / -equity
      if absorbed > 0 { ledger.backstopTakesOver(equity: absorbed * equity, market: k) }
      if absorbed < 1 {
        sim.deleverage(
          market: k, side: ladder.side, size: (1 - absorbed) * q, bankruptcyPrice: pb, mark: mark, step: round.step,
          workspace: ws, ledger: &ledger)
      }
    }
    ws.batchCount = kept
  }
}
