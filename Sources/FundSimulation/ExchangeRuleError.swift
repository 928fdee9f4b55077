/// A market's margin or liquidity rule outside its domain (``MarketRules/validate(index:)``).
///
/// Each case carries the market's index and the value found; ``description`` speaks the
/// domain. A reader of a file format maps the case to its own key and wording.
public enum MarketRuleError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The maintenance-margin rate is not a fraction in (0, 1).
  case maintenanceMargin(market: Int, rate: Double)
  /// The depth (notional that moves the price by 1%) is not positive.
  case depth(market: Int, notional: Double)
  /// The share of impact that decays per step is not in [0, 1].
  case resilience(market: Int, share: Double)
  /// The share of a liquidation's walk that stays in the mark is not in [0, 1].
  case permanentImpact(market: Int, share: Double)
  /// The largest leverage allowed is below 1 or not finite.
  case maxLeverage(market: Int, leverage: Double)
  /// A margin tier whose notional floor or rate does not rise (or whose rate reaches 1).
  case marginTier(market: Int, tier: Int, notionalFloor: Double, rate: Double)
  /// Partial liquidation's share is not in (0, 1).
  case partialShare(market: Int, share: Double)
  /// Partial liquidation's notional threshold is negative or not finite.
  case partialAbove(market: Int, notional: Double)
  /// Partial liquidation's cooldown is negative or not finite.
  case partialCooldown(market: Int, seconds: Double)
  /// Partial liquidation under the takeover mechanic, which takes positions whole.
  case partialUnderTakeover(market: Int)
  /// Margin reduction's liquidation fee is not a rate in [0, 1).
  case reductionFee(market: Int, rate: Double)
  /// Margin reduction's notional threshold is negative or not finite.
  case reductionAbove(market: Int, notional: Double)
  /// Margin reduction with the backstop vault, which takes over positions whole.
  case reductionWithBackstop(market: Int)
  /// Margin reduction and the slice rule on one market.
  case reductionWithSlice(market: Int)

  /// The index of the market the rule belongs to.
  public var market: Int {
    switch self {
    case .maintenanceMargin(let k, _), .depth(let k, _), .resilience(let k, _), .permanentImpact(let k, _),
      .maxLeverage(let k, _), .marginTier(let k, _, _, _), .partialShare(let k, _), .partialAbove(let k, _),
      .partialCooldown(let k, _), .partialUnderTakeover(let k), .reductionFee(let k, _),
      .reductionAbove(let k, _),
      .reductionWithBackstop(let k), .reductionWithSlice(let k):
      return k
    }
  }

  public var description: String {
    switch self {
    case .maintenanceMargin(let k, let rate):
      return "the maintenance-margin rate of market \(k) is \(rate); give a fraction in (0, 1)"
    case .depth(let k, let notional):
      return "the depth of market \(k) is \(notional); give a positive notional"
    case .resilience(let k, let share):
      return "the resilience of market \(k) is \(share); give a share in [0, 1]"
    case .permanentImpact(let k, let share):
      return "the permanent impact of market \(k) is \(share); give a share in [0, 1]"
    case .maxLeverage(let k, let leverage):
      return "the largest leverage of market \(k) is \(leverage); give 1 or more"
    case .marginTier(let k, let n, let floor, let rate):
      return "margin tier \(n) of market \(k) starts at notional \(floor) with rate \(rate); "
        + "give rising floors above 0 and rising rates from the maintenance-margin rate, below 1"
    case .partialShare(let k, let share):
      return "the share market \(k) liquidates partially is \(share); give a share in (0, 1)"
    case .partialAbove(let k, let notional):
      return "the notional above which market \(k) liquidates partially is \(notional); give 0 or more"
    case .partialCooldown(let k, let seconds):
      return "the partial-liquidation cooldown of market \(k) is \(seconds) s; give 0 or more"
    case .partialUnderTakeover(let k):
      return "market \(k) liquidates partially under takeover, which takes positions whole; use market close"
    case .reductionFee(let k, let rate):
      return "the margin-reduction fee of market \(k) is \(rate); give a rate in [0, 1)"
    case .reductionAbove(let k, let notional):
      return "the notional above which market \(k) reduces positions is \(notional); give 0 or more"
    case .reductionWithBackstop(let k):
      return "market \(k) reduces positions with a backstop vault, which takes over positions whole"
    case .reductionWithSlice(let k):
      return "market \(k) has both partial-liquidation rules; give one"
    }
  }
}

/// An amount of the fund's rules that an ``FundRuleError`` can name.
public enum FundAmount: String, Sendable, Equatable, CaseIterable {
  case stepOutflowCap = "outflow cap per step"
  case marketOutflowCap = "outflow cap per market"
  case takeoverNotionalCap = "takeover notional cap"
  case backstopCapital = "backstop vault's capital"
  case backstopLossCap = "backstop vault's loss cap"
}

/// The insurance fund's rules outside their domain (``FundRules/validate()``,
/// ``BackstopVault/validate()``, ``FundScope/validate(markets:)``).
public enum FundRuleError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The initial balance is negative or not a number.
  case balance(Double)
  /// The initial balance is above ``MoneyLimit/largest``.
  case balanceAboveLimit(Double)
  /// The fund's share of the penalty is not in [0, 1].
  case fundShare(Double)
  /// The fee cap is negative or not finite.
  case feeCap(Double)
  /// The share of the fund one round of takeovers may use is not in [0, 1].
  case takeoverSubsidy(Double)
  /// A cap or capital that is negative or above ``MoneyLimit/largest``.
  case amount(FundAmount, Double)
  /// A takeover notional cap with the market-close waterfall, which takes over nothing.
  case takeoverCapWithoutTakeover
  /// A backstop vault with the takeover waterfall.
  case backstopWithTakeover
  /// A depletion threshold above the initial balance or below -``MoneyLimit/largest``.
  case depletionThreshold(Double, balance: Double)
  /// The backstop vault's share of the maintenance margin is not in (0, 1].
  case backstopShare(Double)
  /// A fund group's share of the balance is not positive.
  case groupShare(group: Int, share: Double)
  /// A fund group covers no market.
  case groupWithoutMarkets(group: Int)
  /// A fund group names a market the exchange does not have.
  case groupMarketUnknown(group: Int, market: Int, markets: Int)
  /// A market is in two fund groups.
  case groupMarketTwice(group: Int, market: Int, firstGroup: Int)
  /// A market is in no fund group.
  case marketWithoutFund(market: Int)
  /// The groups' shares of the balance do not sum to 1.
  case groupSharesSum(Double)

  public var description: String {
    switch self {
    case .balance(let x): return "the fund balance is \(x); give a non-negative amount"
    case .balanceAboveLimit(let x): return "the fund balance is \(x); give at most \(MoneyLimit.largest)"
    case .fundShare(let x): return "the fund's share of the penalty is \(x); give a share in [0, 1]"
    case .feeCap(let x): return "the fee cap is \(x); give a non-negative rate"
    case .takeoverSubsidy(let x): return "the takeover subsidy is \(x); give a share in [0, 1]"
    case .amount(let what, let x): return "the \(what.rawValue) is \(x); give a non-negative amount, at most 1.0e18"
    case .takeoverCapWithoutTakeover: return "a takeover notional cap is set with the market-close waterfall"
    case .backstopWithTakeover: return "a backstop vault is set with the takeover waterfall"
    case .depletionThreshold(let x, let balance):
      return "the depletion threshold is \(x) with balance \(balance); give at most the balance, at least -1.0e18"
    case .backstopShare(let x): return "the backstop vault's share of maintenance margin is \(x); give (0, 1]"
    case .groupShare(let g, let x): return "fund group \(g) has share \(x); give a positive share"
    case .groupWithoutMarkets(let g): return "fund group \(g) covers no market"
    case .groupMarketUnknown(let g, let k, let n): return "fund group \(g) names market \(k) of \(n)"
    case .groupMarketTwice(let g, let k, let first): return "fund groups \(first) and \(g) both cover market \(k)"
    case .marketWithoutFund(let k): return "market \(k) is in no fund group"
    case .groupSharesSum(let x): return "the fund groups' shares sum to \(x); make them sum to 1"
    }
  }
}

/// The auto-deleveraging policy outside its domain (``ExchangeModel/init``).
public enum ADLPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The fund drawdown that triggers ADL is not a fraction in (0, 1].
  case drawdownTrigger(Double)
  /// The drawdown window is shorter than one step.
  case drawdownWindowBelowOneStep
  /// The most opposite accounts one random-walk event visits is below 1.
  case randomWalkAccounts(Int)

  public var description: String {
    switch self {
    case .drawdownTrigger(let x): return "the ADL drawdown trigger is \(x); give a fraction in (0, 1]"
    case .drawdownWindowBelowOneStep: return "the ADL drawdown window is shorter than one step"
    case .randomWalkAccounts(let n): return "the random-walk ADL visits at most \(n) accounts; give 1 or more"
    }
  }
}

/// The exchange's assembly outside its domain (``ExchangeModel/init``).
public enum ExchangeModelError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The cap on cascade rounds per step is outside 1...100 000.
  case cascadeRoundCap(Int)
  /// A position names a market the exchange does not have.
  case positionMarket(position: Int, market: Int)
  /// A position that cannot enter the simulation, with its index.
  case position(Int, PositionError)

  public var description: String {
    switch self {
    case .cascadeRoundCap(let n): return "the cascade round cap is \(n); give 1 to 100000 rounds"
    case .positionMarket(let i, let k): return "position \(i) names market \(k), which the exchange does not have"
    case .position(let i, let error): return "position \(i): \(error)"
    }
  }
}
