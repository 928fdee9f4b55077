import FundReports

/// The rows of `sweep.csv` built cell by cell from the sweep's paired samples, and the
/// cells that breach `--fail-if` conditions: the same for a single-machine sweep and for
/// the merge of a sharded one.
///
/// Every cell is compared path by path with the base run (``PairedComparison``); when the
/// base scenario is no cell of the grid, its own rows (`base`, zero differences) come
/// first.
///
/// - Complexity: O(paths) a cell; memory that of the base sample and the rows.
public struct SweepTable: Sendable {
  public let plan: SweepPlan
  public let base: PairedSample
  public let currency: String
  public let conditions: [FailCondition]
  public private(set) var rows: [SweepRow] = []
  /// One line a breach: `cell I (KEY=V …): CONDITION`.
  public private(set) var breaches: [String] = []

  /// Starts the table with the base run (its rows when it is no cell).
  public init(plan: SweepPlan, base: PairedSample, currency: String, conditions: [FailCondition] = []) {
    self.plan = plan
    self.base = base
    self.currency = currency
    self.conditions = conditions
    if plan.baseCell == nil {
      rows += Self.rows("base", plan.keys.map { _ in "" }, PairedComparison.compare(base, with: base), currency)
    }
  }

  /// Adds cell `index` (in grid order).
  public mutating func add(cell index: Int, _ sample: PairedSample) {
    let values = plan.cells[index]
    rows += Self.rows(String(index), values, PairedComparison.compare(sample, with: base), currency)
    let summary = RunSummary(statistics: sample.statistics, currency: currency)
    for condition in conditions where condition.isBreached(by: summary) {
      let place = zip(plan.keys, values).map { "\($0)=\($1)" }.joined(separator: " ")
      breaches.append("cell \(index) (\(place)): \(condition)")
    }
  }

  static func rows(_ cell: String, _ values: [String], _ metrics: [PairedMetric], _ currency: String) -> [SweepRow] {
    metrics.map {
      SweepRow(
        cell: cell, keyValues: values, metric: $0.name, value: $0.value, difference: $0.difference,
        unit: $0.unit.label(currency: currency))
    }
  }
}

extension SweepPlan {
  /// The points a shard runs, in order: the base when it is no cell, then every cell.
  public var pointCount: Int { cells.count + (baseCell == nil ? 1 : 0) }

  /// The point holding the base run.
  public var basePoint: Int { baseCell ?? 0 }

  /// The point of cell `index`.
  public func point(ofCell index: Int) -> Int { index + (baseCell == nil ? 1 : 0) }
}
