/// Every path's fund needed, in path order, as one run without a fund limit gives them
/// (``FundSizing/paths(_:paths:threads:progress:)``): what a sizing shard keeps, and what
/// merging shards concatenates before sorting into a ``FundNeededSample``.
public struct FundNeededPaths: Sendable, Hashable, Codable {
  /// ``FundSimulation/FundSimulator/fundNeeded(unlimited:)`` per path.
  public var needed: [Double] = []
  /// The balance below which the path has ADL (`inf` where no balance avoids it).
  public var adlNeeded: [Double] = []
  /// Whether the path had ADL without a fund limit.
  public var adl: [Bool] = []

  public init() {}

  public var count: Int { needed.count }

  /// Appends one path.
  public mutating func append(needed: Double, adlNeeded: Double, adl: Bool) {
    self.needed.append(needed)
    self.adlNeeded.append(adlNeeded)
    self.adl.append(adl)
  }

  /// Appends the paths that follow these (the next shard's).
  public mutating func append(contentsOf other: FundNeededPaths) {
    needed += other.needed
    adlNeeded += other.adlNeeded
    adl += other.adl
  }

  /// Whether every column has one value a path.
  public var isConsistent: Bool { adlNeeded.count == needed.count && adl.count == needed.count }

  /// The sorted sample over these paths, with the depletion threshold `θ`.
  ///
  /// - Complexity: O(n log n).
  public func sample(threshold: Double) -> FundNeededSample {
    FundNeededSample(
      threshold: threshold,
      paths: needed.indices.map { (needed: needed[$0], adlNeeded: adlNeeded[$0], adl: adl[$0]) })
  }

  enum CodingKeys: String, CodingKey {
    case needed, adlNeeded = "adl_needed", adl
  }
}
