/// The markets, the crash factor, the history and the replay of a path model that do not
/// fit together (``PathModel/init(markets:correlation:horizon:jumps:replay:repairCorrelation:historical:)``).
///
/// The parts' own checks throw their own errors (``MarketModelError``,
/// ``CorrelationError``, ``HorizonError``, ``JumpFactorError``, ``ReplayError``). Each
/// case carries the values found; ``description`` speaks the domain. A reader of a file
/// format maps the case to its own key and wording.
public enum PathModelError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No market.
  case noMarkets
  /// A market with the symbol of an earlier one.
  case repeatedSymbol(market: Int, symbol: String, firstMarket: Int)
  /// Student-t markets with different degrees of freedom (sorted): they share one mixing
  /// variable per step.
  case degreesOfFreedomDiffer([Double])
  /// A market uses the jumps model but there is no crash factor (and no replay).
  case crashFactorMissing
  /// Filtered historical simulation together with a replay, which fixes the path.
  case historicalWithReplay
  /// A market whose return model filtered historical simulation cannot rescale (only gbm
  /// and GARCH can).
  case historicalReturnModel(market: Int, returns: ReturnModel)
  /// Historical residuals for another number of markets.
  case historicalMarkets(history: Int, markets: Int)
  /// A replay column (counted from 0 over the price columns) for a symbol that is no market.
  case replayColumnUnknown(column: Int, symbol: String, markets: [String])
  /// No replay column for a market.
  case replayColumnMissing(symbol: String)

  public var description: String {
    switch self {
    case .noMarkets: return "the path model has no market"
    case .repeatedSymbol(let k, let symbol, let first):
      return "markets \(first) and \(k) both have the symbol \(symbol)"
    case .degreesOfFreedomDiffer(let dofs):
      return "the Student-t markets have different degrees of freedom \(dofs); they share one mixing variable per step"
    case .crashFactorMissing: return "a market follows the jumps model but no crash factor is given"
    case .historicalWithReplay: return "historical simulation is given with a replay, which fixes the path"
    case .historicalReturnModel(let k, let returns):
      return "market \(k) follows the \(returns.name) model, which historical simulation cannot rescale"
    case .historicalMarkets(let history, let markets):
      return "the historical residuals have \(history) markets, the path model \(markets)"
    case .replayColumnUnknown(let j, let symbol, _): return "the replay's price column \(j) is \(symbol), not a market"
    case .replayColumnMissing(let symbol): return "the replay has no prices for the market \(symbol)"
    }
  }
}
