import FundSimulation

/// The per-path quantities whose means the run reports, and where each comes from in a
/// ``PathOutcome``.
public enum PathQuantity: Int, Sendable, CaseIterable, Codable {
  case minFund, finalFund, fundLoss
  case liquidations, liquidatedNotional, shortfall, badDebt, fundInflow, vaultInflow
  case adlEvents, adlNotional, adlPositions, roundCapHits
  case adlOvershoot, adlHaircut
  case backstopPnL, backstopTakeovers

  /// The quantity on one path (`fundLoss = initialFund − finalFund`).
  @inlinable
  public func value(in outcome: PathOutcome, initialFund: Double) -> Double {
    switch self {
    case .minFund: outcome.minFund
    case .finalFund: outcome.finalFund
    case .fundLoss: outcome.fundLoss(initialFund: initialFund)
    case .liquidations: Double(outcome.liquidations)
    case .liquidatedNotional: outcome.liquidatedNotional
    case .shortfall: outcome.shortfall
    case .badDebt: outcome.badDebt
    case .fundInflow: outcome.fundInflow
    case .vaultInflow: outcome.vaultInflow
    case .adlEvents: Double(outcome.adlEvents)
    case .adlNotional: outcome.adlNotional
    case .adlPositions: Double(outcome.adlPositionsHit)
    case .roundCapHits: Double(outcome.roundCapHits)
    case .adlOvershoot: outcome.adlOvershoot
    case .adlHaircut: outcome.adlHaircut
    case .backstopPnL: outcome.backstopPnL
    case .backstopTakeovers: Double(outcome.backstopTakeovers)
    }
  }

  /// Whether the quantity can never be negative (counts and one-way money flows). Their
  /// normal-approximation intervals are clamped at 0 rather than reaching below it.
  public var isNonNegative: Bool {
    switch self {
    case .minFund, .finalFund, .fundLoss, .backstopPnL: false
    default: true
    }
  }

  /// The reference `K` of the shifted sums (``MeanAccumulator``): the initial fund for
  /// balances, zero for everything else.
  public func reference(initialFund: Double) -> Double {
    switch self {
    case .minFund, .finalFund: initialFund
    default: 0
    }
  }
}

/// The per-market quantities summed for attribution (`markets.csv`).
public enum MarketQuantity: Int, Sendable, CaseIterable, Codable {
  case liquidations, liquidatedNotional, shortfall, badDebt, fundInflow, vaultInflow
  case adlEvents, adlNotional, maxCascadeRounds

  @inlinable
  public func value(in market: MarketOutcome) -> Double {
    switch self {
    case .liquidations: Double(market.liquidations)
    case .liquidatedNotional: market.liquidatedNotional
    case .shortfall: market.shortfall
    case .badDebt: market.badDebt
    case .fundInflow: market.fundInflow
    case .vaultInflow: market.vaultInflow
    case .adlEvents: Double(market.adlEvents)
    case .adlNotional: market.adlNotional
    case .maxCascadeRounds: Double(market.maxCascadeRounds)
    }
  }
}
