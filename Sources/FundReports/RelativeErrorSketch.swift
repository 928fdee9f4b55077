import Foundation

/// A mergeable quantile sketch with a relative error bound: DDSketch's logarithmic buckets
/// (Masson, Rim & Lee, "DDSketch: a fast and fully-mergeable quantile sketch with
/// relative-error guarantees", PVLDB 12(12), 2019).
///
/// For relative accuracy `α` let `γ = (1 + α)/(1 − α)`. A value `x ≠ 0` goes to the bucket
/// `k = ⌈log_γ |x|⌉` of its sign, which holds the magnitudes `(γᵏ⁻¹, γᵏ]`; the bucket
/// stands for `x̂ = ±2γᵏ/(γ + 1)`, and every magnitude in the bucket is within `α·|x|` of
/// it. Zeros are counted apart; the exact minimum and maximum are kept. So the value of
/// any rank `r`, `x̂₍ᵣ₎`, satisfies `|x̂₍ᵣ₎ − x₍ᵣ₎| ≤ α·|x₍ᵣ₎|`, and a type-7 quantile (an
/// interpolation of two neighbouring ranks) is within `α·max(|x₍ᵣ₎|, |x₍ᵣ₊₁₎|)` of the exact
/// one. Sums over ranks (expected shortfall) are within `α` of the sum of magnitudes.
///
/// Buckets are integer counts and the extremes exact, so merging is exact and order-free:
/// sketches of the same values merged in any grouping are equal, byte for byte.
///
/// - Complexity: ``add(_:)`` O(1) amortised; ``merge(_:)`` O(buckets); memory O(buckets),
///   at most `ln(max/min)/ln γ + 1` per sign — about 4 600 for magnitudes spanning 10⁴
///   at `α = 0.001`, whatever the number of values.
public struct RelativeErrorSketch: Sendable, Hashable {
  /// The relative accuracy `α`.
  public let relativeAccuracy: Double
  let logGamma: Double
  public private(set) var count = 0
  public private(set) var minimum = Double.infinity
  public private(set) var maximum = -Double.infinity
  var positive: [Int: Int] = [:]
  var negative: [Int: Int] = [:]
  var zeros = 0

  /// The accuracy of the bounded-memory mode of runs and merges: 0.1%.
  public static let runAccuracy = 0.001

  /// - Precondition: `0 < relativeAccuracy < 1`.
  public init(relativeAccuracy: Double = runAccuracy) {
    precondition(relativeAccuracy > 0 && relativeAccuracy < 1, "relative accuracy must lie in (0, 1)")
    self.relativeAccuracy = relativeAccuracy
    logGamma = Foundation.log((1 + relativeAccuracy) / (1 - relativeAccuracy))
  }

  /// Bucket of a non-zero magnitude; infinite magnitudes take `Int.max`.
  func index(_ magnitude: Double) -> Int {
    guard magnitude.isFinite else { return Int.max }
    return Int((Foundation.log(magnitude) / logGamma).rounded(.up))
  }

  /// The magnitude a bucket stands for, `2γᵏ/(γ + 1)`.
  func representative(_ index: Int) -> Double {
    guard index != Int.max else { return .infinity }
    let gamma = Foundation.exp(logGamma)
    return 2 * Foundation.exp(Double(index) * logGamma) / (gamma + 1)
  }

  /// Adds a value (NaN is ignored).
  public mutating func add(_ value: Double) {
    guard !value.isNaN else { return }
    count += 1
    minimum = Swift.min(minimum, value)
    maximum = Swift.max(maximum, value)
    if value > 0 {
      positive[index(value), default: 0] += 1
    } else if value < 0 {
      negative[index(-value), default: 0] += 1
    } else {
      zeros += 1
    }
  }

  /// Adds another sketch's values.
  ///
  /// - Precondition: the same relative accuracy.
  public mutating func merge(_ other: RelativeErrorSketch) {
    precondition(relativeAccuracy == other.relativeAccuracy, "merging sketches of different accuracies")
    count += other.count
    minimum = Swift.min(minimum, other.minimum)
    maximum = Swift.max(maximum, other.maximum)
    zeros += other.zeros
    positive.merge(other.positive, uniquingKeysWith: +)
    negative.merge(other.negative, uniquingKeysWith: +)
  }

  /// The sketched sample in ascending order, indexed by rank `0 ..< count`: the value of
  /// rank `r` is its bucket's representative clamped to `[minimum, maximum]` (rank 0 and
  /// rank `count − 1` are the exact extremes).
  public var sortedValues: SortedValues { SortedValues(self) }

  /// The ascending ranks of a ``RelativeErrorSketch``.
  ///
  /// - Complexity: subscript O(log buckets).
  public struct SortedValues: RandomAccessCollection, Sendable {
    let values: [Double]
    /// `ends[i]`: ranks below the end of bucket `i`.
    let ends: [Int]
    let minimum: Double
    let maximum: Double
    public let endIndex: Int
    public var startIndex: Int { 0 }

    init(_ sketch: RelativeErrorSketch) {
      var values: [Double] = []
      var ends: [Int] = []
      var seen = 0
      func append(_ value: Double, _ count: Int) {
        seen += count
        values.append(Swift.min(sketch.maximum, Swift.max(sketch.minimum, value)))
        ends.append(seen)
      }
      for (index, count) in sketch.negative.sorted(by: { $0.key > $1.key }) {
        append(-sketch.representative(index), count)
      }
      if sketch.zeros > 0 { append(0, sketch.zeros) }
      for (index, count) in sketch.positive.sorted(by: { $0.key < $1.key }) {
        append(sketch.representative(index), count)
      }
      self.values = values
      self.ends = ends
      minimum = sketch.minimum
      maximum = sketch.maximum
      endIndex = seen
    }

    public subscript(rank: Int) -> Double {
      precondition(rank >= 0 && rank < endIndex, "rank out of range")
      if rank == 0 { return minimum }
      if rank == endIndex - 1 { return maximum }
      var low = 0
      var high = ends.count - 1
      while low < high {
        let middle = (low + high) / 2
        if ends[middle] > rank { high = middle } else { low = middle + 1 }
      }
      return values[low]
    }
  }
}

extension RelativeErrorSketch: Codable {
  private enum CodingKeys: String, CodingKey {
    case relativeAccuracy, count, minimum, maximum, zeros, positive, positiveCounts, negative, negativeCounts
  }

  /// Encoded canonically: buckets in ascending index order as parallel arrays.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(relativeAccuracy, forKey: .relativeAccuracy)
    try container.encode(count, forKey: .count)
    try container.encode(minimum, forKey: .minimum)
    try container.encode(maximum, forKey: .maximum)
    try container.encode(zeros, forKey: .zeros)
    let positive = self.positive.sorted { $0.key < $1.key }
    let negative = self.negative.sorted { $0.key < $1.key }
    try container.encode(positive.map(\.key), forKey: .positive)
    try container.encode(positive.map(\.value), forKey: .positiveCounts)
    try container.encode(negative.map(\.key), forKey: .negative)
    try container.encode(negative.map(\.value), forKey: .negativeCounts)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let accuracy = try container.decode(Double.self, forKey: .relativeAccuracy)
    guard accuracy > 0, accuracy < 1 else {
      throw DecodingError.dataCorruptedError(
        forKey: .relativeAccuracy, in: container, debugDescription: "relative accuracy outside (0, 1)")
    }
    self.init(relativeAccuracy: accuracy)
    count = try container.decode(Int.self, forKey: .count)
    minimum = try container.decode(Double.self, forKey: .minimum)
    maximum = try container.decode(Double.self, forKey: .maximum)
    zeros = try container.decode(Int.self, forKey: .zeros)
    let positiveKeys = try container.decode([Int].self, forKey: .positive)
    let positiveCounts = try container.decode([Int].self, forKey: .positiveCounts)
    let negativeKeys = try container.decode([Int].self, forKey: .negative)
    let negativeCounts = try container.decode([Int].self, forKey: .negativeCounts)
    guard positiveKeys.count == positiveCounts.count, negativeKeys.count == negativeCounts.count,
      Set(positiveKeys).count == positiveKeys.count, Set(negativeKeys).count == negativeKeys.count,
      (positiveCounts + negativeCounts).allSatisfy({ $0 > 0 }), zeros >= 0,
      zeros + positiveCounts.reduce(0, +) + negativeCounts.reduce(0, +) == count
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .count, in: container, debugDescription: "sketch buckets do not add up to its count")
    }
    positive = Dictionary(uniqueKeysWithValues: zip(positiveKeys, positiveCounts))
    negative = Dictionary(uniqueKeysWithValues: zip(negativeKeys, negativeCounts))
  }
}
