import PricePaths
import RealModule

/// Runs one price path through the exchange's liquidation machinery and the shared
/// insurance fund, and reports what happened (``PathOutcome``).
///
/// Each step, for every market: the permanent impact left by earlier liquidations decays by
/// `resilience`, the mark is the path's price times the impact, and the mark is compared
/// with the next liquidation price on each side's ladder (one comparison per market and
/// side). Only when something crosses does the step run a ``LiquidationCascade``: rounds
/// of liquidations whose impact moves the mark until nothing more crosses. All markets'
/// flows hit one fund.
///
/// Sendable and read-only: share one simulator between workers, each with its own
/// ``SimulationWorkspace``.
public struct FundSimulator: Sendable {
  public let generator: PathGenerator
  public let exchange: ExchangeModel
  public let checkpoints: CheckpointSchedule
  let ladders: BookLadders
  /// `1 − resilience` per market.
  let impactRetention: [Double]
  /// Each market's book depth and permanent impact share, read in the cascade without
  /// copying its ``MarketRules`` (whose margin tiers are an array: a copy costs a retain).
  let depth: [Double]
  let permanentImpact: [Double]
  /// Whether rounds of whole positions are closed from the ladders' prefix sums in O(1)
  /// (``MarketClose/closeWholeRun(_:simulator:ledger:)``); `false` closes every
  /// round position by position, the reference the tests compare it with.
  var aggregatesRounds = true
  /// Whether the fund pays every shortfall, however large (``FundNeeded``): its threshold
  /// is −∞, so it never depletes and its lowest balance measures the fund the path needed.
  var withoutFundLimit = false
  /// Under a ``FundScope`` other than shared: each market's fund and each fund's markets
  /// and share, resolved once per run; empty for the shared fund.
  let fundOfMarket: [Int]
  let fundGroups: [FundGroup]
  /// Each market's partial liquidation (``PartialLiquidation``) and its cooldown in steps;
  /// both empty when no market liquidates partially.
  let partialLiquidation: [PartialLiquidation?]
  let partialCooldownSteps: [Int]
  /// Each market's margin reduction (``MarginReduction``), empty like the above; when a
  /// market reduces positions, ``partialLiquidation`` is not empty either (all `nil` if no
  /// market slices), so the cascade tests one array for both rules.
  let marginReduction: [MarginReduction?]
  let reducesMargins: Bool

  public init(generator: PathGenerator, exchange: ExchangeModel, checkpoints: CheckpointSchedule) {
    precondition(exchange.rules.count == generator.model.marketCount, "one rule set per market")
    precondition(checkpoints.steps.last == generator.model.horizon.steps, "checkpoints must end at the horizon")
    self.generator = generator
    self.exchange = exchange
    self.checkpoints = checkpoints
    ladders = BookLadders(exchange: exchange)
    impactRetention = exchange.rules.map { 1 - $0.resilience }
    depth = exchange.rules.map(\.depth)
    permanentImpact = exchange.rules.map(\.permanentImpact)
    let groups = exchange.fund.scope.funds(markets: exchange.rules.count) ?? []
    var owner = Array(repeating: 0, count: groups.isEmpty ? 0 : exchange.rules.count)
    for (g, group) in groups.enumerated() { for k in group.markets { owner[k] = g } }
    fundOfMarket = owner
    fundGroups = groups
    let partial = exchange.rules.map(\.partialLiquidation)
    let stepSeconds = generator.model.horizon.stepSeconds
    let reduction = exchange.rules.map(\.marginReduction)
    reducesMargins = reduction.contains { $0 != nil }
    partialLiquidation = partial.contains { $0 != nil } || reducesMargins ? partial : []
    marginReduction = reducesMargins ? reduction : []
    partialCooldownSteps = partialLiquidation.map { $0?.cooldownSteps(stepSeconds: stepSeconds) ?? 0 }
  }

  public var marketCount: Int { exchange.rules.count }

  /// A workspace for one worker thread.
  public func makeWorkspace() -> SimulationWorkspace {
    SimulationWorkspace(
      path: generator.makeWorkspace(), ladders: ladders.workerCopy(), partialLiquidation: !partialLiquidation.isEmpty,
      marginReduction: reducesMargins)
  }

  /// Generates path `path` and simulates it.
  ///
  /// - Complexity: O(T·M²) for the path, O(T·M) for the step loop, plus the liquidations.
  public func simulate(path: Int, workspace ws: SimulationWorkspace) -> PathOutcome {
    generator.generate(path: path, into: ws.path)
    return simulateGeneratedPath(path: path, workspace: ws)
  }

  /// Simulates the path already in `ws.path`.
  func simulateGeneratedPath(path: Int, workspace ws: SimulationWorkspace) -> PathOutcome {
    ws.reset()
    if exchange.adl.ranking == .randomWalk {
      ws.deleveragingStream = generator.streams.generator(path: path, purpose: .deleveraging)
    }
    let m = marketCount
    let steps = generator.model.horizon.steps
    var ledger: PathLedger
    if fundGroups.isEmpty {
      ledger = PathLedger(
        fund: InsuranceFund(
          balance: exchange.fund.balance, threshold: withoutFundLimit ? -.infinity : exchange.fund.depletionThreshold,
          drawdownTrigger: exchange.adl.drawdownTrigger, drawdownWindow: exchange.adl.drawdownWindowSteps),
        outcome: PathOutcome(path: path, initialFund: exchange.fund.balance, markets: m, checkpoints: checkpoints.count)
      )
      ledger.fund.capOutflows(
        perStep: exchange.fund.stepOutflowCap, perMarket: exchange.fund.marketOutflowCap, markets: m)
    } else {
      ledger = PathLedger(
        funds: makeScopedFunds(),
        outcome: PathOutcome(path: path, initialFund: exchange.fund.balance, markets: m, checkpoints: checkpoints.count)
      )
    }
    let logPrices = ws.path.logPrices
    let impact = ws.impact
    let longThreshold = ws.longThreshold
    let shortThreshold = ws.shortThreshold
    var nextCheckpoint = 1
    var nextCheckpointStep = checkpoints.count > 1 ? checkpoints.steps[1] : Int.max

    impactRetention.withUnsafeBufferPointer { retention in
      // Whether any market still carries impact; until the first cascade, and again once
      // every impact has decayed, a step is a branch-free scan of the marks.
      var impactActive = false
      var t = 1
      while t <= steps {
        let row = logPrices + t * m
        var crossed = false
        if impactActive {
          // Branch-free too, two markets at a time (the baseline vector width, as in
          // `firstCrossing`): impact decays by the resilience and is dropped below 1e-14;
          // a flushed offset is +0, so its bits are zero exactly when it is.
          var offsetBits = SIMD2<UInt64>(repeating: 0)
          var gaps = SIMD2<UInt64>(repeating: .max)
          var k = 0
          while k < m & ~1 {
            var offset = load2(impact + k) * load2(retention.baseAddress! + k)
            offset.replace(with: 0, where: (offset .< 1e-14) .& (offset .> -1e-14))
            store2(offset, impact + k)
            offsetBits |= unsafeBitCast(offset, to: SIMD2<UInt64>.self)
            gaps &= ThresholdGap.gaps(
              load2(row + k) + offset, low: load2(longThreshold + k), high: load2(shortThreshold + k))
            k += 2
          }
          var active = (offsetBits[0] | offsetBits[1]) != 0
          crossed = !ThresholdGap.noneCrossed(gaps)
          while k < m {
            let decayed = impact[k] * retention[k]
            let offset = abs(decayed) < 1e-14 ? 0 : decayed
            impact[k] = offset
            active = active || offset != 0
            let logMark = row[k] + offset
            crossed = crossed || (logMark <= longThreshold[k]) || (logMark >= shortThreshold[k])
            k += 1
          }
          impactActive = active
        } else {
          // Without impact nothing moves a mark or a threshold until something crosses:
          // skip to the next step that crosses, recording the checkpoints passed over.
          let next = firstCrossing(
            logPrices: logPrices, from: t, through: steps, longThreshold: longThreshold,
            shortThreshold: shortThreshold)
          while nextCheckpointStep < next {
            ledger.outcome.checkpoints[nextCheckpoint] = ledger.totalBalance
            nextCheckpoint += 1
            nextCheckpointStep = nextCheckpoint < checkpoints.count ? checkpoints.steps[nextCheckpoint] : Int.max
          }
          if next > steps { break }
          t = next
          crossed = true
        }
        if crossed {
          ledger.fund.step = t
          runCascade(step: t, workspace: ws, ledger: &ledger)
          // A cascade through books without impact (infinite depth or no permanent share)
          // leaves every mark on the path: stay on the skipping scan.
          impactActive = false
          for k in 0..<m where impact[k] != 0 { impactActive = true }
        }
        if t == nextCheckpointStep {
          ledger.outcome.checkpoints[nextCheckpoint] = ledger.totalBalance
          nextCheckpoint += 1
          nextCheckpointStep = nextCheckpoint < checkpoints.count ? checkpoints.steps[nextCheckpoint] : Int.max
        }
        t += 1
      }
    }
    if !fundGroups.isEmpty { return scopedOutcome(&ledger) }
    var outcome = ledger.outcome
    outcome.minFund = ledger.fund.minimum
    outcome.finalFund = ledger.fund.balance
    outcome.depletionStep = ledger.fund.depletionStep
    if withoutFundLimit {
      outcome.adlFundNeeded = exchange.fund.depletionThreshold + ledger.fund.largestADLExposedOutflow
    }
    return outcome
  }

  /// The first step in `from ... through` at which a mark (the path's price, no impact)
  /// reaches a market's next liquidation threshold on either side, or `through + 1`.
  ///
  /// Steps go four at a time. Each step's sign-bit gaps (``ThresholdGap``) are ANDed over
  /// the markets, two at a time (an odd last market fills both lanes), into one word per
  /// step; the block is tested once, and the first step whose word has a clear sign bit is
  /// read from the four words, without a second, branching look at the block (3% of the
  /// peer workload's run, which has no impact: docs/PERFORMANCE.md, seventh round). `SIMD2`
  /// is the baseline vector width of x86-64 and arm64, so each operation is one instruction
  /// there.
  ///
  /// - Complexity: O(steps × markets), about one vector operation per market-step.
  func firstCrossing(
    logPrices: UnsafeMutablePointer<Double>, from: Int, through: Int, longThreshold: UnsafeMutablePointer<Double>,
    shortThreshold: UnsafeMutablePointer<Double>
  ) -> Int {
    let m = marketCount
    let even = m & ~1
    var t = from
    while t + 3 <= through {
      let row = logPrices + t * m
      var step0 = SIMD2<UInt64>(repeating: .max)
      var step1 = step0
      var step2 = step0
      var step3 = step0
      var k = 0
      while k < even {
        let low = load2(longThreshold + k)
        let high = load2(shortThreshold + k)
        step0 &= ThresholdGap.gaps(load2(row + k), low: low, high: high)
        step1 &= ThresholdGap.gaps(load2(row + m + k), low: low, high: high)
        step2 &= ThresholdGap.gaps(load2(row + 2 * m + k), low: low, high: high)
        step3 &= ThresholdGap.gaps(load2(row + 3 * m + k), low: low, high: high)
        k += 2
      }
      if k < m {
        let low = SIMD2(repeating: longThreshold[k])
        let high = SIMD2(repeating: shortThreshold[k])
        step0 &= ThresholdGap.gaps(SIMD2(repeating: row[k]), low: low, high: high)
        step1 &= ThresholdGap.gaps(SIMD2(repeating: row[m + k]), low: low, high: high)
        step2 &= ThresholdGap.gaps(SIMD2(repeating: row[2 * m + k]), low: low, high: high)
        step3 &= ThresholdGap.gaps(SIMD2(repeating: row[3 * m + k]), low: low, high: high)
      }
      if !ThresholdGap.noneCrossed(step0 & step1 & step2 & step3) {
        // Bit j set: step t + j crosses.
        var crossed = ThresholdGap.noneCrossed(step3) ? 0 : 8
        crossed |= ThresholdGap.noneCrossed(step2) ? 0 : 4
        crossed |= ThresholdGap.noneCrossed(step1) ? 0 : 2
        crossed |= ThresholdGap.noneCrossed(step0) ? 0 : 1
        return t + crossed.trailingZeroBitCount
      }
      t += 4
    }
    while t <= through {
      let row = logPrices + t * m
      for k in 0..<m where row[k] <= longThreshold[k] || row[k] >= shortThreshold[k] { return t }
      t += 1
    }
    return through + 1
  }
}

@inline(__always) private func load2(_ p: UnsafePointer<Double>) -> SIMD2<Double> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
}
@inline(__always) private func store2(_ v: SIMD2<Double>, _ p: UnsafeMutablePointer<Double>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD2<Double>.self)
}
