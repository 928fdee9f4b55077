import FundReports

/// A sweep shard's point as saved in its partial (``StudyPartial/File/point(_:)``): the
/// statistics, per-path values in path order, and the marks as seven columns.
extension PairedSample: Codable {
  enum CodingKeys: String, CodingKey {
    case statistics, depleted, adl, fundLoss = "fund_loss", shortfall
    case badDebt = "bad_debt", adlOvershoot = "adl_overshoot", adlHaircut = "adl_haircut"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(statistics, forKey: .statistics)
    try container.encode(marks.map(\.depleted), forKey: .depleted)
    try container.encode(marks.map(\.adl), forKey: .adl)
    try container.encode(marks.map(\.fundLoss), forKey: .fundLoss)
    try container.encode(marks.map(\.shortfall), forKey: .shortfall)
    try container.encode(marks.map(\.badDebt), forKey: .badDebt)
    try container.encode(marks.map(\.adlOvershoot), forKey: .adlOvershoot)
    try container.encode(marks.map(\.adlHaircut), forKey: .adlHaircut)
  }

  /// - Throws: `DecodingError` when the columns are not one value a path.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let statistics = try container.decode(RunStatistics.self, forKey: .statistics)
    let depleted = try container.decode([Bool].self, forKey: .depleted)
    let adl = try container.decode([Bool].self, forKey: .adl)
    let losses = try container.decode([Double].self, forKey: .fundLoss)
    let shortfalls = try container.decode([Double].self, forKey: .shortfall)
    let badDebts = try container.decode([Double].self, forKey: .badDebt)
    let overshoots = try container.decode([Double].self, forKey: .adlOvershoot)
    let haircuts = try container.decode([Double].self, forKey: .adlHaircut)
    let n = statistics.pathCount
    guard depleted.count == n, adl.count == n, losses.count == n, shortfalls.count == n, badDebts.count == n,
      overshoots.count == n, haircuts.count == n
    else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "marks of another path count than the statistics"))
    }
    self.init(
      statistics: statistics,
      marks: (0..<n).map {
        PathMark(
          depleted: depleted[$0], adl: adl[$0], fundLoss: losses[$0], shortfall: shortfalls[$0],
          badDebt: badDebts[$0], adlOvershoot: overshoots[$0], adlHaircut: haircuts[$0])
      })
  }

  /// Appends the next shard's paths: statistics merged, marks concatenated.
  ///
  /// - Precondition: `next` covers the paths right after these, per-path values unsorted.
  public mutating func append(_ next: PairedSample) {
    statistics.merge(next.statistics)
    marks += next.marks
  }
}

extension PathMark {
  /// A mark as saved.
  public init(
    depleted: Bool, adl: Bool, fundLoss: Double, shortfall: Double, badDebt: Double = 0, adlOvershoot: Double = 0,
    adlHaircut: Double = 0
  ) {
    self.depleted = depleted
    self.adl = adl
    self.fundLoss = fundLoss
    self.shortfall = shortfall
    self.badDebt = badDebt
    self.adlOvershoot = adlOvershoot
    self.adlHaircut = adlHaircut
  }
}
