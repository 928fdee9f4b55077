import Foundation
import FundSimulation
import PricePaths

/// What `fundstress scenario check FILE` shows: a loaded scenario summarised for a risk
/// engineer, as structured data and as ``text`` (the library never prints).
///
/// * per market: price, volatility, return model, margin rule, depth, open interest per
///   side (`Σ size × initial price`), and the book's leverage (`entry notional / margin`)
///   and distance to liquidation (`|Pl / price − 1|`) as quantiles;
/// * the fund: balance, mechanic, and balance as a share of open interest;
/// * the correlation: smallest eigenvalue (> 0: positive definite) and whether repaired.
public struct ScenarioCheck: Sendable {
  /// One market's line.
  public struct MarketSummary: Sendable, Equatable, Encodable {
    public var symbol: String
    /// Initial price, margin currency.
    public var price: Double
    /// Annualised volatility.
    public var volatility: Double
    /// `gbm`, `student-t`, `jumps`.
    public var model: String
    public var dof: Double?
    /// Crash-factor loading (jumps model; 0 otherwise).
    public var beta: Double
    public var maintenanceMargin: Double
    /// Notional per 1% move (infinite: no impact).
    public var depth: Double
    public var maxLeverage: Double
    public var longPositions: Int
    public var shortPositions: Int
    /// Σ size × initial price of the longs.
    public var longOpenInterest: Double
    /// Σ size × initial price of the shorts.
    public var shortOpenInterest: Double
    /// Entry notional / margin of the market's positions.
    public var leverage: Quantiles?
    /// `|Pl / price − 1|` of the positions that can be liquidated.
    public var liquidationDistance: Quantiles?
    /// Longs whose bankruptcy price is ≤ 0 (margin ≥ notional): never liquidated.
    public var neverLiquidated: Int
  }

  public let name: String
  public let source: String
  public let seed: UInt64
  public let horizon: Horizon
  /// Steps of the replay file, when the paths are a replay.
  public let replaySteps: Int?
  /// Residual rows of a filtered historical simulation, when the paths are one.
  public var historicalRows: Int? = nil
  public let bookSource: String
  public let bookSeed: UInt64?
  public let markets: [MarketSummary]
  /// Number of positions.
  public let positions: Int
  /// Leverage over the whole book.
  public let leverage: Quantiles?
  /// Distance to liquidation over the whole book.
  public let liquidationDistance: Quantiles?
  public let fund: FundRules
  public let adl: ADLPolicy
  public let jumps: JumpFactor?
  /// Smallest eigenvalue of the correlation used (> 0: positive definite).
  public let smallestEigenvalue: Double
  public let correlationWasRepaired: Bool
  /// Smallest eigenvalue of the matrix as written, when it was repaired.
  public let givenSmallestEigenvalue: Double?

  /// Summarises a loaded scenario.
  ///
  /// - Complexity: O(positions · log positions) for the quantiles.
  public init(_ scenario: Scenario) {
    let paths = scenario.paths
    let exchange = scenario.exchange
    var leverages = Array(repeating: [Double](), count: paths.marketCount)
    var distances = Array(repeating: [Double](), count: paths.marketCount)
    var never = Array(repeating: 0, count: paths.marketCount)
    for position in exchange.positions {
      let k = position.market
      leverages[k].append(position.entryNotional / position.margin)
      let pl = exchange.rules[k].liquidationPrice(of: position)
      if pl > 0 { distances[k].append(abs(pl / paths.markets[k].price - 1)) } else { never[k] += 1 }
    }
    let book = ScenarioRecord.bookSummary(exchange.positions, markets: paths.markets)
    markets = paths.markets.indices.map { k in
      let market = paths.markets[k]
      let rules = exchange.rules[k]
      return MarketSummary(
        symbol: market.symbol, price: market.price, volatility: market.volatility, model: market.returns.name,
        dof: market.returns.dof, beta: market.returns.jumpBeta, maintenanceMargin: rules.maintenanceMargin,
        depth: rules.depth, maxLeverage: rules.maxLeverage, longPositions: book[k].longPositions,
        shortPositions: book[k].shortPositions, longOpenInterest: book[k].longOpenInterest,
        shortOpenInterest: book[k].shortOpenInterest, leverage: Quantiles(leverages[k]),
        liquidationDistance: Quantiles(distances[k]), neverLiquidated: never[k])
    }
    name = scenario.name
    source = scenario.source
    seed = scenario.seed
    horizon = paths.horizon
    replaySteps = paths.replay?.steps
    historicalRows = paths.historical?.rows
    bookSource = scenario.bookSource
    bookSeed = scenario.bookSeed
    positions = exchange.positions.count
    leverage = Quantiles(leverages.flatMap { $0 })
    liquidationDistance = Quantiles(distances.flatMap { $0 })
    fund = exchange.fund
    adl = exchange.adl
    jumps = paths.jumps
    smallestEigenvalue = scenario.record.correlation.smallestEigenvalue
    correlationWasRepaired = paths.correlationWasRepaired
    givenSmallestEigenvalue = scenario.record.correlation.givenSmallestEigenvalue
  }

  /// Open interest of one side summed over markets (the larger side per market).
  public var openInterest: Double {
    markets.reduce(0) { $0 + Swift.max($1.longOpenInterest, $1.shortOpenInterest) }
  }
}
