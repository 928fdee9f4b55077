import FundSimulation

/// The mergeable accumulator of a Monte Carlo run: everything the summary, the tables and
/// the charts need, built one ``PathOutcome`` at a time.
///
/// What is kept:
/// * exact shifted sums and sums of squares of every ``PathQuantity`` (means with CIs);
/// * counts of depleted paths and of paths with ADL (Wilson intervals);
/// * exact tallies of cascade rounds and depletion steps (``IntegerTally``);
/// * one ``HistogramSketch`` per checkpoint of the fund balance (fan chart quantiles);
/// * per-market sums (``MarketTotals``);
/// * three numbers per path, in path order — fund loss `initial − final`, drawdown
///   `initial − min` and the fund needed (kept only when the run can tell it, which is for
///   every path or for none) — for exact VaR, ES, drawdown and fund-needed quantiles. That
///   is 24 bytes per path; nothing else grows with the number of paths.
///
/// **Determinism.** All sums are ``ExactSum``s and all bins and tallies merge by
/// addition, so the statistics — and every byte the writers derive from them — are the
/// same however the paths were split into chunks, shards or threads, and in whatever
/// order partials are merged. Only the stored order of the per-path arrays follows the
/// merge order (quantiles sort them, so it affects no output).
///
/// - Complexity: ``add(_:)`` is O(markets + checkpoints); ``merge(_:)`` is
///   O(markets + checkpoints × bins + other's paths).
public struct RunStatistics: Sendable, Codable {
  public let symbols: [String]
  /// The steps at which fund balances were recorded (``CheckpointSchedule/steps``).
  public let checkpointSteps: [Int]
  public let initialFund: Double
  public let depletionThreshold: Double
  public let stepSeconds: Double

  public private(set) var pathCount = 0
  public private(set) var depletedPaths = 0
  /// Paths with at least one ADL event.
  public private(set) var adlPaths = 0
  /// Accumulators indexed by ``PathQuantity/rawValue``.
  var means: [MeanAccumulator]
  public private(set) var cascadeRounds = IntegerTally()
  /// Depletion steps of the depleted paths.
  public private(set) var depletionSteps = IntegerTally()
  /// `initialFund − finalFund` per path, in the order added.
  public private(set) var fundLosses: [Double] = []
  /// `initialFund − minFund` per path, in the order added.
  public private(set) var drawdowns: [Double] = []
  /// ``PathOutcome/fundNeeded`` of the paths that have one, in the order added: every
  /// path's, or empty when the run cannot tell (see ``fundNeededKnown``).
  public private(set) var fundNeeded: [Double] = []
  public private(set) var markets: [MarketTotals]
  public private(set) var checkpointSketches: [HistogramSketch]

  public init(
    symbols: [String], checkpoints: CheckpointSchedule, initialFund: Double, depletionThreshold: Double,
    stepSeconds: Double
  ) {
    self.init(
      symbols: symbols, checkpointSteps: checkpoints.steps, initialFund: initialFund,
      depletionThreshold: depletionThreshold, stepSeconds: stepSeconds)
  }

  /// Statistics for an explicit list of checkpoint steps.
  public init(
    symbols: [String], checkpointSteps: [Int], initialFund: Double, depletionThreshold: Double, stepSeconds: Double
  ) {
    precondition(initialFund.isFinite && depletionThreshold.isFinite, "fund amounts must be finite")
    precondition(stepSeconds > 0, "the step length must be positive")
    self.symbols = symbols
    self.checkpointSteps = checkpointSteps
    self.initialFund = initialFund
    self.depletionThreshold = depletionThreshold
    self.stepSeconds = stepSeconds
    means = PathQuantity.allCases.map { MeanAccumulator(reference: $0.reference(initialFund: initialFund)) }
    markets = Array(repeating: MarketTotals(), count: symbols.count)
    let sketch = HistogramSketch.fundBalance(initialFund: initialFund, depletionThreshold: depletionThreshold)
    checkpointSketches = Array(repeating: sketch, count: checkpointSteps.count)
  }

  /// Bytes kept per path: the fund loss, the drawdown and the fund needed, one `Double` each, for exact
  /// quantiles. Everything else is independent of the number of paths.
  public static let bytesPerPath = 3 * MemoryLayout<Double>.stride

  /// The most paths whose per-path values fit in `share` of `memoryBytes`:
  /// `⌊share · memoryBytes / bytesPerPath⌋`. A run beyond it would be killed for memory,
  /// after hours, at the end; refuse it at the start instead.
  public static func largestRun(memoryBytes: UInt64, share: Double = 0.75) -> Int {
    precondition(share > 0 && share <= 1, "share must lie in (0, 1]")
    return Int(min(Double(Int.max / 2), (share * Double(memoryBytes) / Double(bytesPerPath)).rounded(.down)))
  }

  /// Reserves room for `paths` more per-path values (avoids regrowth in long runs).
  public mutating func reserveCapacity(paths: Int) {
    fundLosses.reserveCapacity(fundLosses.count + paths)
    drawdowns.reserveCapacity(drawdowns.count + paths)
    fundNeeded.reserveCapacity(fundNeeded.count + paths)
  }

  /// Adds one path.
  ///
  /// - Precondition: the outcome has one market per symbol and one balance per checkpoint.
  /// - Complexity: O(markets + checkpoints), amortised.
  public mutating func add(_ outcome: PathOutcome) {
    precondition(
      outcome.markets.count == symbols.count, "outcome has \(outcome.markets.count) markets, expected \(symbols.count)")
    precondition(
      outcome.checkpoints.count == checkpointSteps.count,
      "outcome has \(outcome.checkpoints.count) checkpoints, expected \(checkpointSteps.count)")
    pathCount += 1
    if outcome.depletionStep != nil { depletedPaths += 1 }
    if outcome.adlEvents > 0 { adlPaths += 1 }
    for quantity in PathQuantity.allCases {
      means[quantity.rawValue].add(quantity.value(in: outcome, initialFund: initialFund))
    }
    cascadeRounds.add(outcome.maxCascadeRounds)
    if let step = outcome.depletionStep { depletionSteps.add(step) }
    // `+ 0` turns a −0 into +0, so equal losses print identically.
    fundLosses.append(outcome.fundLoss(initialFund: initialFund) + 0)
    drawdowns.append((initialFund - outcome.minFund) + 0)
    if let needed = outcome.fundNeeded { fundNeeded.append(needed) }
    for index in markets.indices { markets[index].add(outcome.markets[index]) }
    for index in checkpointSketches.indices { checkpointSketches[index].add(outcome.checkpoints[index]) }
  }

  /// Appends another run's paths after this one's (chunks of one run, or shards of a run
  /// split across machines).
  ///
  /// - Precondition: same symbols, checkpoints, initial fund, threshold and step length.
  /// - Complexity: O(markets + checkpoints × bins + other.pathCount).
  public mutating func merge(_ other: RunStatistics) {
    precondition(
      symbols == other.symbols && checkpointSteps == other.checkpointSteps && initialFund == other.initialFund
        && depletionThreshold == other.depletionThreshold && stepSeconds == other.stepSeconds,
      "merging statistics of different runs")
    pathCount += other.pathCount
    depletedPaths += other.depletedPaths
    adlPaths += other.adlPaths
    for index in means.indices { means[index].merge(other.means[index]) }
    cascadeRounds.merge(other.cascadeRounds)
    depletionSteps.merge(other.depletionSteps)
    fundLosses.append(contentsOf: other.fundLosses)
    drawdowns.append(contentsOf: other.drawdowns)
    fundNeeded.append(contentsOf: other.fundNeeded)
    for index in markets.indices { markets[index].merge(other.markets[index]) }
    for index in checkpointSketches.indices { checkpointSketches[index].merge(other.checkpointSketches[index]) }
  }

  /// Sorts the per-path losses and drawdowns in place (their stored order affects no
  /// output), so that summarising needs no sorted copies: 16 bytes per path at the peak
  /// instead of 32–40.
  public mutating func sortPerPathValues() {
    fundLosses.sort()
    drawdowns.sort()
    fundNeeded.sort()
  }

  /// Whether every path's fund needed is known.
  public var fundNeededKnown: Bool { pathCount > 0 && fundNeeded.count == pathCount }

  /// The accumulator of one per-path quantity.
  public func accumulator(_ quantity: PathQuantity) -> MeanAccumulator { means[quantity.rawValue] }

  /// The mean of a per-path quantity with its normal-approximation 95% interval.
  ///
  /// The interval is the normal approximation `mean ± z·s/√n`; for a quantity that cannot be
  /// negative (``PathQuantity/isNonNegative``) its lower end is clamped at 0.
  public func mean(_ quantity: PathQuantity, z: Double = normalQuantile975) -> Estimate {
    var estimate = means[quantity.rawValue].estimate(z: z)
    if quantity.isNonNegative, let low = estimate.low, low < 0 { estimate.low = 0 }
    return estimate
  }

  /// Hours from the start of the path to `step` (`step × stepSeconds / 3600`, the same
  /// expression as the depletion times, so equal steps print as equal hours).
  public func hours(atStep step: Int) -> Double { Double(step) * stepSeconds / 3600 }

  private enum CodingKeys: String, CodingKey {
    case symbols, checkpointSteps, initialFund, depletionThreshold, stepSeconds, pathCount, depletedPaths, adlPaths
    case means, cascadeRounds, depletionSteps, fundLosses, drawdowns, markets, checkpointSketches, fundNeeded
  }

  /// Decodes saved statistics (e.g. a shard's), checking that the parts fit together so
  /// that a corrupt file fails here rather than in a later ``merge(_:)``.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    symbols = try container.decode([String].self, forKey: .symbols)
    checkpointSteps = try container.decode([Int].self, forKey: .checkpointSteps)
    initialFund = try container.decode(Double.self, forKey: .initialFund)
    depletionThreshold = try container.decode(Double.self, forKey: .depletionThreshold)
    stepSeconds = try container.decode(Double.self, forKey: .stepSeconds)
    pathCount = try container.decode(Int.self, forKey: .pathCount)
    depletedPaths = try container.decode(Int.self, forKey: .depletedPaths)
    adlPaths = try container.decode(Int.self, forKey: .adlPaths)
    means = try container.decode([MeanAccumulator].self, forKey: .means)
    cascadeRounds = try container.decode(IntegerTally.self, forKey: .cascadeRounds)
    depletionSteps = try container.decode(IntegerTally.self, forKey: .depletionSteps)
    fundLosses = try container.decode([Double].self, forKey: .fundLosses)
    drawdowns = try container.decode([Double].self, forKey: .drawdowns)
    // Absent in statistics saved before the fund needed was kept: unknown.
    fundNeeded = try container.decodeIfPresent([Double].self, forKey: .fundNeeded) ?? []
    markets = try container.decode([MarketTotals].self, forKey: .markets)
    checkpointSketches = try container.decode([HistogramSketch].self, forKey: .checkpointSketches)
    let consistent =
      means.count == PathQuantity.allCases.count && markets.count == symbols.count
      && checkpointSketches.count == checkpointSteps.count && fundLosses.count == pathCount
      && drawdowns.count == pathCount && (fundNeeded.isEmpty || fundNeeded.count == pathCount)
      && cascadeRounds.total == pathCount && depletionSteps.total == depletedPaths
      && means.allSatisfy { $0.count == pathCount } && stepSeconds > 0
    guard consistent else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "run statistics parts do not match their path count"))
    }
  }
}
