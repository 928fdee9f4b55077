/// One waterfall mechanic: how a round of crossed positions is settled between the book,
/// the fund, the vault and ADL (docs/MODEL.md, "Waterfall, market close" and "Waterfall,
/// takeover").
///
/// A mechanic is a caseless enum with one file of its own (``MarketClose``, ``Takeover``);
/// the cascade picks one with a `switch` over ``WaterfallMechanic`` and calls its static
/// ``settle(_:ladder:simulator:workspace:ledger:)`` directly, so nothing in the step loop goes
/// through an existential or a witness table. A new mechanic is a new file, a new
/// ``WaterfallMechanic`` case and one arm in ``FundSimulator/liquidateCrossed``.
///
/// A mechanic decides amounts only: every flow goes through the ``PathLedger``, and a
/// share it cannot place goes to ``FundSimulator/deleverage(_:workspace:ledger:)``.
protocol WaterfallSettlement {
  /// Settles `round`, posting every flow to `ledger`, and returns the walk of the notional
  /// the book filled (a fraction of the mark), which moves the mark.
  static func settle(
    _ round: LiquidationRound, ladder: LiquidationLadder, simulator: FundSimulator, workspace: SimulationWorkspace,
    ledger: inout PathLedger
  ) -> Double
}

/// The positions of one market and side crossed at one mark in one cascade round. Its
/// ladder is passed beside it, borrowed: a ladder stored in the round costs a retain and a
/// release per round (1% of the peer workload's instructions).
struct LiquidationRound {
  let market: Int
  let mark: Double
  let step: Int
  /// The crossed rungs when every rung of the path is still whole (no ADL yet): one
  /// contiguous run, and the workspace's batch is not filled. `nil`: the batch holds the
  /// round's rungs with something left.
  let wholeRungs: Range<Int>?

  /// The round's rungs in the workspace's batch, filling it from ``wholeRungs`` first.
  ///
  /// - Complexity: O(r) for `r` rungs.
  func batch(in ws: SimulationWorkspace) -> UnsafeBufferPointer<Int> {
    if let rungs = wholeRungs {
      for rung in rungs { ws.batch[rung - rungs.lowerBound] = rung }
      ws.batchCount = rungs.count
    }
    return UnsafeBufferPointer(start: ws.batch, count: ws.batchCount)
  }
}
