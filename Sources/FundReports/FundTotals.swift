import FundSimulation

/// One fund's sums over paths under a ``FundSimulation/FundScope`` other than shared, for
/// `funds.csv` (docs/MODEL.md, "Fund scopes").
///
/// Counts, ``ExactSum``s and a ``RelativeErrorSketch`` of the fund's drawdown
/// `initial − lowest balance`, all merged by addition, so every number is the same however
/// the paths were chunked or sharded.
///
/// - Complexity: ``add(_:)`` O(1) amortised; memory O(sketch buckets).
public struct FundTotals: Sendable, Codable, Equatable {
  /// The markets the fund covers (indices into the run's symbols).
  public let markets: [Int]
  public let initial: Double
  public private(set) var paths = 0
  public private(set) var depletedPaths = 0
  var shortfall = ExactSum()
  var loss = ExactSum()
  /// `initial − minimum` per path, sketched to 0.1% (``RelativeErrorSketch/runAccuracy``).
  public private(set) var drawdowns = RelativeErrorSketch()

  public init(markets: [Int], initial: Double) {
    self.markets = markets
    self.initial = initial
  }

  public mutating func add(_ fund: FundOutcome) {
    paths += 1
    if fund.depleted { depletedPaths += 1 }
    shortfall.add(fund.shortfall)
    loss.add(fund.initial - fund.final)
    // `+ 0` turns a −0 into +0.
    drawdowns.add((fund.initial - fund.minimum) + 0)
  }

  public mutating func merge(_ other: FundTotals) {
    precondition(markets == other.markets && initial == other.initial, "merging different funds")
    paths += other.paths
    depletedPaths += other.depletedPaths
    shortfall.merge(other.shortfall)
    loss.merge(other.loss)
    drawdowns.merge(other.drawdowns)
  }

  /// The share of paths on which the fund was depleted, with its Wilson 95% interval.
  public var depletion: Estimate { WilsonInterval.estimate(successes: depletedPaths, trials: paths) }
  /// Mean shortfall the fund paid per path.
  public var meanShortfall: Double? { paths > 0 ? shortfall.value / Double(paths) : nil }
  /// Mean `initial − final` per path (negative when the fund gained).
  public var meanLoss: Double? { paths > 0 ? loss.value / Double(paths) : nil }
  /// Type-7 quantile `p` of the drawdown, within 0.1% (``RelativeErrorSketch``).
  public func drawdownQuantile(_ p: Double) -> Double? {
    EmpiricalQuantile.type7(drawdowns.sortedValues, p)
  }
}
