/// A sizing target: a probability the fund must keep a metric within, e.g.
/// `depletion<=0.01` (at most 1% of paths deplete the fund) or `adl<0.05`.
public struct SizingTarget: Sendable, Hashable, CustomStringConvertible {
  /// What is counted on each path.
  public enum Metric: String, Sendable, CaseIterable {
    /// The fund reaches its depletion threshold.
    case depletion
    /// At least one ADL event.
    case adl

    /// The summary metric's name (`depletion_probability`, `adl_probability`).
    public var probabilityName: String { "\(rawValue)_probability" }
  }

  public let metric: Metric
  /// `<` rather than `<=`.
  public let strict: Bool
  /// The probability bound, in [0, 1].
  public let threshold: Double

  public init(metric: Metric, strict: Bool = false, threshold: Double) {
    self.metric = metric
    self.strict = strict
    self.threshold = threshold
  }

  /// Parses `METRIC<=P` or `METRIC<P`, METRIC `depletion` or `adl` (also
  /// `depletion_probability`, `adl_probability`), P a probability.
  ///
  /// - Throws: ``SizingError`` with a one-line message naming the target.
  public init(parsing text: String) throws {
    let compact = text.filter { !$0.isWhitespace }
    let strict = !compact.contains("<=")
    let parts = compact.components(separatedBy: strict ? "<" : "<=")
    let names = Metric.allCases.map(\.rawValue).joined(separator: " or ")
    guard parts.count == 2 else {
      throw SizingError(
        "--target '\(text)' is not METRIC<=P; write e.g. --target 'depletion<=0.01' or --target 'adl<=0.05' (METRIC \(names))"
      )
    }
    let name = parts[0].hasSuffix("_probability") ? String(parts[0].dropLast("_probability".count)) : parts[0]
    guard let metric = Metric(rawValue: name) else {
      throw SizingError("--target '\(text)': unknown metric '\(parts[0])'; use \(names)")
    }
    guard let threshold = Double(parts[1]), threshold >= 0, threshold <= 1 else {
      throw SizingError("--target '\(text)': '\(parts[1])' is not a probability; give a number from 0 to 1, e.g. 0.01")
    }
    self.init(metric: metric, strict: strict, threshold: threshold)
  }

  public var operatorSymbol: String { strict ? "<" : "<=" }

  /// `depletion<=0.01`.
  public var description: String { "\(metric.rawValue)\(operatorSymbol)\(threshold)" }

  /// Whether a probability meets the target.
  public func isMet(probability: Double) -> Bool { strict ? probability < threshold : probability <= threshold }

  /// Whether `count` paths out of `paths` meet the target (the run's own proportion).
  public func isMet(count: Int, paths: Int) -> Bool { isMet(probability: Double(count) / Double(paths)) }

  /// The most paths out of `paths` that may show the metric, or −1 when none may.
  ///
  /// - Complexity: O(1).
  public func allowedCount(paths: Int) -> Int {
    var k = Int((threshold * Double(paths)).rounded(.down))
    while k < paths && isMet(count: k + 1, paths: paths) { k += 1 }
    while k >= 0 && !isMet(count: k, paths: paths) { k -= 1 }
    return k
  }
}

/// A problem with a sizing or sweep request, as one line.
public struct SizingError: Error, Sendable, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
