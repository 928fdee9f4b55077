import FundSimulation

/// One market's sums over paths, for per-market attribution.
///
/// Sums are ``ExactSum``s, so totals, means and shares do not depend on chunking.
///
/// - Complexity: ``add(_:)`` O(number of quantities); the state is a few hundred bytes.
public struct MarketTotals: Sendable, Codable {
  /// Sums indexed by ``MarketQuantity/rawValue``.
  var sums = Array(repeating: ExactSum(), count: MarketQuantity.allCases.count)
  /// Paths on which this market had at least one ADL event.
  public private(set) var adlPaths = 0
  /// Paths added.
  public private(set) var paths = 0

  public init() {}

  public mutating func add(_ market: MarketOutcome) {
    paths += 1
    if market.adlEvents > 0 { adlPaths += 1 }
    for quantity in MarketQuantity.allCases {
      sums[quantity.rawValue].add(quantity.value(in: market))
    }
  }

  public mutating func merge(_ other: MarketTotals) {
    paths += other.paths
    adlPaths += other.adlPaths
    for index in sums.indices { sums[index].merge(other.sums[index]) }
  }

  /// The total of `quantity` over all paths.
  public func total(_ quantity: MarketQuantity) -> Double { sums[quantity.rawValue].value }

  /// The mean of `quantity` per path, `nil` before any path.
  public func mean(_ quantity: MarketQuantity) -> Double? {
    paths > 0 ? total(quantity) / Double(paths) : nil
  }
}
