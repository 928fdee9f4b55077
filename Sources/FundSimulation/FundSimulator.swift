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
    SimulationWorkspace(
      path: generator.makeWorkspace(), marketCount: marketCount, positionCount: ladders.positionCount,
      largestLadder: ladders.largestLadder)
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
    ws.reset(ladders: ladders)
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
      for t in 1...steps {
        let row = logPrices + t * m
        var crossed = false
        if impactActive {
          // Branch-free too: impact decays by the resilience and is dropped below 1e-14.
          var active: UInt8 = 0
          var flags: UInt8 = 0
          for k in 0..<m {
            let decayed = impact[k] * retention[k]
            let offset = abs(decayed) < 1e-14 ? 0 : decayed
            impact[k] = offset
            active |= offset != 0 ? 1 : 0
            let logMark = row[k] + offset
            flags |= (logMark <= longThreshold[k] ? 1 : 0) | (logMark >= shortThreshold[k] ? 1 : 0)
          }
          impactActive = active != 0
          crossed = flags != 0
        } else {
          var flags: UInt8 = 0
          for k in 0..<m {
            let logMark = row[k]
            flags |= (logMark <= longThreshold[k] ? 1 : 0) | (logMark >= shortThreshold[k] ? 1 : 0)
          }
          crossed = flags != 0
        }
        if crossed {
          fund.step = t
          runCascade(step: t, workspace: ws, fund: &fund, outcome: &outcome)
          impactActive = true
        }
        if t == nextCheckpointStep {
          outcome.checkpoints[nextCheckpoint] = fund.balance
          nextCheckpoint += 1
          nextCheckpointStep = nextCheckpoint < checkpoints.count ? checkpoints.steps[nextCheckpoint] : Int.max
        }
      }
    }
    outcome.minFund = fund.minimum
    outcome.finalFund = fund.balance
    outcome.depletionStep = fund.depletionStep
    return outcome
  }
}
