import RealModule

/// A wide table of historical prices: one row per timestamp, one column per market, and
/// the log-returns it yields.
///
/// Returns are taken only between consecutive rows exactly one ``interval`` apart; a gap
/// (a missing hour in hourly data) drops the return that would span it rather than
/// treating it as one step. The interval is the most common difference between
/// consecutive timestamps (the smallest such on a tie).
///
/// Every return row holds one return per market, all over the same two timestamps, so the
/// markets' returns stay aligned for correlations and for historical simulation.
public struct PriceHistory: Sendable, Equatable {
  /// Market symbols, in column order.
  public let symbols: [String]
  /// Unix seconds of each row, strictly increasing.
  public let timestamps: [Double]
  /// Prices, `rows × markets`, row-major; positive and finite.
  public let prices: [Double]
  /// The detected sampling interval in seconds.
  public let interval: Double
  /// Log-returns, `returnCount × markets`, row-major: row `k` is
  /// `log P(end[k]) − log P(end[k] − 1)`.
  public let returns: [Double]
  /// The row index at which each return ends (its timestamp is that row's).
  public let returnEnds: [Int]

  /// - Throws: ``CalibrationError`` for fewer than two rows, timestamps that do not
  ///   increase, a price that is not positive and finite, or no two consecutive rows one
  ///   interval apart.
  public init(symbols: [String], timestamps: [Double], rows: [[Double]]) throws {
    guard timestamps.count == rows.count, rows.count >= 2 else {
      throw CalibrationError(
        market: nil, model: nil, problem: "has \(rows.count) price rows",
        fix: "give at least two rows (one return) per market; a model needs many more")
    }
    let m = symbols.count
    var flat: [Double] = []
    flat.reserveCapacity(rows.count * m)
    for (k, row) in rows.enumerated() {
      precondition(row.count == m, "one price per market")
      if k > 0, !(timestamps[k] > timestamps[k - 1]) {
        throw CalibrationError(
          market: nil, model: nil, problem: "row \(k + 1)'s timestamp does not follow row \(k)'s",
          fix: "sort the rows by time and remove repeated timestamps")
      }
      for (i, price) in row.enumerated() where !(price.isFinite && price > 0) {
        throw CalibrationError(
          market: symbols[i], model: nil, problem: "has the price \(price) at row \(k + 1)",
          fix: "prices must be positive and finite")
      }
      flat += row
    }
    let interval = Self.mostCommonDifference(timestamps)
    var returns: [Double] = []
    var ends: [Int] = []
    for k in 1..<rows.count where timestamps[k] - timestamps[k - 1] == interval {
      for i in 0..<m { returns.append(Double.log(flat[k * m + i] / flat[(k - 1) * m + i])) }
      ends.append(k)
    }
    self.symbols = symbols
    self.timestamps = timestamps
    self.prices = flat
    self.interval = interval
    self.returns = returns
    self.returnEnds = ends
  }

  /// Number of markets.
  public var marketCount: Int { symbols.count }
  /// Number of returns per market.
  public var returnCount: Int { returnEnds.count }
  /// Rows skipped as the start of a return because the next row is not one interval on.
  public var gaps: Int { timestamps.count - 1 - returnCount }
  /// One interval as a fraction of a 365 × 24 h year (`Δt`).
  public var intervalYears: Double { interval / (365 * 86_400) }

  /// The returns of one market, in time order.
  ///
  /// - Complexity: O(returns).
  public func returns(market i: Int) -> [Double] {
    (0..<returnCount).map { returns[$0 * marketCount + i] }
  }

  /// The latest price of each market (the last row).
  public var lastPrices: [Double] { Array(prices[((timestamps.count - 1) * marketCount)...]) }

  /// The most common positive difference between consecutive timestamps, the smallest on
  /// a tie. Timestamps are compared as they are (whole seconds in practice).
  static func mostCommonDifference(_ timestamps: [Double]) -> Double {
    var counts: [Double: Int] = [:]
    for k in 1..<timestamps.count { counts[timestamps[k] - timestamps[k - 1], default: 0] += 1 }
    return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
  }
}
