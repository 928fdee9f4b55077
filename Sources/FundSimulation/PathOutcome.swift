/// What happened to the fund and the book on one simulated path (issue 3, item 6).
///
/// Money is in the margin currency. Every amount is non-negative unless stated.
public struct PathOutcome: Sendable, Equatable {
  /// The path index (its random-stream key).
  public var path: Int
  /// Lowest fund balance over the path, the initial balance included.
  public var minFund: Double
  public var finalFund: Double
  /// First step at which the balance was at or below the depletion threshold (0 when the
  /// fund starts there); `nil` when never depleted.
  public var depletionStep: Int?
  /// Positions liquidated (each counted once, whatever closed it).
  public var liquidations: Int
  /// Size × mark price of the liquidated positions at the moment they were liquidated.
  public var liquidatedNotional: Double
  /// Losses beyond the bankruptcy price paid by the fund (market close) or subsidy spent
  /// (takeover).
  public var shortfall: Double
  /// Losses beyond the bankruptcy price the fund did not pay: absorbed by ADL
  /// counterparties (closed at the bankruptcy price rather than the mark).
  public var badDebt: Double
  /// Penalties (market close) or takeover profits paid into the fund.
  public var fundInflow: Double
  /// Penalties paid to the market-making vault.
  public var vaultInflow: Double
  /// Liquidations that needed ADL (each counted once, however many positions it hit).
  public var adlEvents: Int
  /// Size × bankruptcy price closed by ADL.
  public var adlNotional: Double
  /// Counterparty positions reduced or closed by ADL.
  public var adlPositionsHit: Int
  /// Deepest liquidation cascade in any market and step (rounds).
  public var maxCascadeRounds: Int
  /// Steps in which a market's cascade hit the round cap.
  public var roundCapHits: Int
  /// Per-market breakdown, in market order.
  public var markets: [MarketOutcome]
  /// Fund balance at each step of the run's ``CheckpointSchedule``.
  public var checkpoints: [Double]
  /// Ledger for the conservation check: equity the liquidated traders gave up, valued at
  /// the book fill for what the book filled and at the mark for what ADL closed.
  public var traderLoss: Double
  /// What ADL counterparties gained against the mark by closing at the bankruptcy price
  /// (negative when the liquidated position was past bankruptcy).
  public var adlCounterpartyGain: Double
  /// The smallest initial fund balance at which this path would not deplete the fund
  /// (``FundNeeded``), when the run can tell; `nil` otherwise.
  public var fundNeeded: Double?
  /// In a run without fund limit (``FundNeeded``): the balance below which the fund would
  /// fail a shortfall that could go to ADL counterparties (−∞ when there is none).
  public var adlFundNeeded: Double?
  /// Notional (size × mark) ADL closed beyond the equity its events had to take from the
  /// counterparties: `Σ max(0, x·P − x·c)` over events closing `x` units that each give up
  /// `c` against the mark (docs/MODEL.md, "ADL"). ADL closes contracts; an equity haircut
  /// would have taken `x·c` and closed nothing.
  public var adlOvershoot: Double
  /// Unrealised profit ADL took from its counterparties: `Σ x_j·min(c, max(0, profit_j))`
  /// over the counterparties hit, with `profit_j` a unit's profit at the mark; equity taken
  /// beyond a counterparty's profit came out of its margin and is not counted.
  public var adlHaircut: Double
  /// The backstop vault's P&L: the equity at the mark of the positions it took over
  /// (``BackstopVault``); negative when it lost.
  public var backstopPnL: Double
  /// The vault's losses alone (what counts against its loss cap).
  public var backstopLoss: Double
  /// Positions (or shares of them) the backstop vault took over.
  public var backstopTakeovers: Int
  /// Under a ``FundScope`` other than shared, each fund's record, in fund order; empty
  /// for the one shared fund (whose record is the path's own).
  public var funds: [FundOutcome] = []

  public init(path: Int, initialFund: Double, markets: Int, checkpoints: Int) {
    self.path = path
    minFund = initialFund
    finalFund = initialFund
    depletionStep = nil
    liquidations = 0
    liquidatedNotional = 0
    shortfall = 0
    badDebt = 0
    fundInflow = 0
    vaultInflow = 0
    adlEvents = 0
    adlNotional = 0
    adlPositionsHit = 0
    maxCascadeRounds = 0
    roundCapHits = 0
    self.markets = Array(repeating: MarketOutcome(), count: markets)
    self.checkpoints = Array(repeating: initialFund, count: checkpoints)
    traderLoss = 0
    adlCounterpartyGain = 0
    fundNeeded = nil
    adlFundNeeded = nil
    adlOvershoot = 0
    adlHaircut = 0
    backstopPnL = 0
    backstopLoss = 0
    backstopTakeovers = 0
  }

  public var depleted: Bool { depletionStep != nil }
  /// Initial minus final balance: positive when the fund lost money.
  public func fundLoss(initialFund: Double) -> Double { initialFund - finalFund }
}

/// One fund's record on a path, under a ``FundScope`` other than shared.
public struct FundOutcome: Sendable, Equatable {
  /// The markets it covers (indices).
  public var markets: [Int]
  /// The fund's initial, lowest and final balances.
  public var initial: Double
  public var minimum: Double
  public var final: Double
  /// The first step at which its balance was at or below its threshold, or `nil`.
  public var depletionStep: Int?
  /// Shortfall it paid (its markets' ``MarketOutcome/shortfall``).
  public var shortfall: Double

  public init(markets: [Int], initial: Double, minimum: Double, final: Double, depletionStep: Int?, shortfall: Double) {
    self.markets = markets
    self.initial = initial
    self.minimum = minimum
    self.final = final
    self.depletionStep = depletionStep
    self.shortfall = shortfall
  }

  public var depleted: Bool { depletionStep != nil }
}

/// One market's share of a path's outcome.
public struct MarketOutcome: Sendable, Equatable {
  public var liquidations = 0
  public var liquidatedNotional = 0.0
  public var shortfall = 0.0
  public var badDebt = 0.0
  public var fundInflow = 0.0
  public var vaultInflow = 0.0
  public var adlEvents = 0
  public var adlNotional = 0.0
  public var maxCascadeRounds = 0

  public init() {}
}

/// The steps at which the fund balance is recorded for fan charts: 0, k, 2k, …, and the
/// last step.
public struct CheckpointSchedule: Sendable, Equatable {
  public let steps: [Int]

  /// - Parameters:
  ///   - horizonSteps: the last step `T`.
  ///   - every: spacing `k ≥ 1`.
  public init(horizonSteps: Int, every: Int) {
    precondition(every >= 1 && horizonSteps >= 1)
    var steps = Array(stride(from: 0, through: horizonSteps, by: every))
    if steps.last != horizonSteps { steps.append(horizonSteps) }
    self.steps = steps
  }

  /// About `target` checkpoints over the horizon (at least every step for short ones).
  public init(horizonSteps: Int, target: Int = 96) {
    self.init(horizonSteps: horizonSteps, every: max(1, horizonSteps / target))
  }

  public var count: Int { steps.count }
}
