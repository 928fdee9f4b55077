/// A mergeable fixed-bin histogram that answers quantile queries within one bin width.
///
/// `binCount` equal bins cover `[lowerBound, upperBound)`, with one underflow and one
/// overflow bin beside them. Every bin keeps its count and the smallest and largest value
/// that fell in it. The value of 0-based rank `r` in the sorted sample is estimated inside
/// its bin by interpolating by rank between the bin's extremes: for a bin holding the ranks
/// `r₀ … r₀ + c − 1` with extremes `[a, b]`,
///
///     x̂₍ᵣ₎ = a + (b − a)·(r − r₀)/(c − 1)          (x̂ = a when c = 1)
///
/// and quantiles apply the type-7 rule of ``EmpiricalQuantile`` to these `x̂`. Because
/// `x₍ᵣ₎` and `x̂₍ᵣ₎` lie in the same bin, the error is at most one bin width for values
/// inside the range (at most the underflow/overflow bin's spread outside it). A point mass
/// — every path still at the initial fund balance — is reproduced exactly, as is the
/// minimum and maximum of the sample.
///
/// Small samples are staged as raw values and binned only when more than
/// ``stagingLimit`` arrive (or when merged into a binned sketch), so a per-chunk partial
/// costs memory proportional to its paths, while a binned sketch costs
/// `3 × (binCount + 2)` numbers whatever the number of paths. Binning is order-free:
/// counts add and extremes take min/max, so merging partials in any grouping, binned or
/// not, gives the same bins and the same quantiles. The sum for the mean is an
/// ``ExactSum``. NaN values are ignored.
///
/// - Complexity: ``add(_:)`` O(1) amortised; ``merge(_:)`` O(binCount) once binned, else
///   O(staged values); a quantile O(binCount).
public struct HistogramSketch: Sendable {
  public let lowerBound: Double
  public let upperBound: Double
  public let binCount: Int
  @usableFromInline let inverseWidth: Double
  /// Number of values added.
  public private(set) var count = 0
  @usableFromInline var sum = ExactSum()
  /// Raw values not yet binned (only while the sketch is small).
  @usableFromInline var staged: [Double] = []
  /// `binCount + 2` entries once binned: underflow, the regular bins, overflow.
  @usableFromInline var counts: [Int] = []
  @usableFromInline var minima: [Double] = []
  @usableFromInline var maxima: [Double] = []

  /// Staged values beyond which the sketch switches to bins.
  public static let stagingLimit = 1024

  /// - Precondition: `lowerBound < upperBound`, both finite; `binCount ≥ 1`.
  public init(lowerBound: Double, upperBound: Double, binCount: Int) {
    precondition(lowerBound.isFinite && upperBound.isFinite && lowerBound < upperBound, "invalid histogram range")
    precondition(binCount >= 1, "a histogram needs at least one bin")
    self.lowerBound = lowerBound
    self.upperBound = upperBound
    self.binCount = binCount
    inverseWidth = Double(binCount) / (upperBound - lowerBound)
  }

  /// The sketch for fund balances: 4,000 bins over `[min(threshold, 0) − margin, 3 × initial]`
  /// with `margin = 5%` of the initial fund (at least 1 currency unit of range in all).
  /// Balances outside that range still count, in the under/overflow bins.
  public static func fundBalance(initialFund: Double, depletionThreshold: Double, binCount: Int = 4000) -> HistogramSketch {
    let scale = max(initialFund.magnitude, 1)
    let lower = min(depletionThreshold, 0) - 0.05 * scale
    let upper = max(3 * initialFund, lower + scale)
    return HistogramSketch(lowerBound: lower, upperBound: upper, binCount: binCount)
  }

  /// Width of a regular bin.
  public var binWidth: Double { (upperBound - lowerBound) / Double(binCount) }

  /// The mean of the values added, `nil` when empty.
  public var mean: Double? { count > 0 ? sum.value / Double(count) : nil }

  /// - Complexity: O(1) amortised.
  public mutating func add(_ value: Double) {
    guard !value.isNaN else { return }
    count += 1
    sum.add(value)
    if counts.isEmpty {
      staged.append(value)
      if staged.count > Self.stagingLimit { switchToBins() }
    } else {
      place(value)
    }
  }

  /// Adds another sketch's values. Both must have the same bins.
  ///
  /// - Complexity: O(binCount) if `other` is binned, else O(its staged values).
  public mutating func merge(_ other: HistogramSketch) {
    precondition(
      lowerBound == other.lowerBound && upperBound == other.upperBound && binCount == other.binCount,
      "merging histograms with different bins")
    count += other.count
    sum.merge(other.sum)
    if !other.counts.isEmpty {
      if counts.isEmpty { switchToBins() }
      for index in other.counts.indices where other.counts[index] > 0 {
        counts[index] += other.counts[index]
        minima[index] = min(minima[index], other.minima[index])
        maxima[index] = max(maxima[index], other.maxima[index])
      }
    }
    if counts.isEmpty {
      staged.append(contentsOf: other.staged)
      if staged.count > Self.stagingLimit { switchToBins() }
    } else {
      for value in other.staged { place(value) }
    }
  }

  /// The type-7 quantile estimate (see the type's discussion); `nil` when empty.
  ///
  /// - Complexity: O(binCount).
  public func quantile(_ p: Double) -> Double? {
    quantiles([p])[0]
  }

  /// Several quantiles at once, sharing one pass over the bins.
  ///
  /// - Complexity: O(binCount + number of probabilities).
  public func quantiles(_ probabilities: [Double]) -> [Double?] {
    guard count > 0 else { return probabilities.map { _ in nil } }
    let bins = occupiedBins()
    // Starting rank of each occupied bin.
    var starts: [Int] = []
    starts.reserveCapacity(bins.count)
    var seen = 0
    for bin in bins {
      starts.append(seen)
      seen += bin.count
    }
    func value(atRank rank: Int) -> Double {
      // Last bin whose start is ≤ rank (binary search).
      var low = 0, high = bins.count - 1
      while low < high {
        let middle = (low + high + 1) / 2
        if starts[middle] <= rank { low = middle } else { high = middle - 1 }
      }
      let bin = bins[low]
      guard bin.count > 1 else { return bin.min }
      let offset = Double(rank - starts[low]) / Double(bin.count - 1)
      return bin.min + (bin.max - bin.min) * offset
    }
    return probabilities.map { EmpiricalQuantile.interpolatedRank(count: count, p: $0, value: value(atRank:)) }
  }

  /// The non-empty bins in ascending order, as (index, count, min, max), staged values
  /// included. Index 0 is the underflow bin, `binCount + 1` the overflow bin.
  public func occupiedBins() -> [(index: Int, count: Int, min: Double, max: Double)] {
    var binned = self
    if binned.counts.isEmpty { binned.switchToBins() }
    var result: [(index: Int, count: Int, min: Double, max: Double)] = []
    for index in binned.counts.indices where binned.counts[index] > 0 {
      result.append((index, binned.counts[index], binned.minima[index], binned.maxima[index]))
    }
    return result
  }

  /// The bin of `value`: 0 below the range, `binCount + 1` at or above its end.
  @inlinable
  func binIndex(_ value: Double) -> Int {
    let position = (value - lowerBound) * inverseWidth
    guard position >= 0 else { return 0 }
    return position < Double(binCount) ? Int(position) + 1 : binCount + 1
  }

  @inlinable
  mutating func place(_ value: Double) {
    let index = binIndex(value)
    counts[index] += 1
    if value < minima[index] { minima[index] = value }
    if value > maxima[index] { maxima[index] = value }
  }

  @usableFromInline
  mutating func switchToBins() {
    guard counts.isEmpty else { return }
    counts = Array(repeating: 0, count: binCount + 2)
    minima = Array(repeating: .infinity, count: binCount + 2)
    maxima = Array(repeating: -.infinity, count: binCount + 2)
    for value in staged { place(value) }
    staged = []
  }
}

extension HistogramSketch: Codable {
  private enum CodingKeys: String, CodingKey {
    case lowerBound, upperBound, binCount, count, sum, bins, binCounts, binMinima, binMaxima
  }

  /// Encoded in canonical form: the occupied bins only (staged values binned), so two
  /// sketches of the same sample encode to the same bytes.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(lowerBound, forKey: .lowerBound)
    try container.encode(upperBound, forKey: .upperBound)
    try container.encode(binCount, forKey: .binCount)
    try container.encode(count, forKey: .count)
    try container.encode(sum, forKey: .sum)
    let bins = occupiedBins()
    try container.encode(bins.map(\.index), forKey: .bins)
    try container.encode(bins.map(\.count), forKey: .binCounts)
    try container.encode(bins.map(\.min), forKey: .binMinima)
    try container.encode(bins.map(\.max), forKey: .binMaxima)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let lower = try container.decode(Double.self, forKey: .lowerBound)
    let upper = try container.decode(Double.self, forKey: .upperBound)
    let binCount = try container.decode(Int.self, forKey: .binCount)
    guard lower.isFinite, upper.isFinite, lower < upper, binCount >= 1 else {
      throw DecodingError.dataCorruptedError(forKey: .binCount, in: container, debugDescription: "invalid histogram range")
    }
    self.init(lowerBound: lower, upperBound: upper, binCount: binCount)
    count = try container.decode(Int.self, forKey: .count)
    sum = try container.decode(ExactSum.self, forKey: .sum)
    let indices = try container.decode([Int].self, forKey: .bins)
    let binCounts = try container.decode([Int].self, forKey: .binCounts)
    let binMinima = try container.decode([Double].self, forKey: .binMinima)
    let binMaxima = try container.decode([Double].self, forKey: .binMaxima)
    guard binCounts.count == indices.count, binMinima.count == indices.count, binMaxima.count == indices.count,
      indices.allSatisfy({ (0...(binCount + 1)).contains($0) }), binCounts.reduce(0, +) == count
    else {
      throw DecodingError.dataCorruptedError(forKey: .bins, in: container, debugDescription: "inconsistent histogram bins")
    }
    guard !indices.isEmpty else { return }
    switchToBins()
    for (position, index) in indices.enumerated() {
      counts[index] = binCounts[position]
      minima[index] = binMinima[position]
      maxima[index] = binMaxima[position]
    }
  }
}
