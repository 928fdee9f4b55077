import FundSimulation

/// What one chunk of simulated paths contributes to a run: its `paths.csv` rows and its
/// partial statistics.
///
/// Built on a worker thread, so formatting and accumulation run in parallel; the driver
/// hands chunks over in path order, and appending the rows and merging the partials in that
/// order gives the run's `paths.csv` and ``RunStatistics``, whatever the thread count.
public struct ChunkReport: Sendable {
  /// The chunk's `paths.csv` rows, without the header.
  public var rows: [UInt8]
  /// The chunk's statistics, to merge into the run's.
  public var statistics: RunStatistics

  /// - Parameters:
  ///   - outcomes: the chunk's paths, in path order.
  ///   - template: an empty ``RunStatistics`` for the run (symbols, checkpoints, fund).
  ///   - rows: whether to format the rows (`false` leaves ``rows`` empty).
  /// - Complexity: O(outcomes).
  public init(outcomes: [PathOutcome], template: RunStatistics, rows formatsRows: Bool = true) {
    rows = []
    if formatsRows { rows.reserveCapacity(outcomes.count * 160) }
    statistics = template
    for outcome in outcomes {
      if formatsRows { PathsTable.appendRow(outcome, to: &rows) }
      statistics.add(outcome)
    }
  }
}
