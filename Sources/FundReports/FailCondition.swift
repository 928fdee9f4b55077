/// A `--fail-if` condition: a summary metric, or a bound of its 95% interval, compared with
/// a threshold, e.g. `depletion>0.01`, `depletion.ci_low>0.01`, `adl.ci_high>=0.2`,
/// `fund_loss_var_99>5e6`.
///
/// Grammar: `METRIC[.BOUND] OP NUMBER[%]`, spaces allowed around `OP`, where `METRIC` is any
/// name of ``MetricDefinition/names`` or an alias (`depletion` → `depletion_probability`,
/// `adl` → `adl_probability`), `BOUND` is `value` (the default: the point estimate),
/// `ci_low` or `ci_high`, `OP` is `>`, `>=`, `<` or `<=`, and `NUMBER` is a finite decimal
/// or exponent literal (`%` divides it by 100).
///
/// A bound makes an alert respect the noise of a run: `depletion.ci_low>0.01` is breached
/// only when even the lower end of the 95% interval is above 1%, so a noisy estimate of
/// 1.2% from few paths does not page anyone. A metric or bound with no value on this run
/// (e.g. `time_to_depletion_p50` when nothing was depleted) never breaches; metrics that
/// never have an interval (`cascade_rounds_max`, `paths`) refuse a bound.
public struct FailCondition: Sendable, Hashable, CustomStringConvertible {
  public enum Comparison: String, Sendable, CaseIterable {
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="

    public func holds(_ value: Double, _ threshold: Double) -> Bool {
      switch self {
      case .greater: value > threshold
      case .greaterOrEqual: value >= threshold
      case .less: value < threshold
      case .lessOrEqual: value <= threshold
      }
    }
  }

  /// Short names accepted for common metrics.
  public static let aliases = ["depletion": "depletion_probability", "adl": "adl_probability"]

  /// Which number of the metric is compared: its estimate or a bound of its 95% interval.
  public enum Bound: String, Sendable, CaseIterable {
    case value
    case ciLow = "ci_low"
    case ciHigh = "ci_high"

    /// This number of `metric`.
    public func of(_ metric: SummaryMetric) -> Double? {
      switch self {
      case .value: metric.value
      case .ciLow: metric.ciLow
      case .ciHigh: metric.ciHigh
      }
    }
  }

  /// The full metric name.
  public let metric: String
  public let bound: Bound
  public let comparison: Comparison
  public let threshold: Double

  public init(metric: String, bound: Bound = .value, comparison: Comparison, threshold: Double) {
    self.metric = metric
    self.bound = bound
    self.comparison = comparison
    self.threshold = threshold
  }

  /// Parses a condition.
  ///
  /// - Throws: ``FailConditionError`` with a one-line message naming the problem and the
  ///   fix (close metric names for an unknown one).
  public init(parsing text: String) throws {
    let source = text.trimmingSpaces
    func fail(_ message: String) -> FailConditionError {
      FailConditionError(message: "--fail-if '\(text)': \(message)")
    }
    guard !source.isEmpty else {
      throw fail("empty condition; write METRIC OP VALUE, e.g. depletion>0.01")
    }
    guard let operatorStart = source.firstIndex(where: { $0 == ">" || $0 == "<" || $0 == "=" || $0 == "!" }) else {
      throw fail("no comparison; write METRIC OP VALUE with OP one of >, >=, <, <= (e.g. depletion>0.01)")
    }
    var operatorEnd = source.index(after: operatorStart)
    if operatorEnd < source.endIndex, source[operatorEnd] == "=" { operatorEnd = source.index(after: operatorEnd) }
    let symbol = String(source[operatorStart..<operatorEnd])
    guard let comparison = Comparison(rawValue: symbol) else {
      throw fail("unsupported comparison '\(symbol)'; use one of >, >=, <, <=")
    }
    var name = String(source[..<operatorStart]).trimmingSpaces
    var bound = Bound.value
    if let dot = name.lastIndex(of: ".") {
      let suffix = String(name[name.index(after: dot)...])
      guard let parsed = Bound(rawValue: suffix) else {
        throw fail("unknown bound '.\(suffix)'; use .ci_low, .ci_high or .value, e.g. depletion.ci_low>0.01")
      }
      bound = parsed
      name = String(name[..<dot])
    }
    var number = String(source[operatorEnd...]).trimmingSpaces
    guard !name.isEmpty else { throw fail("missing metric before '\(symbol)'; e.g. depletion\(symbol)0.01") }
    let metric = Self.aliases[name] ?? name
    guard MetricDefinition.named(metric) != nil else {
      let suggestions = Self.suggestions(for: name)
      let hint =
        suggestions.isEmpty
        ? "see the metric column of summary.csv for valid names"
        : "did you mean \(suggestions.joined(separator: ", "))?"
      throw fail("unknown metric '\(name)'; \(hint)")
    }
    if bound != .value, RunSummary.exactMetrics.contains(metric) {
      throw fail("\(metric) is exact and has no interval; compare its value, e.g. \(metric)\(symbol)\(number)")
    }
    var scale = 1.0
    if number.hasSuffix("%") {
      number.removeLast()
      number = number.trimmingSpaces
      scale = 0.01
    }
    guard !number.isEmpty else { throw fail("missing threshold after '\(symbol)'; e.g. \(name)\(symbol)0.01") }
    guard let value = Double(number), value.isFinite,
      number.allSatisfy({ $0.isNumber || "+-.eE".contains($0) })
    else {
      throw fail("'\(number)' is not a number; give a finite threshold such as 0.01, 5e6 or 1%")
    }
    self.init(metric: metric, bound: bound, comparison: comparison, threshold: value * scale)
  }

  /// `metric[.bound] OP threshold`, e.g. `depletion_probability.ci_low > 0.01`.
  public var description: String {
    "\(metric)\(bound == .value ? "" : "." + bound.rawValue) \(comparison.rawValue) \(CSVField.format(threshold))"
  }

  /// Whether the summary's value (or bound) of the metric satisfies the comparison.
  public func isBreached(by summary: RunSummary) -> Bool { isBreached(summary[metric]) }

  /// Whether the metric among `metrics` (a run read back) satisfies the comparison.
  public func isBreached(by metrics: [SummaryMetric]) -> Bool { isBreached(metrics.first { $0.name == metric }) }

  func isBreached(_ observed: SummaryMetric?) -> Bool {
    guard let observed, let value = bound.of(observed) else { return false }
    return comparison.holds(value, threshold)
  }

  /// A one-line message with the observed value and interval, e.g.
  /// `depletion_probability = 2.66% (95% CI 2.56–2.76%): ci_low 2.56% > 1%, breached`,
  /// or `… has no ci_low on this run` when the number compared is empty.
  public func message(for summary: RunSummary) -> String {
    guard let observed = summary[metric], let value = bound.of(observed) else {
      return "\(metric) has no \(bound.rawValue) on this run (\(description))"
    }
    let kind = ReportDocument.kind(ofUnit: observed.unit)
    let unit = kind == .percent || observed.unit.isEmpty ? "" : " " + observed.unit
    let shown = ReportDocument.readableEstimate(observed)
    let compared = ReadableNumber(intervalOf: kind, value: observed.value, low: observed.ciLow, high: observed.ciHigh)
      .string(value)
    let limit =
      ReadableNumber.single(threshold, kind, digits: 6) + unit
    let verdict = isBreached(by: summary) ? "breached" : "not breached"
    let subject = bound == .value ? "" : bound.rawValue + " "
    return "\(metric) = \(shown): \(subject)\(compared)\(unit) \(comparison.rawValue) \(limit), \(verdict)"
  }

  /// Up to three known names (or aliases) close to `name`: by edit distance, or
  /// containing it.
  public static func suggestions(for name: String) -> [String] {
    let candidates = MetricDefinition.names + aliases.keys.sorted()
    let lowered = name.lowercased()
    let scored = candidates.compactMap { candidate -> (String, Int)? in
      let distance = editDistance(lowered, candidate)
      let limit = max(2, lowered.count / 3)
      if distance <= limit { return (candidate, distance) }
      if lowered.count >= 3, candidate.contains(lowered) { return (candidate, limit + 1) }
      return nil
    }
    return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
  }

  /// Levenshtein distance (insertions, deletions, substitutions).
  ///
  /// - Complexity: O(|a| × |b|).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

/// A malformed `--fail-if` condition; ``message`` is one line for the terminal.
public struct FailConditionError: Error, Sendable, Equatable, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
