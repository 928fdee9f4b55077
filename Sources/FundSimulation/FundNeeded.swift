/// The fund a path needed: the smallest initial balance at which it does not deplete the
/// fund (docs/MODEL.md, "The fund needed").
///
/// With the market-close waterfall and no drawdown trigger the fund's balance changes no
/// flow until the fund first fails to pay a shortfall in full: penalties, fills, ADL of an
/// unfillable book and the fund's intake of positions nobody takes are the same at every
/// balance. Run the path with a fund that pays every shortfall (threshold −∞) and let
/// `D = initial − lowest balance` be its largest cumulative net outflow. At an initial
/// balance `F` (≥ the threshold `θ`) the real fund pays a shortfall while
/// `F − D_after ≥ θ` (``InsuranceFund``: it pays when what it can pay covers the
/// shortfall) and counts as depleted at a balance at or below `θ`, so
///
///     depleted at F  ⇔  F ≤ θ + D  =: fund needed.
///
/// A shortfall the fund cannot pay goes to ADL, which is an ADL event when the opposite
/// side holds positions; when it holds none the fund takes the position and the book is
/// unchanged. So with `D_A` the largest `D_after` over the payments made while the opposite
/// side held positions (``PathOutcome/adlFundNeeded`` `= θ + D_A`),
///
///     ADL at F  ⇔  ADL without a limit  or  F < θ + D_A,
///
/// exact as long as the fund, once it has failed a payment that found no counterparty,
/// fails again at the same later payments as a fund starting at `F` without that failure
/// would (the failure leaves the book as it was but the balance lower; docs/MODEL.md). A
/// path the real fund never depleted ran exactly as without a limit, so its own lowest
/// balance gives `D`; a depleted path is run again without the limit.
///
/// With the takeover waterfall (the subsidy is a share of the balance) or a drawdown
/// trigger (ADL when the fund fell too far) the balance changes the flows, and the fund
/// needed is found by bisection over full runs instead (the `MonteCarlo` module).
extension FundSimulator {
  /// Whether a path's flows before depletion do not depend on the fund's balance, so the
  /// fund it needed follows from one run (market close, no drawdown trigger, the shared
  /// fund: with several funds the path needs a balance per fund, and the sizing scales
  /// them together, so it bisects instead).
  public var fundNeededFromOneRun: Bool {
    exchange.fund.waterfall == .marketClose && exchange.adl.drawdownTrigger == nil && exchange.fund.scope == .shared
  }

  /// The same simulator with a fund that pays every shortfall and never depletes.
  public func withoutLimit() -> FundSimulator {
    var copy = self
    copy.withoutFundLimit = true
    return copy
  }

  /// `threshold + initial − lowest balance` of an outcome of a fund without limit (or of a
  /// path the fund never depleted), `+ 0` so that a −0 prints as 0.
  public func fundNeeded(unlimited outcome: PathOutcome) -> Double {
    exchange.fund.depletionThreshold + (exchange.fund.balance - outcome.minFund) + 0
  }

  /// Simulates path `path` and fills in ``PathOutcome/fundNeeded`` when
  /// ``fundNeededFromOneRun``: from the outcome itself when the fund was not depleted,
  /// else by simulating the path again without the limit.
  ///
  /// - Complexity: one path, two for a depleted one.
  public func simulateWithFundNeeded(path: Int, workspace: SimulationWorkspace) -> PathOutcome {
    var outcome = simulate(path: path, workspace: workspace)
    guard fundNeededFromOneRun else { return outcome }
    if outcome.depleted {
      outcome.fundNeeded = fundNeeded(unlimited: withoutLimit().simulate(path: path, workspace: workspace))
    } else {
      outcome.fundNeeded = fundNeeded(unlimited: outcome)
    }
    return outcome
  }
}
