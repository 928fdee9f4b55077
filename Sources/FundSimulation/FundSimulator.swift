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
  /// Whether rounds of whole positions are closed from the ladders' prefix sums in O(1)
  /// (``closeWholeRun(market:ladder:rungs:mark:fund:outcome:)``); `false` closes every
  /// round position by position, the reference the tests compare it with.
  var aggregatesRounds = true

  public init(generator: PathGenerator, exchange: ExchangeModel, checkpoints: CheckpointSchedule) {
    precondition(exchange.rules.count == generator.model.marketCount, "one rule set per market")
    precondition(checkpoints.steps.last == generator.model.horizon.steps, "checkpoints must end at the horizon")
    self.generator = generator
    self.exchange = exchange
    self.checkpoints = checkpoints
    ladders = BookLadders(exchange: exchange)
    impactRetention = exchange.rules.map { 1 - $0.resilience }
  }

  public var marketCount: Int { exchange.rules.count }

  /// A workspace for one worker thread.
  public func makeWorkspace() -> SimulationWorkspace {
    SimulationWorkspace(path: generator.makeWorkspace(), ladders: ladders.workerCopy())
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
    let m = marketCount
    let steps = generator.model.horizon.steps
    var fund = InsuranceFund(
      balance: exchange.fund.balance, threshold: exchange.fund.depletionThreshold,
      tracksChanges: exchange.adl.drawdownTrigger != nil)
    var outcome = PathOutcome(
      path: path, initialFund: exchange.fund.balance, markets: m, checkpoints: checkpoints.count)
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
          // Branch-free too, in SIMD lanes: impact decays by the resilience and is dropped
          // below 1e-14.
          var active = false
          var k = 0
          while k + 8 <= m {
            var offset = load8(impact + k) * load8(retention.baseAddress! + k)
            offset.replace(with: 0, where: (offset .< 1e-14) .& (offset .> -1e-14))
            store8(offset, impact + k)
            active = active || any(offset .!= 0)
            let logMark = load8(row + k) + offset
            let gaps = ThresholdGap.gaps(logMark, low: load8(longThreshold + k), high: load8(shortThreshold + k))
            crossed = crossed || !ThresholdGap.noneCrossed(gaps)
            k += 8
          }
          if k + 4 <= m {
            var offset = load4(impact + k) * load4(retention.baseAddress! + k)
            offset.replace(with: 0, where: (offset .< 1e-14) .& (offset .> -1e-14))
            store4(offset, impact + k)
            active = active || any(offset .!= 0)
            let logMark = load4(row + k) + offset
            let gaps = ThresholdGap.gaps(logMark, low: load4(longThreshold + k), high: load4(shortThreshold + k))
            crossed = crossed || !ThresholdGap.noneCrossed(gaps)
            k += 4
          }
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
            outcome.checkpoints[nextCheckpoint] = fund.balance
            nextCheckpoint += 1
            nextCheckpointStep = nextCheckpoint < checkpoints.count ? checkpoints.steps[nextCheckpoint] : Int.max
          }
          if next > steps { break }
          t = next
          crossed = true
        }
        if crossed {
          fund.step = t
          runCascade(step: t, workspace: ws, fund: &fund, outcome: &outcome)
          // A cascade through books without impact (infinite depth or no permanent share)
          // leaves every mark on the path: stay on the skipping scan.
          impactActive = false
          for k in 0..<m where impact[k] != 0 { impactActive = true }
        }
        if t == nextCheckpointStep {
          outcome.checkpoints[nextCheckpoint] = fund.balance
          nextCheckpoint += 1
          nextCheckpointStep = nextCheckpoint < checkpoints.count ? checkpoints.steps[nextCheckpoint] : Int.max
        }
        t += 1
      }
    }
    outcome.minFund = fund.minimum
    outcome.finalFund = fund.balance
    outcome.depletionStep = fund.depletionStep
    return outcome
  }

  /// The first step in `from ... through` at which a mark (the path's price, no impact)
  /// reaches a market's next liquidation threshold on either side, or `through + 1`.
  /// Steps are compared four at a time, their sign-bit gaps (``ThresholdGap``) combined
  /// before one test.
  ///
  /// The `SIMD8` and `SIMD4` blocks here and in the step loop are written out per width on
  /// purpose: the concrete types' operators lower to vector instructions, while the same
  /// code written once over a generic `V: SIMD` did not (tried in 43401fd: the 8-market
  /// default run took 1.9× as long, the 4-market peer workload no longer).
  ///
  /// - Complexity: O(steps × markets), about one vector comparison per four market-steps.
  func firstCrossing(
    logPrices: UnsafeMutablePointer<Double>, from: Int, through: Int, longThreshold: UnsafeMutablePointer<Double>,
    shortThreshold: UnsafeMutablePointer<Double>
  ) -> Int {
    let m = marketCount
    var t = from
    blocks: while t + 3 <= through {
      let row = logPrices + t * m
      var k = 0
      while k + 8 <= m {
        let low = load8(longThreshold + k)
        let high = load8(shortThreshold + k)
        var gaps = ThresholdGap.gaps(load8(row + k), low: low, high: high)
        for j in 1..<4 { gaps &= ThresholdGap.gaps(load8(row + j * m + k), low: low, high: high) }
        if !ThresholdGap.noneCrossed(gaps) { break blocks }
        k += 8
      }
      if k + 4 <= m {
        let low = load4(longThreshold + k)
        let high = load4(shortThreshold + k)
        var gaps = ThresholdGap.gaps(load4(row + k), low: low, high: high)
        for j in 1..<4 { gaps &= ThresholdGap.gaps(load4(row + j * m + k), low: low, high: high) }
        if !ThresholdGap.noneCrossed(gaps) { break blocks }
        k += 4
      }
      while k < m {
        for j in 0..<4 where row[j * m + k] <= longThreshold[k] || row[j * m + k] >= shortThreshold[k] {
          break blocks
        }
        k += 1
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

@inline(__always) private func load8(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
}
@inline(__always) private func load8(_ p: UnsafeMutablePointer<Double>) -> SIMD8<Double> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
}
@inline(__always) private func store8(_ v: SIMD8<Double>, _ p: UnsafeMutablePointer<Double>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Double>.self)
}
@inline(__always) private func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
}
@inline(__always) private func load4(_ p: UnsafeMutablePointer<Double>) -> SIMD4<Double> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
}
@inline(__always) private func store4(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
}
