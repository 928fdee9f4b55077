/// One market's attribution row (`markets.csv`): per-path means and the market's share of
/// the fund's shortfall and of the notional closed by ADL.
///
/// `shortfallShare = Σ_paths shortfall(market) / Σ_paths Σ_markets shortfall`, and likewise
/// `adlShare` for ADL notional; both `nil` when the denominator is 0. `adlProbability` is
/// the share of paths with at least one ADL event in this market.
public struct MarketSummary: Sendable, Hashable, Codable {
  public var market: String
  public var liquidationsMean: Double?
  public var liquidatedNotionalMean: Double?
  public var shortfallMean: Double?
  public var shortfallShare: Double?
  public var badDebtMean: Double?
  public var fundInflowMean: Double?
  public var vaultInflowMean: Double?
  public var adlEventsMean: Double?
  public var adlNotionalMean: Double?
  public var adlShare: Double?
  public var adlProbability: Double?
  public var maxCascadeRoundsMean: Double?

  /// Column names of `markets.csv`, in order.
  public static let columns = [
    "market", "liquidations_mean", "liquidated_notional_mean", "shortfall_mean", "shortfall_share", "bad_debt_mean",
    "fund_inflow_mean", "vault_inflow_mean", "adl_events_mean", "adl_notional_mean", "adl_share", "adl_probability",
    "max_cascade_rounds_mean",
  ]

  /// The numeric fields in column order (after `market`).
  public var numbers: [Double?] {
    [
      liquidationsMean, liquidatedNotionalMean, shortfallMean, shortfallShare, badDebtMean, fundInflowMean,
      vaultInflowMean, adlEventsMean, adlNotionalMean, adlShare, adlProbability, maxCascadeRoundsMean,
    ]
  }

  /// Rows for all markets of a run.
  ///
  /// - Complexity: O(markets).
  public static func rows(_ statistics: RunStatistics) -> [MarketSummary] {
    let totals = statistics.markets
    let shortfall = totals.map { $0.total(.shortfall) }.reduce(0, +)
    let adlNotional = totals.map { $0.total(.adlNotional) }.reduce(0, +)
    return zip(statistics.symbols, totals).map { symbol, market in
      MarketSummary(
        market: symbol,
        liquidationsMean: market.mean(.liquidations),
        liquidatedNotionalMean: market.mean(.liquidatedNotional),
        shortfallMean: market.mean(.shortfall),
        shortfallShare: shortfall > 0 ? market.total(.shortfall) / shortfall : nil,
        badDebtMean: market.mean(.badDebt),
        fundInflowMean: market.mean(.fundInflow),
        vaultInflowMean: market.mean(.vaultInflow),
        adlEventsMean: market.mean(.adlEvents),
        adlNotionalMean: market.mean(.adlNotional),
        adlShare: adlNotional > 0 ? market.total(.adlNotional) / adlNotional : nil,
        adlProbability: market.paths > 0 ? Double(market.adlPaths) / Double(market.paths) : nil,
        maxCascadeRoundsMean: market.mean(.maxCascadeRounds))
    }
  }

  private enum CodingKeys: String, CodingKey {
    case market
    case liquidationsMean = "liquidations_mean"
    case liquidatedNotionalMean = "liquidated_notional_mean"
    case shortfallMean = "shortfall_mean"
    case shortfallShare = "shortfall_share"
    case badDebtMean = "bad_debt_mean"
    case fundInflowMean = "fund_inflow_mean"
    case vaultInflowMean = "vault_inflow_mean"
    case adlEventsMean = "adl_events_mean"
    case adlNotionalMean = "adl_notional_mean"
    case adlShare = "adl_share"
    case adlProbability = "adl_probability"
    case maxCascadeRoundsMean = "max_cascade_rounds_mean"
  }

  /// Encodes absent values as `null`, so every row has the same keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(market, forKey: .market)
    let keys: [CodingKeys] = [
      .liquidationsMean, .liquidatedNotionalMean, .shortfallMean, .shortfallShare, .badDebtMean, .fundInflowMean,
      .vaultInflowMean, .adlEventsMean, .adlNotionalMean, .adlShare, .adlProbability, .maxCascadeRoundsMean,
    ]
    for (key, value) in zip(keys, numbers) { try container.encode(value, forKey: key) }
  }
}
