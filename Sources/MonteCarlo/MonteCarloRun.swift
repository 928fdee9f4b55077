import FundReports
import FundSimulation
import PricePaths
import ScenarioFiles

/// The Monte Carlo run of one scenario, as a library: generator → path simulator →
/// per-chunk accumulator (QuantLib's Monte Carlo shape), driven in fixed chunks on worker
/// threads.
///
/// A run covers any range of path indices: a whole run is `0..<n`, a shard of a larger run
/// `a..<b`. Each chunk's `paths.csv` rows and partial ``RunStatistics`` are built on a
/// worker and handed to the caller's sink **in path order**; the returned statistics are
/// the merge of every chunk. Statistics of consecutive ranges merge
/// (``RunStatistics/merge(_:)``) into those of their union, byte for byte: the chunk size
/// is fixed (``chunkSize``), so neither the thread count nor the split into ranges changes
/// any output.
///
/// Each path's ``PathOutcome/fundNeeded`` is filled in where one run tells it
/// (``FundSimulator/simulateWithFundNeeded(path:workspace:)``: a depleted path is simulated
/// twice).
///
/// ```swift
/// let run = MonteCarloRun(scenario: scenario)
/// var statistics = try run.run(paths: 0..<10_000, threads: 2) { chunk in
///   try file.write(contentsOf: chunk.rows)
/// }
/// statistics.sortPerPathValues()
/// ```
public struct MonteCarloRun: Sendable {
  public let scenario: Scenario
  public let simulator: FundSimulator
  /// An empty accumulator for this scenario (symbols, checkpoints, fund).
  public let template: RunStatistics

  /// Paths per chunk: fixed, so outputs do not depend on the thread count.
  public static let chunkSize = 64

  /// - Parameter quantiles: how per-path losses and drawdowns are kept (``QuantileMode``).
  public init(scenario: Scenario, quantiles: QuantileMode = .exact) {
    self.scenario = scenario
    simulator = FundSimulator(
      generator: PathGenerator(model: scenario.paths, seed: scenario.seed), exchange: scenario.exchange,
      checkpoints: scenario.checkpoints)
    var template = RunStatistics(
      symbols: scenario.symbols, checkpointSteps: scenario.checkpoints.steps,
      initialFund: scenario.exchange.fund.balance,
      depletionThreshold: scenario.exchange.fund.depletionThreshold, stepSeconds: scenario.paths.horizon.stepSeconds)
    template.useQuantileMode(quantiles)
    self.template = template
  }

  /// Simulates `paths` on `threads` workers.
  ///
  /// - Parameters:
  ///   - paths: the path indices (a shard may start above 0).
  ///   - threads: worker threads (≥ 1); the result does not depend on it.
  ///   - rows: whether chunks carry their `paths.csv` rows (`false` skips formatting).
  ///   - sink: receives every chunk in path order, on the calling thread; throwing stops
  ///     the run and rethrows.
  /// - Throws: ``PathAmountError`` for the first path (in path order) whose money grew
  ///   beyond ``PathAmountLimit``, before its chunk reaches the sink.
  /// - Returns: the merged statistics of `paths`, per-path values in path order (call
  ///   ``RunStatistics/sortPerPathValues()`` before summarising).
  /// - Complexity: O(paths) simulations (plus one per depleted path for the fund needed); memory O(threads × chunk) plus 24 bytes a path.
  public func run(
    paths: Range<Int>, threads: Int, rows: Bool = true, sink: (ChunkReport) throws -> Void = { _ in }
  ) throws -> RunStatistics {
    try run(paths: paths, threads: threads, rows: rows, marks: { _ in () }) { chunk, _ in try sink(chunk) }
  }

  /// As ``run(paths:threads:rows:sink:)``, also handing the sink each chunk's per-path
  /// `marks` (extracted on the worker, in path order), e.g. the flags that paired
  /// comparisons between runs need.
  public func run<Mark: Sendable>(
    paths: Range<Int>, threads: Int, rows: Bool = true, marks: @escaping @Sendable (PathOutcome) -> Mark,
    sink: (ChunkReport, [Mark]) throws -> Void
  ) throws -> RunStatistics {
    let template = template
    let simulator = simulator
    var statistics = template
    statistics.reserveCapacity(paths: paths.count)
    try ChunkedParallelRun.run(
      paths: paths, threads: threads, chunkSize: Self.chunkSize,
      makeWorkspace: { SendableBox(simulator.makeWorkspace()) },
      process: { range, box in
        let outcomes = range.map { simulator.simulateWithFundNeeded(path: $0, workspace: box.value) }
        // A path whose money left any market's range stops the run (``PathAmountLimit``).
        let beyond = outcomes.lazy.compactMap { $0.amountBeyondLimit() }.first
        return (ChunkReport(outcomes: outcomes, template: template, rows: rows), outcomes.map(marks), beyond)
      },
      consume: { chunk in
        if let beyond = chunk.2 { throw beyond }
        try sink(chunk.0, chunk.1)
        statistics.merge(chunk.0.statistics)
      })
    return statistics
  }
}
