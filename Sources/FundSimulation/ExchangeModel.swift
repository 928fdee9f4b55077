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
  /// - Throws: ``ModelInputError`` naming the key (`positions[i]` for a position; the
  ///   positions-file reader reports file and line instead).
  public init(
    rules: [MarketRules], positions: [Position], fund: FundRules, adl: ADLPolicy = ADLPolicy(),
    cascadeRoundCap: Int = 100, initialPrices: [Double]
  ) throws {
    precondition(rules.count == initialPrices.count, "one rule set per market")
    for (i, rule) in rules.enumerated() { try rule.validate(index: i) }
    try fund.validate()
    try fund.scope.validate(markets: rules.count)
    try PartialLiquidation.validate(rules: rules, fund: fund)
    guard (1...100_000).contains(cascadeRoundCap) else {
      throw ModelInputError(
        key: "cascade_round_cap", problem: "is \(cascadeRoundCap)",
        fix: "give a cap between 1 and 100000 rounds")
    }
    if let trigger = adl.drawdownTrigger {
      guard trigger.isFinite, trigger > 0, trigger <= 1 else {
        throw ModelInputError(
          key: "adl.drawdown_trigger", problem: "is \(trigger)",
          fix: "give the fund drawdown that triggers ADL as a fraction in (0, 1], e.g. 0.3")
      }
      guard adl.drawdownWindowSteps >= 1 else {
        throw ModelInputError(
          key: "adl.drawdown_window_hours", problem: "is shorter than one step",
          fix: "give a window of at least one step")
      }
    }
    guard adl.randomWalkAccounts >= 1 else {
      throw ModelInputError(
        key: "adl.random_walk_accounts", problem: "is \(adl.randomWalkAccounts)",
        fix: "give the most opposite accounts one ADL event visits, 1 or more (dYdX: 500)")
    }
    for (i, position) in positions.enumerated() {
      guard position.market >= 0, position.market < rules.count else {
        throw ModelInputError(
          key: "positions[\(i)].market", problem: "is \(position.market)",
          fix: "use a market of the scenario")
      }
      if let (problem, fix) = position.validationProblem(
        initialPrice: initialPrices[position.market], rules: rules[position.market])
      {
        throw ModelInputError(key: "positions[\(i)]", problem: problem, fix: fix)
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
  public func validationProblem(initialPrice: Double, maintenanceMargin: Double) -> (problem: String, fix: String)? {
    validationProblem(initialPrice: initialPrice, rules: .withoutImpact(maintenanceMargin: maintenanceMargin))
  }

  /// Why this position cannot enter a simulation under a market's `rules` (its margin tiers
  /// included), or `nil` when it can.
  public func validationProblem(initialPrice: Double, rules: MarketRules) -> (problem: String, fix: String)? {
    guard size.isFinite, size > 0 else {
      return ("size is \(size)", "give a positive size in base units")
    }
    guard entryPrice.isFinite, entryPrice > 0 else {
      return ("entry_price is \(entryPrice)", "give a positive entry price")
    }
    guard margin.isFinite, margin > 0 else {
      return ("margin is \(margin)", "give a positive margin in the margin currency")
    }
    guard MoneyLimit.admits(margin), MoneyLimit.admits(entryNotional) else {
      return ("has notional \(entryNotional) and margin \(margin)", MoneyLimit.fix)
    }
    let pl = rules.liquidationPrice(of: self)
    let crossed = side == .long ? initialPrice <= pl : initialPrice >= pl
    if crossed {
      return (
        "\(side.name) is already past its liquidation price \(pl) at the initial price \(initialPrice)",
        "raise its margin or remove it: the exchange would have liquidated it before the run"
      )
    }
    return nil
  }
}
