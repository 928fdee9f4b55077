/// The header of a partial of a **sweep** or a **sizing** (`fundstress sweep|size --shard
/// I/N`): what one shard wrote, for `fundstress merge` (docs/PARTIALS.md, "Sweeps and
/// sizing").
///
/// Its own format names, `fundstress-sweep-partial` and `fundstress-size-partial` (version 1),
/// keep the run partial's format (``RunPartial``) unchanged, and make a reader of either
/// refuse the other. The header holds the same run facts as a run partial (fundstress
/// version, seed, total paths, shard and range, the base scenario's ``RunDescription``), the
/// study (``SweepPlan`` or ``SizingPlan``), a fingerprint of both, and one data file per grid
/// point (a sweep) or the per-path funds needed (a sizing), each with size and checksum.
public struct StudyPartial: Sendable, Hashable, Codable {
  /// What a partial is a shard of.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case run, sweep, size

    /// The `format` of its header.
    public var formatName: String {
      switch self {
      case .run: RunPartial.formatName
      case .sweep: "fundstress-sweep-partial"
      case .size: "fundstress-size-partial"
      }
    }

    /// The kind of a header's `format`, or `nil` for none.
    public init?(formatName: String) {
      guard let kind = Self.allCases.first(where: { $0.formatName == formatName }) else { return nil }
      self = kind
    }
  }

  /// Bumped whenever a reader of an older version could misread a newer partial.
  public static let currentVersion = 1

  public var format: String
  public var formatVersion: Int
  public var fundstressVersion: String
  /// ``ContentChecksum`` of the canonical JSON of the description's fingerprint and the
  /// plan: equal for shards of one study only.
  public var fingerprint: String
  public var seed: UInt64
  public var totalPaths: Int
  public var shard: RunShard
  public var firstPath: Int
  public var endPath: Int
  /// The base scenario (the sweep's `--scenario` with its `--set`s; the sized scenario).
  public var description: RunDescription
  public var sweep: SweepPlan?
  public var size: SizingPlan?
  /// The data files: one a sweep point, in point order; one for a sizing.
  public var files: [RunPartial.FileEntry]

  public var kind: Kind? { Kind(formatName: format) }
  /// The shard's paths.
  public var paths: Range<Int> { firstPath..<endPath }

  enum CodingKeys: String, CodingKey {
    case format, formatVersion = "format_version", fundstressVersion = "fundstress_version", fingerprint, seed
    case totalPaths = "total_paths", shard, firstPath = "first_path", endPath = "end_path"
    case description = "run", sweep, size, files
  }

  /// The fingerprint of `description` with `sweep` and `size`.
  static func fingerprint(_ description: RunDescription, sweep: SweepPlan?, size: SizingPlan?) throws -> String {
    struct Study: Encodable {
      let run: String
      let sweep: SweepPlan?
      let size: SizingPlan?
    }
    return ContentChecksum.hex(
      of: try PartialCoding.encoder.encode(Study(run: try description.fingerprint, sweep: sweep, size: size)))
  }

  /// File names inside a sweep or size partial folder.
  public enum File {
    public static let header = RunPartial.File.header
    /// A sizing's per-path funds needed (``FundNeededPaths``).
    public static let fundNeeded = "fund_needed.json"
    /// Sweep point `index`'s statistics and per-path marks (``PairedSample``).
    public static func point(_ index: Int) -> String { "point-\(index).json" }

    /// Whether `name` is one of these files (so an earlier partial may be replaced).
    public static func isPartialFile(_ name: String) -> Bool {
      if name == header || name == fundNeeded { return true }
      guard name.hasPrefix("point-"), name.hasSuffix(".json") else { return false }
      let number = name.dropFirst("point-".count).dropLast(".json".count)
      return number.allSatisfy { ("0"..."9").contains($0) } && Int(number).map { point($0) == name } == true
    }
  }
}

/// What a sweep shard ran: the grid and, per point, the fingerprint of its scenario.
///
/// Points are the base run (when it is no cell) then the cells in grid order, as
/// ``SweepTable`` expects them.
public struct SweepPlan: Sendable, Hashable, Codable {
  public var keys: [String]
  public var values: [[String]]
  /// Each cell's values, in grid order.
  public var cells: [[String]]
  /// The cell that is the base scenario, or `nil` when the base runs apart (point 0).
  public var baseCell: Int?
  /// ``RunDescription/fingerprint`` of every point's scenario.
  public var points: [String]

  public init(keys: [String], values: [[String]], cells: [[String]], baseCell: Int?, points: [String]) {
    self.keys = keys
    self.values = values
    self.cells = cells
    self.baseCell = baseCell
    self.points = points
  }

  enum CodingKeys: String, CodingKey {
    case keys, values, cells, baseCell = "base_cell", points
  }
}

/// What a sizing shard was asked: its targets and curve levels (one-run method only).
public struct SizingPlan: Sendable, Hashable, Codable {
  /// The targets as given, e.g. `depletion<=0.01`.
  public var targets: [String]
  /// `--levels`, or `nil` for the default.
  public var levels: Int?

  public init(targets: [String], levels: Int?) {
    self.targets = targets
    self.levels = levels
  }
}
