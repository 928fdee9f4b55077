import RealModule

/// Per-thread buffers for generating one path: the Gaussian draws, the correlated shocks
/// and the resulting log-prices. Allocated once per worker and reused for every path, so
/// the generation loop never allocates.
///
/// Not thread-safe: give each worker thread its own workspace.
public final class PathWorkspace {
  public let steps: Int
  public let markets: Int
  /// Log-prices, `(steps + 1) × markets`, row-major; row 0 holds the initial prices.
  public let logPrices: UnsafeMutablePointer<Double>
  /// Independent standard normals, `steps × markets`.
  let normals: UnsafeMutablePointer<Double>
  /// Correlated shocks, `steps × markets`, written by the generator's `dgemm` (β = 0).
  let shocks: UnsafeMutablePointer<Double>
  /// Crash jumps of the current path (step, log-size), in time order; grows as needed.
  private(set) var jumpSteps: [Int] = []
  private(set) var jumpSizes: [Double] = []

  func appendJump(step: Int, size: Double, at index: Int) {
    if index < jumpSteps.count {
      jumpSteps[index] = step
      jumpSizes[index] = size
    } else {
      jumpSteps.append(step)
      jumpSizes.append(size)
    }
  }

  /// The Student-t mixing factor `√((ν − 2)/W)` of each step.
  let mixing: UnsafeMutablePointer<Double>

  /// The initial prices, kept exactly (step 0 is the scenario's price, not exp(log price)).
  let initialPrices: UnsafeMutablePointer<Double>

  public init(steps: Int, markets: Int) {
    self.steps = steps
    self.markets = markets
    logPrices = .allocate(capacity: (steps + 1) * markets)
    normals = .allocate(capacity: steps * markets)
    shocks = .allocate(capacity: steps * markets)
    shocks.initialize(repeating: 0, count: steps * markets)
    initialPrices = .allocate(capacity: markets)
    mixing = .allocate(capacity: steps)
    mixing.initialize(repeating: 1, count: steps)
  }

  deinit {
    logPrices.deallocate()
    normals.deallocate()
    shocks.deallocate()
    initialPrices.deallocate()
    mixing.deallocate()
  }

  /// The log-price of `market` at `step` (0…steps).
  @inlinable
  public func logPrice(step: Int, market: Int) -> Double { logPrices[step * markets + market] }

  /// The price of `market` at `step`; step 0 is the initial price exactly.
  public func price(step: Int, market: Int) -> Double {
    step == 0 ? initialPrices[market] : Double.exp(logPrice(step: step, market: market))
  }
}
