/// The standardised residuals of filtered historical simulation (Barone-Adesi, Giannopoulos
/// & Vosper 1999; Hull & White 1998): one row per historical time step, one column per
/// market in market order, `zₖ,ᵢ = εₖ,ᵢ / √hₖ,ᵢ` from each market's volatility filter.
///
/// A simulated step draws one whole row, so every market takes the residual of the same
/// historical timestamp: the cross-market dependence and the joint tails are the data's.
/// The generator rescales the row by each path's own conditional volatility
/// (``GARCHParameters``).
///
/// An optional stressed period (EMIR RTS 153/2013 Art. 28: a weight of at least 25% on
/// stressed observations) gives its rows together the probability ``stressedWeight``, the
/// other rows sharing the rest; without a weight every row is equally likely.
public struct HistoricalShocks: Sendable, Equatable {
  /// Number of rows (historical steps).
  public let rows: Int
  /// Number of markets (columns).
  public let markets: Int
  /// Residuals, `rows × markets`, row-major.
  public let residuals: [Double]
  /// The rows of the stressed period, in order (empty without one).
  public let stressedRows: [Int]
  /// The total probability of the stressed rows, or `nil` for equally likely rows.
  public let stressedWeight: Double?
  /// The rows outside the stressed period, in order.
  let otherRows: [Int]

  /// - Parameters:
  ///   - residuals: one row per historical step, each with one value per market.
  ///   - stressed: whether each row is in the stressed period (`nil`: none).
  ///   - stressedWeight: the probability of drawing a stressed row, in (0, 1).
  /// - Throws: ``HistoricalShocksError`` for ragged or non-finite rows, fewer than two rows,
  ///   a weight outside (0, 1), or a weight with a stressed period that covers no row or
  ///   every row.
  public init(
    residuals: [[Double]], stressed: [Bool]? = nil, stressedWeight: Double? = nil
  ) throws(HistoricalShocksError) {
    guard residuals.count >= 2 else {
      throw .tooFewRows(residuals.count)
    }
    let m = residuals[0].count
    var flat: [Double] = []
    flat.reserveCapacity(residuals.count * m)
    for (k, row) in residuals.enumerated() {
      guard row.count == m, row.allSatisfy(\.isFinite) else {
        throw .row(k)
      }
      flat += row
    }
    let flags = stressed ?? Array(repeating: false, count: residuals.count)
    precondition(flags.count == residuals.count, "one stressed flag per row")
    self.rows = residuals.count
    self.markets = m
    self.residuals = flat
    self.stressedRows = flags.indices.filter { flags[$0] }
    self.otherRows = flags.indices.filter { !flags[$0] }
    if let stressedWeight {
      guard stressedWeight.isFinite, stressedWeight > 0, stressedWeight < 1 else {
        throw .stressedWeight(stressedWeight)
      }
      guard !stressedRows.isEmpty else { throw .stressedCoversNoRow }
      guard !otherRows.isEmpty else { throw .stressedCoversEveryRow }
    }
    self.stressedWeight = stressedWeight
  }

  /// Draws a row index: uniform over all rows, or with probability ``stressedWeight`` a
  /// uniform stressed row and otherwise a uniform other row. One 53-bit uniform per draw.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  public func drawRow(using rng: inout Xoshiro256PlusPlus) -> Int {
    let u = Double(rng.next() >> 11) * 0x1.0p-53
    guard let w = stressedWeight else { return min(rows - 1, Int(u * Double(rows))) }
    if u < w {
      return stressedRows[min(stressedRows.count - 1, Int(u / w * Double(stressedRows.count)))]
    }
    return otherRows[min(otherRows.count - 1, Int((u - w) / (1 - w) * Double(otherRows.count)))]
  }
}
