/// Exact counts of small integer observations (cascade rounds, depletion steps), from
/// which means and quantiles follow without keeping one number per path.
///
/// Memory grows with the number of *distinct* values (at most the round cap, or the
/// horizon in steps), never with the number of paths. Merging adds counts, so it is
/// associative and commutative and the result does not depend on how paths were chunked.
/// Quantiles use the same type-7 definition as ``EmpiricalQuantile`` on the multiset.
///
/// - Complexity: ``add(_:)`` O(1) expected; queries O(d log d) for `d` distinct values.
public struct IntegerTally: Sendable, Equatable {
  public private(set) var counts: [Int: Int] = [:]
  /// Number of observations.
  public private(set) var total = 0

  public init() {}

  /// - Complexity: O(1) expected.
  public mutating func add(_ value: Int, count: Int = 1) {
    guard count > 0 else { return }
    counts[value, default: 0] += count
    total += count
  }

  /// - Complexity: O(d) for the `d` distinct values of `other`.
  public mutating func merge(_ other: IntegerTally) {
    for (value, count) in other.counts { add(value, count: count) }
  }

  /// Distinct values ascending with their counts.
  public var sortedCounts: [(value: Int, count: Int)] {
    counts.sorted { $0.key < $1.key }.map { (value: $0.key, count: $0.value) }
  }

  public var minimum: Int? { counts.keys.min() }
  public var maximum: Int? { counts.keys.max() }

  /// The mean with its normal-approximation interval (see ``MeanAccumulator``).
  public func meanEstimate(z: Double = normalQuantile975) -> Estimate {
    var accumulator = MeanAccumulator()
    for (value, count) in sortedCounts { accumulator.add(Double(value), count: count) }
    return accumulator.estimate(z: z)
  }

  /// The type-7 quantile of the observations, `nil` when there are none.
  public func quantile(_ p: Double) -> Double? {
    guard total > 0 else { return nil }
    let table = sortedCounts
    return EmpiricalQuantile.interpolatedRank(count: total, p: p) { rank in
      Double(Self.value(atRank: rank, in: table))
    }
  }

  /// The type-7 quantile with its order-statistic interval (``OrderStatisticInterval``),
  /// each number passed through `transform` (e.g. steps to hours).
  public func quantileEstimate(
    _ p: Double, z: Double = normalQuantile975, transform: (Double) -> Double = { $0 }
  ) -> Estimate {
    guard total > 0 else { return .notApplicable }
    let table = sortedCounts
    let rank = { (rank: Int) in Double(Self.value(atRank: rank, in: table)) }
    let value = EmpiricalQuantile.interpolatedRank(count: total, p: p, value: rank)
    let (low, high) = OrderStatisticInterval.interval(count: total, p: p, z: z, value: rank)
    return Estimate(value: transform(value), low: low.map(transform), high: high.map(transform))
  }

  /// The observation of 0-based `rank` in the ascending multiset.
  static func value(atRank rank: Int, in table: [(value: Int, count: Int)]) -> Int {
    var seen = 0
    for (value, count) in table {
      seen += count
      if rank < seen { return value }
    }
    return table.last!.value
  }
}

extension IntegerTally: Codable {
  private enum CodingKeys: String, CodingKey { case values, counts }

  /// Encoded as two parallel arrays in ascending value order (deterministic bytes).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    let table = sortedCounts
    try container.encode(table.map(\.value), forKey: .values)
    try container.encode(table.map(\.count), forKey: .counts)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let values = try container.decode([Int].self, forKey: .values)
    let counts = try container.decode([Int].self, forKey: .counts)
    guard values.count == counts.count else {
      throw DecodingError.dataCorruptedError(
        forKey: .counts, in: container, debugDescription: "values and counts differ in length")
    }
    self.init()
    for (value, count) in zip(values, counts) { add(value, count: count) }
  }
}
