import PricePaths

/// Margin and liquidity of one market (docs/MODEL.md, "A step" and "Cascade").
public struct MarketRules: Sendable, Equatable, Codable {
  /// Maintenance-margin rate `m`, a fraction of notional (0.005 = 0.5%).
  public var maintenanceMargin: Double
  /// Notional (margin currency) that moves the price by 1% on each side of a linear book.
  public var depth: Double
  /// Share of the remaining permanent impact that decays each step as the book refills.
  public var resilience: Double
  /// Share of a liquidation's price walk that stays in the mark price after the round
  /// (the rest recovers at once).
  public var permanentImpact: Double
  /// Largest leverage the venue allows; caps the synthetic book's leverage.
  public var maxLeverage: Double
  /// Tiers above `maintenanceMargin`, by notional floor ascending (``MarginTier``); empty: a
  /// flat rate.
  public var marginTiers: [MarginTier]
  /// Partial liquidation of large positions (``PartialLiquidation``); `nil`: a crossed
  /// position is liquidated whole.
  public var partialLiquidation: PartialLiquidation?
  /// Binance's margin reduction (``MarginReduction``); `nil`: no reduction.
  public var marginReduction: MarginReduction?

  public init(
    maintenanceMargin: Double, depth: Double, resilience: Double = 0.2, permanentImpact: Double = 0.5,
    maxLeverage: Double = 20, marginTiers: [MarginTier] = [], partialLiquidation: PartialLiquidation? = nil,
    marginReduction: MarginReduction? = nil
  ) {
    self.marginReduction = marginReduction
    self.marginTiers = marginTiers
    self.partialLiquidation = partialLiquidation
    self.maintenanceMargin = maintenanceMargin
    self.depth = depth
    self.resilience = resilience
    self.permanentImpact = permanentImpact
    self.maxLeverage = maxLeverage
  }

  /// A book with effectively no price impact (for comparisons with impact-free models).
  public static func withoutImpact(maintenanceMargin: Double) -> MarketRules {
    MarketRules(
      maintenanceMargin: maintenanceMargin, depth: .infinity, resilience: 1, permanentImpact: 0, maxLeverage: 100)
  }

  public func validate(index: Int) throws {
    guard maintenanceMargin.isFinite, maintenanceMargin > 0, maintenanceMargin < 1 else {
      throw MarketRuleError.maintenanceMargin(market: index, rate: maintenanceMargin)
    }
    guard depth > 0, !depth.isNaN else {
      throw MarketRuleError.depth(market: index, notional: depth)
    }
    guard resilience.isFinite, (0...1).contains(resilience) else {
      throw MarketRuleError.resilience(market: index, share: resilience)
    }
    guard permanentImpact.isFinite, (0...1).contains(permanentImpact) else {
      throw MarketRuleError.permanentImpact(market: index, share: permanentImpact)
    }
    guard maxLeverage.isFinite, maxLeverage >= 1 else {
      throw MarketRuleError.maxLeverage(market: index, leverage: maxLeverage)
    }
    var floor = 0.0
    var rate = maintenanceMargin
    for (n, tier) in marginTiers.enumerated() {
      guard tier.notionalFloor > floor, MoneyLimit.admits(tier.notionalFloor), tier.rate >= rate, tier.rate < 1 else {
        throw MarketRuleError.marginTier(market: index, tier: n, notionalFloor: tier.notionalFloor, rate: tier.rate)
      }
      floor = tier.notionalFloor
      rate = tier.rate
    }
    try partialLiquidation?.validate(market: index)
    try marginReduction?.validate(market: index)
  }
}

/// Which documented liquidation mechanic the waterfall follows (docs/MODEL.md, "Waterfall").
public enum WaterfallMechanic: String, Sendable, Equatable, Codable, CaseIterable {
  /// Close into the book; residual to fund and vault; shortfall paid by the fund (Defx).
  case marketClose = "market-close"
  /// Take over at the bankruptcy price; subsidised limit order; ADL for the rest (NomoEx).
  case takeover
}

/// The insurance fund and the waterfall parameters.
public struct FundRules: Sendable, Equatable, Codable {
  /// Initial fund balance in the margin currency.
  public var balance: Double
  public var waterfall: WaterfallMechanic
  /// Share of the liquidation penalty paid to the fund; the rest goes to the vault.
  public var fundShare: Double
  /// Optional cap on the penalty as a rate of fill notional (dYdX: 0.015).
  public var feeCap: Double?
  /// Takeover: the largest share of the fund balance above its floor that one round of
  /// takeovers (one market and side at one mark) may spend as subsidy.
  public var takeoverSubsidy: Double
  /// The fund is depleted when its balance is at or below this.
  public var depletionThreshold: Double
  /// The most the fund pays in one step over all markets (dYdX's per-block insurance-loss
  /// cap; ``OutflowCaps``), or `nil`.
  public var stepOutflowCap: Double?
  /// The most the fund pays for one market over the horizon (Drift's per-market insurance
  /// cap; ``OutflowCaps``), or `nil`.
  public var marketOutflowCap: Double?
  /// Takeover: the most notional one round may take over, as a multiple `k` of the fund's
  /// balance (Binance: 1); the rest goes to ADL. `nil`: no cap.
  public var takeoverNotionalCap: Double?
  /// Market close: the backstop vault that takes over positions gapped below a share of
  /// their maintenance margin before the book and the fund (``BackstopVault``), or `nil`.
  public var backstop: BackstopVault?
  /// Which markets share a fund (``FundScope``); each fund gets its share of ``balance``
  /// and ``depletionThreshold``.
  public var scope = FundScope.shared

  public init(
    balance: Double, waterfall: WaterfallMechanic = .marketClose, fundShare: Double = 1, feeCap: Double? = nil,
    takeoverSubsidy: Double = 0.25, depletionThreshold: Double = 0, stepOutflowCap: Double? = nil,
    marketOutflowCap: Double? = nil, takeoverNotionalCap: Double? = nil, backstop: BackstopVault? = nil
  ) {
    self.backstop = backstop
    self.stepOutflowCap = stepOutflowCap
    self.marketOutflowCap = marketOutflowCap
    self.takeoverNotionalCap = takeoverNotionalCap
    self.balance = balance
    self.waterfall = waterfall
    self.fundShare = fundShare
    self.feeCap = feeCap
    self.takeoverSubsidy = takeoverSubsidy
    self.depletionThreshold = depletionThreshold
  }

  public func validate() throws {
    guard balance.isFinite, balance >= 0 else {
      throw FundRuleError.balance(balance)
    }
    guard MoneyLimit.admits(balance) else {
      throw FundRuleError.balanceAboveLimit(balance)
    }
    guard fundShare.isFinite, (0...1).contains(fundShare) else {
      throw FundRuleError.fundShare(fundShare)
    }
    if let feeCap {
      guard feeCap.isFinite, feeCap >= 0 else {
        throw FundRuleError.feeCap(feeCap)
      }
    }
    guard takeoverSubsidy.isFinite, (0...1).contains(takeoverSubsidy) else {
      throw FundRuleError.takeoverSubsidy(takeoverSubsidy)
    }
    for (amount, cap) in [
      (FundAmount.stepOutflowCap, stepOutflowCap), (.marketOutflowCap, marketOutflowCap),
      (.takeoverNotionalCap, takeoverNotionalCap),
    ] {
      if let cap, !(cap >= 0 && MoneyLimit.admits(cap)) {
        throw FundRuleError.amount(amount, cap)
      }
    }
    try backstop?.validate()
    guard takeoverNotionalCap == nil || waterfall == .takeover else {
      throw FundRuleError.takeoverCapWithoutTakeover
    }
    guard backstop == nil || waterfall == .marketClose else {
      throw FundRuleError.backstopWithTakeover
    }
    guard MoneyLimit.admits(depletionThreshold), depletionThreshold <= balance else {
      throw FundRuleError.depletionThreshold(depletionThreshold, balance: balance)
    }
  }
}

/// How ADL picks the positions it closes (docs/MODEL.md, "ADL"); each ranking is a type of
/// its own (``ADLSelection``).
public enum ADLRanking: String, Sendable, Equatable, Codable, CaseIterable {
  /// Opposite positions by PnL% × effective leverage, highest first (BitMEX; Bybit, OKX):
  /// ``PnLLeverageScore``.
  case pnlLeverage = "pnl-leverage"
  /// All opposite positions in proportion to their size (Drift): ``ProRataSelection``.
  case proRata = "pro-rata"
  /// Binance's LeveragePnL, profit over wallet balance × margin ratio: ``BinanceScore``.
  case binance
  /// Hyperliquid's `(mark/entry) × (notional/account value)`: ``HyperliquidScore``.
  case hyperliquid
  /// dYdX v4's walk over opposite accounts from a random one: ``RandomWalkSelection``.
  case randomWalk = "random-walk"
  /// Pro-rata by size, no counterparty losing more than its profit: ``CappedProRataSelection``.
  case proRataCapped = "pro-rata-capped"
}

/// The price at which ADL closes counterparties (docs/MODEL.md, "ADL").
public enum ADLClosePrice: String, Sendable, Equatable, Codable, CaseIterable {
  /// The liquidated position's bankruptcy price (BitMEX, Binance, Bybit, dYdX): the
  /// counterparties absorb any loss past bankruptcy.
  case bankruptcy
  /// The mark (OKX; Hyperliquid closes at the previous mark): the fund settles the
  /// difference to the bankruptcy price as far as it holds above its floor, the
  /// counterparties the rest.
  case mark
}

/// Auto-deleveraging policy.
public struct ADLPolicy: Sendable, Equatable, Codable {
  public var ranking: ADLRanking
  /// Optional extra trigger (OKX/Bybit): the fund pays no further than `drawdownTrigger`
  /// (a fraction) below its highest balance within the last `drawdownWindowSteps` steps;
  /// the rest goes to ADL (``DrawdownFloor``).
  public var drawdownTrigger: Double?
  public var drawdownWindowSteps: Int
  public var closePrice: ADLClosePrice
  /// `random-walk`: the most opposite accounts one ADL event visits (dYdX's
  /// `MaxDeleveragingSubaccountsToIterate`, 500).
  public var randomWalkAccounts: Int

  public init(
    ranking: ADLRanking = .pnlLeverage, drawdownTrigger: Double? = nil, drawdownWindowSteps: Int = 480,
    closePrice: ADLClosePrice = .bankruptcy, randomWalkAccounts: Int = 500
  ) {
    self.ranking = ranking
    self.drawdownTrigger = drawdownTrigger
    self.drawdownWindowSteps = drawdownWindowSteps
    self.closePrice = closePrice
    self.randomWalkAccounts = randomWalkAccounts
  }
}
