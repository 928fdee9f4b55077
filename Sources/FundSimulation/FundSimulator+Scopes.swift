/// The funds of a ``FundScope`` other than shared, and what happened to each on a path
/// (docs/MODEL.md, "Fund scopes").
extension FundSimulator {
  /// One ``InsuranceFund`` per fund of the scope, in fund order: fund `g` starts with
  /// `share_g × balance` and is depleted at or below `share_g × threshold`; each has its own
  /// drawdown trigger (its own peak) and its own outflow caps.
  func makeScopedFunds() -> [InsuranceFund] {
    let rules = exchange.fund
    return fundGroups.map { group in
      var fund = InsuranceFund(
        balance: group.share * rules.balance,
        threshold: withoutFundLimit ? -.infinity : group.share * rules.depletionThreshold,
        drawdownTrigger: exchange.adl.drawdownTrigger, drawdownWindow: exchange.adl.drawdownWindowSteps)
      fund.capOutflows(perStep: rules.stepOutflowCap, perMarket: rules.marketOutflowCap, markets: marketCount)
      return fund
    }
  }

  /// The outcome of a path under a scope other than shared: each fund's record in
  /// ``PathOutcome/funds``, and the path's totals over the funds — the final balance is
  /// their sum, the lowest balance the sum of each fund's lowest (funds are not fungible:
  /// one fund's inflow does not offset another's drawdown), the depletion step the first
  /// at which any fund was depleted.
  ///
  /// - Complexity: O(funds + markets).
  func scopedOutcome(_ ledger: inout PathLedger) -> PathOutcome {
    ledger.parkActiveFund()
    var outcome = ledger.outcome
    var minimum = 0.0
    var final = 0.0
    var depletion: Int?
    outcome.funds = zip(ledger.funds, fundGroups).map { fund, group in
      minimum += fund.minimum
      final += fund.balance
      if let step = fund.depletionStep { depletion = min(depletion ?? step, step) }
      var shortfall = 0.0
      for k in group.markets { shortfall += outcome.markets[k].shortfall }
      return FundOutcome(
        markets: group.markets, initial: fund.initial, minimum: fund.minimum, final: fund.balance,
        depletionStep: fund.depletionStep,
        shortfall: shortfall)
    }
    outcome.minFund = minimum
    outcome.finalFund = final
    outcome.depletionStep = depletion
    if withoutFundLimit {
      // Not used: the fund needed of a scope other than shared comes from bisection.
      outcome.adlFundNeeded = nil
    }
    return outcome
  }
}
