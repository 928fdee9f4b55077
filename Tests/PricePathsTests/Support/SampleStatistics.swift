import PricePaths
import RealModule
import Testing

// Small, dependency-free statistics used by the PricePaths tests. Every tolerance in the
// tests is "4 standard errors" of an estimator whose standard error is stated where it is
// used; these helpers only compute the estimates.

/// Sample moments of a set of draws, by two passes (mean first, then central moments), so
/// that the centred sums do not lose digits.
struct SampleMoments {
  let count: Int
  let mean: Double
  /// Central moments m2, m3, m4 with divisor n (the plug-in estimators).
  let m2: Double
  let m3: Double
  let m4: Double

  init<C: Collection>(_ values: C) where C.Element == Double {
    count = values.count
    let n = Double(count)
    var sum = 0.0
    for v in values { sum += v }
    let mean = sum / n
    var s2 = 0.0
    var s3 = 0.0
    var s4 = 0.0
    for v in values {
      let d = v - mean
      let d2 = d * d
      s2 += d2
      s3 += d2 * d
      s4 += d2 * d2
    }
    self.mean = mean
    m2 = s2 / n
    m3 = s3 / n
    m4 = s4 / n
  }

  /// Unbiased sample variance (divisor n − 1).
  var variance: Double { m2 * Double(count) / Double(count - 1) }
  var standardDeviation: Double { variance.squareRoot() }
  /// Sample skewness `m3 / m2^{3/2}`.
  var skewness: Double { m3 / Double.pow(m2, 1.5) }
  /// Sample excess kurtosis `m4 / m2² − 3`.
  var excessKurtosis: Double { m4 / (m2 * m2) - 3 }
}

/// Pearson sample correlation of two equally long samples.
func sampleCorrelation(_ x: [Double], _ y: [Double]) -> Double {
  precondition(x.count == y.count && x.count > 1)
  let n = Double(x.count)
  let mx = x.reduce(0, +) / n
  let my = y.reduce(0, +) / n
  var sxy = 0.0
  var sxx = 0.0
  var syy = 0.0
  for k in x.indices {
    let dx = x[k] - mx
    let dy = y[k] - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxy / (sxx * syy).squareRoot()
}

/// The standard normal upper tail `P(Z > x) = erfc(x/√2)/2` (swift-numerics `erfc`).
func normalUpperTail(_ x: Double) -> Double {
  0.5 * Double.erfc(x / Double.sqrt(2))
}

/// The standard normal CDF `Φ(x) = erfc(−x/√2)/2`.
func normalCDF(_ x: Double) -> Double {
  0.5 * Double.erfc(-x / Double.sqrt(2))
}

/// `Φ⁻¹(p)` by bisection on ``normalCDF(_:)``: slow but independent of the code under test
/// and exact to the last bits, which is all the chi-square bins need.
func normalQuantile(_ p: Double) -> Double {
  precondition(p > 0 && p < 1)
  var lo = -40.0
  var hi = 40.0
  for _ in 0..<200 {
    let mid = 0.5 * (lo + hi)
    if normalCDF(mid) < p { lo = mid } else { hi = mid }
    if hi - lo < 1e-15 { break }
  }
  return 0.5 * (lo + hi)
}

/// Four binomial standard errors of an observed frequency with success probability `p`
/// over `n` trials: `4·√(p(1−p)/n)`.
func fourBinomialSE(p: Double, n: Int) -> Double {
  4 * (p * (1 - p) / Double(n)).squareRoot()
}

/// The one-step log-returns of market `market` of the path in `workspace`:
/// `log P(t+1) − log P(t)` for `t = 0..<steps`.
func stepReturns(_ workspace: PathWorkspace, market: Int) -> [Double] {
  (0..<workspace.steps).map {
    workspace.logPrice(step: $0 + 1, market: market) - workspace.logPrice(step: $0, market: market)
  }
}

/// The raw log-prices of the path in `workspace`, `(steps + 1) × markets`, for bit-exact
/// comparisons.
func logPriceBits(_ workspace: PathWorkspace) -> [UInt64] {
  (0..<((workspace.steps + 1) * workspace.markets)).map { workspace.logPrices[$0].bitPattern }
}

/// The built-in market universe of the numpy peer (the external benchmark program of
/// docs/PERFORMANCE.md, not part of fundstress; its `_common.py`): BTC/ETH/SOL/DOGE.
enum PeerUniverse {
  static let markets = [
    MarketModel(symbol: "BTC", price: 60_000, volatility: 0.60),
    MarketModel(symbol: "ETH", price: 3_000, volatility: 0.75),
    MarketModel(symbol: "SOL", price: 150, volatility: 1.00),
    MarketModel(symbol: "DOGE", price: 0.15, volatility: 1.20),
  ]
  static let correlation: [[Double]] = [
    [1.00, 0.85, 0.75, 0.65],
    [0.85, 1.00, 0.78, 0.62],
    [0.75, 0.78, 1.00, 0.60],
    [0.65, 0.62, 0.60, 1.00],
  ]
}
