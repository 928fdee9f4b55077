/// Saved sketches (for shard statistics), in canonical form.
extension HistogramSketch: Codable {
  private enum CodingKeys: String, CodingKey {
    case lowerBound, upperBound, binCount, count, sum, bins, binCounts, binMinima, binMinimumCounts, binMaxima
    case binMaximumCounts
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
    try container.encode(bins.map(\.minCount), forKey: .binMinimumCounts)
    try container.encode(bins.map(\.max), forKey: .binMaxima)
    try container.encode(bins.map(\.maxCount), forKey: .binMaximumCounts)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let lower = try container.decode(Double.self, forKey: .lowerBound)
    let upper = try container.decode(Double.self, forKey: .upperBound)
    let binCount = try container.decode(Int.self, forKey: .binCount)
    guard lower.isFinite, upper.isFinite, lower < upper, binCount >= 1 else {
      throw DecodingError.dataCorruptedError(
        forKey: .binCount, in: container, debugDescription: "invalid histogram range")
    }
    self.init(lowerBound: lower, upperBound: upper, binCount: binCount)
    count = try container.decode(Int.self, forKey: .count)
    sum = try container.decode(ExactSum.self, forKey: .sum)
    let indices = try container.decode([Int].self, forKey: .bins)
    let binCounts = try container.decode([Int].self, forKey: .binCounts)
    let binMinima = try container.decode([Double].self, forKey: .binMinima)
    let binMaxima = try container.decode([Double].self, forKey: .binMaxima)
    let binMinimumCounts = try container.decode([Int].self, forKey: .binMinimumCounts)
    let binMaximumCounts = try container.decode([Int].self, forKey: .binMaximumCounts)
    guard binCounts.count == indices.count, binMinima.count == indices.count, binMaxima.count == indices.count,
      binMinimumCounts.count == indices.count, binMaximumCounts.count == indices.count,
      indices.allSatisfy({ (0...(binCount + 1)).contains($0) }), binCounts.reduce(0, +) == count
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .bins, in: container, debugDescription: "inconsistent histogram bins")
    }
    guard !indices.isEmpty else { return }
    binStaged()
    for (position, index) in indices.enumerated() {
      bins[index].count = binCounts[position]
      bins[index].minimum = binMinima[position]
      bins[index].maximum = binMaxima[position]
      bins[index].minimumCount = binMinimumCounts[position]
      bins[index].maximumCount = binMaximumCounts[position]
    }
  }
}
