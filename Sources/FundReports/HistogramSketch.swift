/// A mergeable fixed-bin histogram that answers quantile queries within one bin width.
///
/// `binCount` equal bins cover `[lowerBound, upperBound)`, with one underflow and one
/// overflow bin beside them. Every bin keeps its count, its smallest value `a` and largest
/// value `b`, and how many values equal each (`cₐ`, `c_b`). The value of 0-based rank `r`
/// in the sorted sample is estimated inside its bin: for a bin holding the ranks
/// `r₀ … r₀ + c − 1`,
///
///     x̂₍ᵣ₎ = a                                   for the first cₐ ranks,
///     x̂₍ᵣ₎ = b                                   for the last c_b ranks,
///     x̂₍ᵣ₎ = a + (b − a)·(j + 1)/(m + 1)          for the j-th of the m ranks between
///
/// (the values strictly inside `(a, b)` spread evenly), and quantiles apply the type-7
/// rule of ``EmpiricalQuantile`` to these `x̂`. Because `x₍ᵣ₎` and `x̂₍ᵣ₎` lie in the same
/// bin, the error is at most one bin width for values inside the range (at most the
/// underflow/overflow bin's spread outside it). An atom at a bin's minimum or maximum is
/// exact: a point mass, the minimum and maximum of the sample, and — with
/// ``fundBalance(initialFund:depletionThreshold:binCount:)``, which puts bin edges on the
/// initial balance and on the threshold — the many paths that end exactly at the initial
/// balance (no liquidation) or exactly at the threshold.
///
/// Values are staged raw and binned only when more than ``stagingLimit`` are waiting, so a
/// per-chunk partial costs memory proportional to its paths, while a binned sketch costs
/// `5 × (binCount + 2)` numbers (plus at most ``stagingLimit`` staged values) whatever the
/// number of paths. A binned sketch stages the values merged into it too and places them
/// ``stagingLimit`` at a time: the run's 97 fan-chart sketches span megabytes, so values
/// placed as each 64-path chunk arrived missed the cache on almost every one (6% of a
/// 4-market run's time), while 8 192 values of one sketch share its occupied bins (2%).
/// Binning is order-free:
/// counts add and extremes take min/max (adding their counts on ties), so merging
/// partials in any grouping, binned or not, gives the same bins and the same quantiles.
/// The sum for the mean is an ``ExactSum``. NaN values are ignored.
///
/// - Complexity: ``add(_:)`` O(1) amortised; ``merge(_:)`` O(binCount) when `other` is
///   binned, else O(its staged values) amortised; a quantile O(binCount).
public struct HistogramSketch: Sendable {
  public let lowerBound: Double
  public let upperBound: Double
  public let binCount: Int
  @usableFromInline let inverseWidth: Double
  /// Number of values added.
  public internal(set) var count = 0
  @usableFromInline var sum = ExactSum()
  /// Raw values not yet binned: at most ``stagingLimit``.
  @usableFromInline var staged: [Double] = []
  /// `binCount + 2` entries once binned: underflow, the regular bins, overflow. One
  /// 40-byte record per bin, so adding a value touches one cache line.
  @usableFromInline var bins: [BinState] = []

  /// What a bin knows about its values.
  @usableFromInline
  struct BinState: Sendable {
    @usableFromInline var count = 0
    @usableFromInline var minimum = Double.infinity
    /// Values equal to ``minimum``.
    @usableFromInline var minimumCount = 0
    @usableFromInline var maximum = -Double.infinity
    /// Values equal to ``maximum``.
    @usableFromInline var maximumCount = 0

    @usableFromInline init() {}

    @inlinable
    mutating func insert(_ value: Double) {
      count += 1
      if value < minimum {
        minimum = value
        minimumCount = 1
      } else if value == minimum {
        minimumCount += 1
      }
      if value > maximum {
        maximum = value
        maximumCount = 1
      } else if value == maximum {
        maximumCount += 1
      }
    }

    mutating func merge(_ other: BinState) {
      count += other.count
      if other.minimum < minimum {
        minimum = other.minimum
        minimumCount = other.minimumCount
      } else if other.minimum == minimum {
        minimumCount += other.minimumCount
      }
      if other.maximum > maximum {
        maximum = other.maximum
        maximumCount = other.maximumCount
      } else if other.maximum == maximum {
        maximumCount += other.maximumCount
      }
    }
  }

  /// Staged values beyond which the sketch bins them (64 KB of raw values per sketch).
  public static let stagingLimit = 8192

  /// - Precondition: `lowerBound < upperBound`, both finite; `binCount ≥ 1`.
  public init(lowerBound: Double, upperBound: Double, binCount: Int) {
    precondition(lowerBound.isFinite && upperBound.isFinite && lowerBound < upperBound, "invalid histogram range")
    precondition(binCount >= 1, "a histogram needs at least one bin")
    self.lowerBound = lowerBound
    self.upperBound = upperBound
    self.binCount = binCount
    inverseWidth = Double(binCount) / (upperBound - lowerBound)
  }

  /// The sketch for fund balances: about `binCount` bins over
  /// `[min(threshold, 0) − margin, 3 × initial]`, `margin = 5%` of the initial fund, with the
  /// bin width adjusted so that the depletion threshold and the initial fund fall on bin
  /// edges (so atoms there are exact). When the two are less than half a bin apart, only
  /// the threshold is put on an edge (both would take more bins than the range has room
  /// for: a threshold 1 USDC below a fund of 10⁷ would need 4 × 10⁷ bins). Balances outside
  /// the range still count, in the under/overflow bins.
  ///
  /// - Complexity: O(`binCount`): at most `binCount + 2` bins are made, whatever the inputs.
  public static func fundBalance(
    initialFund: Double, depletionThreshold: Double, binCount: Int = 4000
  ) -> HistogramSketch {
    let scale = max(initialFund.magnitude, depletionThreshold.magnitude, 1)
    let low = min(depletionThreshold, 0) - 0.05 * scale
    let high = max(3 * initialFund, low + scale)
    let span = initialFund - depletionThreshold
    guard span > 0, span.isFinite, binCount >= 3 else {
      return HistogramSketch(lowerBound: low, upperBound: high, binCount: max(1, binCount))
    }
    // m bins between threshold and initial fund, the same width below and above.
    let roughWidth = (high - low) / Double(binCount)
    let between = (span / roughWidth).rounded()
    guard between >= 1 else {
      // The threshold on an edge, the rough width, no more bins than asked for.
      let below = max(1, ((depletionThreshold - low) / roughWidth).rounded(.up))
      let count = max(below + 1, min(Double(binCount), ((high - low) / roughWidth).rounded(.up)))
      let lower = depletionThreshold - below * roughWidth
      return HistogramSketch(lowerBound: lower, upperBound: lower + count * roughWidth, binCount: Int(count))
    }
    let width = span / between
    let below = max(1, Int(((depletionThreshold - low) / width).rounded(.up)))
    let above = max(1, Int(((high - initialFund) / width).rounded(.up)))
    let lower = depletionThreshold - Double(below) * width
    return HistogramSketch(
      lowerBound: lower, upperBound: initialFund + Double(above) * width, binCount: below + Int(between) + above)
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
    if bins.isEmpty {
      if staged.isEmpty { staged.reserveCapacity(64) }
      staged.append(value)
      if staged.count > Self.stagingLimit { binStaged() }
    } else {
      place(value)
    }
  }

  /// Adds another sketch's values. Both must have the same bins.
  ///
  /// - Complexity: O(binCount) if `other` is binned, else O(its staged values) amortised.
  public mutating func merge(_ other: HistogramSketch) {
    precondition(
      lowerBound == other.lowerBound && upperBound == other.upperBound && binCount == other.binCount,
      "merging histograms with different bins")
    count += other.count
    sum.merge(other.sum)
    if !other.bins.isEmpty {
      if bins.isEmpty { binStaged() }
      bins.withUnsafeMutableBufferPointer { bins in
        for index in other.bins.indices where other.bins[index].count > 0 {
          bins[index].merge(other.bins[index])
        }
      }
    }
    staged.append(contentsOf: other.staged)
    if staged.count > Self.stagingLimit { binStaged() }
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
    let occupied = occupiedBins()
    // Starting rank of each occupied bin.
    var starts: [Int] = []
    starts.reserveCapacity(occupied.count)
    var seen = 0
    for bin in occupied {
      starts.append(seen)
      seen += bin.count
    }
    func value(atRank rank: Int) -> Double {
      // Last bin whose start is ≤ rank (binary search).
      var low = 0, high = occupied.count - 1
      while low < high {
        let middle = (low + high + 1) / 2
        if starts[middle] <= rank { low = middle } else { high = middle - 1 }
      }
      let bin = occupied[low]
      let offset = rank - starts[low]
      if bin.min == bin.max || offset < bin.minCount { return bin.min }
      if offset >= bin.count - bin.maxCount { return bin.max }
      let inside = bin.count - bin.minCount - bin.maxCount
      let position = Double(offset - bin.minCount + 1) / Double(inside + 1)
      return bin.min + (bin.max - bin.min) * position
    }
    return probabilities.map { EmpiricalQuantile.interpolatedRank(count: count, p: $0, value: value(atRank:)) }
  }

  /// A non-empty bin: index (0 underflow, `binCount + 1` overflow), count, extremes and
  /// how many values equal each extreme.
  public typealias Bin = (index: Int, count: Int, min: Double, minCount: Int, max: Double, maxCount: Int)

  /// The non-empty bins in ascending order, staged values included.
  public func occupiedBins() -> [Bin] {
    var binned = self
    binned.binStaged()
    var result: [Bin] = []
    for (index, bin) in binned.bins.enumerated() where bin.count > 0 {
      result.append((index, bin.count, bin.minimum, bin.minimumCount, bin.maximum, bin.maximumCount))
    }
    return result
  }

  /// The bin of `value`: 0 below the range, `binCount + 1` at or above its end.
  @inlinable
  func binIndex(_ value: Double) -> Int {
    Self.binIndex(value, lowerBound: lowerBound, inverseWidth: inverseWidth, binCount: binCount)
  }

  @inlinable @inline(__always)
  static func binIndex(_ value: Double, lowerBound: Double, inverseWidth: Double, binCount: Int) -> Int {
    let position = (value - lowerBound) * inverseWidth
    guard position >= 0 else { return 0 }
    return position < Double(binCount) ? Int(position) + 1 : binCount + 1
  }

  @inlinable
  mutating func place(_ value: Double) {
    bins[binIndex(value)].insert(value)
  }

  /// Places many values through one buffer pointer: no uniqueness check per value, so the
  /// cache misses of a large sketch's bins overlap.
  @usableFromInline
  mutating func place(contentsOf values: [Double]) {
    let lowerBound = lowerBound
    let inverseWidth = inverseWidth
    let binCount = binCount
    bins.withUnsafeMutableBufferPointer { bins in
      for value in values {
        bins[Self.binIndex(value, lowerBound: lowerBound, inverseWidth: inverseWidth, binCount: binCount)]
          .insert(value)
      }
    }
  }

  /// Creates the bins if need be and places the staged values.
  @usableFromInline
  mutating func binStaged() {
    if bins.isEmpty { bins = Array(repeating: BinState(), count: binCount + 2) }
    place(contentsOf: staged)
    staged.removeAll(keepingCapacity: true)
  }
}
