/// The header of a *partial*: what one shard of a run wrote, for `fundstress merge`.
///
/// A partial is a folder of three or four files (format `fundstress-partial`, version 1; see
/// docs/PARTIALS.md):
///
/// * `partial.json` — this header: format and version, the fundstress version, the
///   scenario ``RunDescription`` and its ``fingerprint``, the seed, the run's total paths,
///   the shard and its path range, the quantile mode, and the size and FNV-1a checksum of
///   the two other files;
/// * `statistics.json` — the shard's ``RunStatistics``, exact: sums as 256-bit integers
///   (``ExactSum``), tallies, histogram bins (or, in sketch mode, the quantile sketches);
/// * `per_path.f64` — with exact quantiles, the per-path fund losses then the drawdowns,
///   in path order, as little-endian IEEE 754 doubles (16 bytes a path; ``PerPathFile``);
/// * `paths.rows.csv` — the shard's `paths.csv` rows, without the header.
///
/// Written last, the header is the partial's commit mark: a shard that died leaves no
/// `partial.json` (the folder is also staged and renamed into place).
public struct RunPartial: Sendable, Hashable, Codable {
  /// `"fundstress-partial"`.
  public static let formatName = "fundstress-partial"
  /// Bumped whenever a reader of an older version could misread a newer partial.
  public static let currentVersion = 1

  /// One of the partial's data files.
  public struct FileEntry: Sendable, Hashable, Codable {
    public var name: String
    public var bytes: Int
    /// ``ContentChecksum`` of the file, in hexadecimal.
    public var checksum: String
  }

  public var format: String
  public var formatVersion: Int
  /// The fundstress version that wrote it.
  public var fundstressVersion: String
  public var fingerprint: String
  public var seed: UInt64
  /// Paths of the whole run, all shards together.
  public var totalPaths: Int
  public var shard: RunShard
  public var firstPath: Int
  public var endPath: Int
  public var description: RunDescription
  public var statistics: FileEntry
  public var rows: FileEntry
  /// The per-path values' file; `nil` when the quantiles are sketched.
  public var perPath: FileEntry?

  /// The shard's paths.
  public var paths: Range<Int> { firstPath..<endPath }

  enum CodingKeys: String, CodingKey {
    case format, formatVersion = "format_version", fundstressVersion = "fundstress_version", fingerprint, seed
    case totalPaths = "total_paths", shard, firstPath = "first_path", endPath = "end_path"
    case description = "run", statistics, rows, perPath = "per_path"
  }

  /// File names inside a partial folder.
  public enum File {
    public static let header = "partial.json"
    public static let statistics = "statistics.json"
    public static let rows = "paths.rows.csv"
    public static let perPath = "per_path.f64"
    public static let all: Set<String> = [header, statistics, rows, perPath]
  }
}
