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
  /// Whether the per-path values are kept (``QuantileMode/exact``) or sketched.
  public private(set) var quantileMode = QuantileMode.exact
  /// The sketched fund losses and drawdowns in ``QuantileMode/sketch(relativeAccuracy:)``
  /// mode (the per-path arrays then stay empty).
  public private(set) var lossSketch: RelativeErrorSketch?
  public private(set) var drawdownSketch: RelativeErrorSketch?
  /// The sketched ``fundNeeded`` in sketch mode, when the run knows it (the array then
  /// stays empty).
  public private(set) var fundNeededSketch: RelativeErrorSketch?
  /// Each fund's sums under a ``FundSimulation/FundScope`` other than shared (``FundTotals``),
  /// in fund order; `nil` for the shared fund, so its statistics encode as before.
  public private(set) var funds: [FundTotals]?
  /// The per-path values were taken out to be saved apart (``splittingPerPathValues()``).
  public private(set) var perPathValuesSplit = false

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
    guard quantileMode == .exact else { return }
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
    if lossSketch == nil {
      fundLosses.append(outcome.fundLoss(initialFund: initialFund) + 0)
      drawdowns.append((initialFund - outcome.minFund) + 0)
      if let needed = outcome.fundNeeded { fundNeeded.append(needed) }
    } else {
      lossSketch!.add(outcome.fundLoss(initialFund: initialFund) + 0)
      drawdownSketch!.add((initialFund - outcome.minFund) + 0)
      if let needed = outcome.fundNeeded {
        if fundNeededSketch == nil {
          fundNeededSketch = RelativeErrorSketch(relativeAccuracy: lossSketch!.relativeAccuracy)
        }
        fundNeededSketch!.add(needed)
      }
    }
    for index in markets.indices { markets[index].add(outcome.markets[index]) }
    for index in checkpointSketches.indices { checkpointSketches[index].add(outcome.checkpoints[index]) }
    if !outcome.funds.isEmpty {
      if funds == nil { funds = outcome.funds.map { FundTotals(markets: $0.markets, initial: $0.initial) } }
      for index in outcome.funds.indices { funds![index].add(outcome.funds[index]) }
    }
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
    precondition(!perPathValuesSplit && !other.perPathValuesSplit, "restore the per-path values before merging")
    pathCount += other.pathCount
    depletedPaths += other.depletedPaths
    adlPaths += other.adlPaths
    for index in means.indices { means[index].merge(other.means[index]) }
    cascadeRounds.merge(other.cascadeRounds)
    depletionSteps.merge(other.depletionSteps)
    if case .sketch = other.quantileMode, case .exact = quantileMode { useQuantileMode(other.quantileMode) }
    if var losses = lossSketch, var drawdowns = drawdownSketch {
      var needed = fundNeededSketch
      if let otherLosses = other.lossSketch, let otherDrawdowns = other.drawdownSketch {
        losses.merge(otherLosses)
        drawdowns.merge(otherDrawdowns)
        if let otherNeeded = other.fundNeededSketch {
          if needed == nil { needed = RelativeErrorSketch(relativeAccuracy: losses.relativeAccuracy) }
          needed!.merge(otherNeeded)
        }
      } else {
        other.fundLosses.forEach { losses.add($0) }
        other.drawdowns.forEach { drawdowns.add($0) }
        if !other.fundNeeded.isEmpty {
          if needed == nil { needed = RelativeErrorSketch(relativeAccuracy: losses.relativeAccuracy) }
          other.fundNeeded.forEach { needed!.add($0) }
        }
      }
      (lossSketch, drawdownSketch, fundNeededSketch) = (losses, drawdowns, needed)
    } else {
      fundLosses.append(contentsOf: other.fundLosses)
      self.drawdowns.append(contentsOf: other.drawdowns)
      fundNeeded.append(contentsOf: other.fundNeeded)
    }
    for index in markets.indices { markets[index].merge(other.markets[index]) }
    for index in checkpointSketches.indices { checkpointSketches[index].merge(other.checkpointSketches[index]) }
    if let theirs = other.funds {
      if var mine = funds {
        for index in mine.indices { mine[index].merge(theirs[index]) }
        funds = mine
      } else {
        funds = theirs
      }
    }
  }

  /// Switches to `mode`: ``QuantileMode/sketch(relativeAccuracy:)`` moves the per-path
  /// values kept so far into sketches and frees them (bounded memory from then on);
  /// merging exact statistics into sketched ones sketches them. Switching back to exact is
  /// not possible once values were sketched.
  ///
  /// - Precondition: not from a sketch with values back to exact, nor between accuracies.
  /// - Complexity: O(paths kept).
  public mutating func useQuantileMode(_ mode: QuantileMode) {
    guard mode != quantileMode else { return }
    switch mode {
    case .exact:
      precondition(pathCount == 0, "sketched values cannot be made exact again")
      (lossSketch, drawdownSketch, fundNeededSketch) = (nil, nil, nil)
    case .sketch(let accuracy):
      precondition(lossSketch == nil || pathCount == 0, "sketches of different accuracies")
      var losses = RelativeErrorSketch(relativeAccuracy: accuracy)
      var drawdowns = RelativeErrorSketch(relativeAccuracy: accuracy)
      fundLosses.forEach { losses.add($0) }
      self.drawdowns.forEach { drawdowns.add($0) }
      (lossSketch, drawdownSketch) = (losses, drawdowns)
      fundLosses = []
      self.drawdowns = []
      if !fundNeeded.isEmpty {
        var needed = RelativeErrorSketch(relativeAccuracy: accuracy)
        fundNeeded.forEach { needed.add($0) }
        fundNeededSketch = needed
        fundNeeded = []
      }
    }
    quantileMode = mode
  }

  /// These statistics without their per-path values, and the values, in the order kept: for
  /// saving them apart (in binary, 16 bytes a path) rather than as JSON numbers. The
  /// returned statistics encode and decode with ``perPathValuesSplit`` set and take the
  /// values back with ``restorePerPathValues(losses:drawdowns:)``.
  ///
  /// - Complexity: O(1) (the arrays are shared, not copied).
  public func splittingPerPathValues() -> (statistics: RunStatistics, losses: [Double], drawdowns: [Double]) {
    var statistics = self
    statistics.fundLosses = []
    statistics.drawdowns = []
    statistics.perPathValuesSplit = quantileMode == .exact
    return (statistics, fundLosses, drawdowns)
  }

  /// Puts back the per-path values taken out by ``splittingPerPathValues()``.
  ///
  /// - Returns: `false` (and changes nothing) unless the values were split off and there
  ///   is one of each per path.
  public mutating func restorePerPathValues(losses: [Double], drawdowns: [Double]) -> Bool {
    guard perPathValuesSplit, losses.count == pathCount, drawdowns.count == pathCount else { return false }
    fundLosses = losses
    self.drawdowns = drawdowns
    perPathValuesSplit = false
    return true
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
  public var fundNeededKnown: Bool {
    pathCount > 0 && (fundNeeded.count == pathCount || fundNeededSketch?.count == pathCount)
  }

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
    case quantileMode, lossSketch, drawdownSketch, fundNeededSketch, perPathValuesSplit
    case funds
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(symbols, forKey: .symbols)
    try container.encode(checkpointSteps, forKey: .checkpointSteps)
    try container.encode(initialFund, forKey: .initialFund)
    try container.encode(depletionThreshold, forKey: .depletionThreshold)
    try container.encode(stepSeconds, forKey: .stepSeconds)
    try container.encode(pathCount, forKey: .pathCount)
    try container.encode(depletedPaths, forKey: .depletedPaths)
    try container.encode(adlPaths, forKey: .adlPaths)
    try container.encode(means, forKey: .means)
    try container.encode(cascadeRounds, forKey: .cascadeRounds)
    try container.encode(depletionSteps, forKey: .depletionSteps)
    try container.encode(fundLosses, forKey: .fundLosses)
    try container.encode(drawdowns, forKey: .drawdowns)
    try container.encode(markets, forKey: .markets)
    try container.encode(checkpointSketches, forKey: .checkpointSketches)
    if !fundNeeded.isEmpty { try container.encode(fundNeeded, forKey: .fundNeeded) }
    if perPathValuesSplit { try container.encode(true, forKey: .perPathValuesSplit) }
    try container.encodeIfPresent(funds, forKey: .funds)
    if quantileMode != .exact {
      try container.encode(quantileMode, forKey: .quantileMode)
      try container.encode(lossSketch, forKey: .lossSketch)
      try container.encode(drawdownSketch, forKey: .drawdownSketch)
      try container.encodeIfPresent(fundNeededSketch, forKey: .fundNeededSketch)
    }
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
    quantileMode = try container.decodeIfPresent(QuantileMode.self, forKey: .quantileMode) ?? .exact
    perPathValuesSplit = try container.decodeIfPresent(Bool.self, forKey: .perPathValuesSplit) ?? false
    lossSketch = try container.decodeIfPresent(RelativeErrorSketch.self, forKey: .lossSketch)
    drawdownSketch = try container.decodeIfPresent(RelativeErrorSketch.self, forKey: .drawdownSketch)
    fundNeededSketch = try container.decodeIfPresent(RelativeErrorSketch.self, forKey: .fundNeededSketch)
    funds = try container.decodeIfPresent([FundTotals].self, forKey: .funds)
    let keptPaths: Int
    switch quantileMode {
    case .exact:
      keptPaths = perPathValuesSplit ? 0 : pathCount
      guard lossSketch == nil, drawdownSketch == nil else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "exact run statistics with sketches"))
      }
    case .sketch(let accuracy):
      keptPaths = 0
      guard let losses = lossSketch, let drawdowns = drawdownSketch, losses.count == pathCount,
        drawdowns.count == pathCount, losses.relativeAccuracy == accuracy, drawdowns.relativeAccuracy == accuracy
      else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "sketched run statistics without matching sketches"))
      }
    }
    let consistent =
      means.count == PathQuantity.allCases.count && markets.count == symbols.count
      && checkpointSketches.count == checkpointSteps.count && fundLosses.count == keptPaths
      && drawdowns.count == keptPaths && cascadeRounds.total == pathCount && depletionSteps.total == depletedPaths
      && (fundNeeded.isEmpty || (quantileMode == .exact && fundNeeded.count == pathCount))
      && (fundNeededSketch.map { quantileMode != .exact && $0.count == pathCount } ?? true)
      && means.allSatisfy { $0.count == pathCount } && stepSeconds > 0
      && (funds ?? []).allSatisfy { $0.paths == pathCount && $0.markets.allSatisfy(symbols.indices.contains) }
    guard consistent else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "run statistics parts do not match their path count"))
    }
  }
}
