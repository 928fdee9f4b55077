import PricePaths

/// Everything the fund simulation needs besides the price paths: each market's margin and
/// liquidity rules, the position book, the insurance fund and the ADL policy.
public struct ExchangeModel: Sendable {
  /// Per-market rules, in the market order of the ``PathModel``.
  public let rules: [MarketRules]
  public let positions: [Position]
  public let fund: FundRules
  public let adl: ADLPolicy
  /// Largest number of cascade rounds in one market and step; hits are counted.
  public let cascadeRoundCap: Int

  /// Validates the parts against each other and against the initial prices.
  ///
  /// - Throws: ``MarketRuleError``, ``FundRuleError``, ``ADLPolicyError`` or
  ///   ``ExchangeModelError`` (a position's ``PositionError`` with its index).
  public init(
    rules: [MarketRules], positions: [Position], fund: FundRules, adl: ADLPolicy = ADLPolicy(),
    cascadeRoundCap: Int = 100, initialPrices: [Double]
  ) throws {
    precondition(rules.count == initialPrices.count, "one rule set per market")
    for (i, rule) in rules.enumerated() { try rule.validate(index: i) }
    try fund.validate()
    try fund.scope.validate(markets: rules.count)
    try PartialLiquidation.validate(rules: rules, fund: fund)
    try MarginReduction.validate(rules: rules, fund: fund)
    guard (1...100_000).contains(cascadeRoundCap) else {
      throw ExchangeModelError.cascadeRoundCap(cascadeRoundCap)
    }
    if let trigger = adl.drawdownTrigger {
      guard trigger.isFinite, trigger > 0, trigger <= 1 else {
        throw ADLPolicyError.drawdownTrigger(trigger)
      }
      guard adl.drawdownWindowSteps >= 1 else {
        throw ADLPolicyError.drawdownWindowBelowOneStep
      }
    }
    guard adl.randomWalkAccounts >= 1 else {
      throw ADLPolicyError.randomWalkAccounts(adl.randomWalkAccounts)
    }
    for (i, position) in positions.enumerated() {
      guard position.market >= 0, position.market < rules.count else {
        throw ExchangeModelError.positionMarket(position: i, market: position.market)
      }
      if let problem = position.validationProblem(
        initialPrice: initialPrices[position.market], rules: rules[position.market])
      {
        throw ExchangeModelError.position(i, problem)
      }
    }
    self.rules = rules
    self.positions = positions
    self.fund = fund
    self.adl = adl
    self.cascadeRoundCap = cascadeRoundCap
  }
}

extension Position {
  /// Why this position cannot enter a simulation, or `nil` when it can.
  ///
  /// Refused: a size, entry price or margin that is not positive and finite, a notional
  /// (`q·E`) or margin above ``MoneyLimit/largest``, and a position
  /// already at or past its liquidation price at the initial price (the exchange would have
  /// liquidated it before the run starts, so simulating it would book a loss that does not
  /// belong to the horizon).
  public func validationProblem(initialPrice: Double, maintenanceMargin: Double) -> PositionError? {
    validationProblem(initialPrice: initialPrice, rules: .withoutImpact(maintenanceMargin: maintenanceMargin))
  }

  /// Why this position cannot enter a simulation under a market's `rules` (its margin tiers
  /// included), or `nil` when it can.
  public func validationProblem(initialPrice: Double, rules: MarketRules) -> PositionError? {
    guard size.isFinite, size > 0 else {
      return .size(size)
    }
    guard entryPrice.isFinite, entryPrice > 0 else {
      return .entryPrice(entryPrice)
    }
    guard margin.isFinite, margin > 0 else {
      return .margin(margin)
    }
    guard MoneyLimit.admits(margin), MoneyLimit.admits(entryNotional) else {
      return .aboveMoneyLimit(notional: entryNotional, margin: margin)
    }
    let pl = rules.liquidationPrice(of: self)
    let crossed = side == .long ? initialPrice <= pl : initialPrice >= pl
    if crossed {
      return .pastLiquidation(side: side, liquidationPrice: pl, initialPrice: initialPrice)
    }
    return nil
  }
}
