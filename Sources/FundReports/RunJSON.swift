import Foundation

/// `run.json`: the machine-readable summary of a run.
///
/// Top-level keys (sorted, pretty-printed, stable across versions; new keys may be added):
/// * `format`: `"fundstress-run"`, `format_version`: 1;
/// * `metadata`: scenario name, paths, seed, threads, version, wall seconds, command
///   (array of arguments), currency, mechanic, ranking, initial fund, depletion threshold,
///   step seconds, symbols, run date (`run_date`, UTC ISO 8601), run id (`run_id`), the
///   `--fail-if` conditions with whether each was breached (`fail_if`), `quantiles` (exact or
///   the sketch and its error bound), and `shards` when the report merges a sharded run;
/// * `summary`: the metrics of `summary.csv` as `{name, value, ci_low, ci_high, unit}`
///   (`null` where the CSV field is empty);
/// * `markets`: the rows of `markets.csv` keyed by its column names;
/// * `fund_quantiles`: the rows of `fund_quantiles.csv` keyed by its column names;
/// * `scenario`: the resolved scenario supplied by the caller (or `null`).
///
/// Non-finite numbers, which JSON cannot hold, are written as the strings `"inf"`,
/// `"-inf"`, `"nan"`.
public enum RunJSON {
  /// The encoded document.
  public static func data(_ summary: RunSummary, context: ReportContext) throws -> Data {
    try reportJSON(Document(summary: summary, context: context))
  }

  private struct Document: Encodable {
    let summary: RunSummary
    let context: ReportContext

    enum Keys: String, CodingKey {
      case format, formatVersion = "format_version", metadata, summary, markets
      case fundQuantiles = "fund_quantiles", scenario
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode("fundstress-run", forKey: .format)
      try container.encode(1, forKey: .formatVersion)
      try container.encode(Metadata(context: context, summary: summary), forKey: .metadata)
      try container.encode(summary.metrics, forKey: .summary)
      try container.encode(summary.markets, forKey: .markets)
      try container.encode(summary.fundQuantiles.map(QuantileRow.init), forKey: .fundQuantiles)
      if let scenario = context.resolvedScenario {
        try container.encode(AnyEncodable(scenario), forKey: .scenario)
      } else {
        try container.encodeNil(forKey: .scenario)
      }
    }
  }

  private struct Metadata: Encodable {
    let context: ReportContext
    let summary: RunSummary

    enum Keys: String, CodingKey {
      case stepSeconds = "step_seconds", symbols, shards, quantiles
      case runDate = "run_date", runID = "run_id", failIf = "fail_if"
    }

    /// The keys `size` and `sweep` share (``ContextMetadata``), then a run's own: the keys
    /// go into one object (keys are sorted on output).
    func encode(to encoder: any Encoder) throws {
      try ContextMetadata(context: context).encode(to: encoder)
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(context.stepSeconds, forKey: .stepSeconds)
      try container.encode(context.symbols, forKey: .symbols)
      try container.encode(context.runDateText, forKey: .runDate)
      try container.encode(context.runID, forKey: .runID)
      try container.encode(context.failConditions.map { FailRecord(condition: $0, summary: summary) }, forKey: .failIf)
      try container.encodeIfPresent(context.shards, forKey: .shards)
      try container.encodeIfPresent(context.quantiles, forKey: .quantiles)
    }
  }

  /// A `--fail-if` condition as run: its text, its metric and bound, and the verdict.
  private struct FailRecord: Encodable {
    let condition: FailCondition
    let summary: RunSummary

    enum Keys: String, CodingKey { case condition, metric, bound, comparison, threshold, breached }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(condition.description, forKey: .condition)
      try container.encode(condition.metric, forKey: .metric)
      try container.encode(condition.bound.rawValue, forKey: .bound)
      try container.encode(condition.comparison.rawValue, forKey: .comparison)
      try container.encode(condition.threshold, forKey: .threshold)
      try container.encode(condition.isBreached(by: summary), forKey: .breached)
    }
  }

  /// A fund-quantile row keyed like `fund_quantiles.csv`.
  private struct QuantileRow: Encodable {
    let row: FundQuantileRow

    typealias Key = Row.Key

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(row.step, forKey: Key(stringValue: "step"))
      try container.encode(row.hours, forKey: Key(stringValue: "hours"))
      for (column, value) in zip(FundQuantileRow.columns.dropFirst(2), row.quantiles) {
        try container.encode(value, forKey: Key(stringValue: column))
      }
      try container.encode(row.mean, forKey: Key(stringValue: "mean"))
    }
  }
}
