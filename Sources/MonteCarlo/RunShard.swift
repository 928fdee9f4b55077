/// One shard of a Monte Carlo run split across machines: shard `index` of `count`
/// (`--shard I/N`, `I` from 0).
///
/// The run's `n` paths form `C = ⌈n / 64⌉` chunks of ``MonteCarloRun/chunkSize`` paths (the
/// last may be short); shard `i` takes the chunks `⌊iC/N⌋ ..< ⌊(i+1)C/N⌋`, so
///
///     paths(i) = 64·⌊iC/N⌋ ..< min(n, 64·⌊(i+1)C/N⌋)
///
/// Consecutive shards tile `0..<n` exactly, every shard starts on a chunk boundary (the
/// same chunks as a single-machine run, hence the same bytes), and shard sizes differ by at
/// most one chunk. At most `C` shards are allowed, so no shard is empty.
public struct RunShard: Sendable, Hashable, Codable, CustomStringConvertible {
  public let index: Int
  public let count: Int

  /// - Throws: ``RunShardError`` unless `0 ≤ index < count`.
  public init(index: Int, count: Int) throws {
    guard count >= 1, (0..<count).contains(index) else {
      throw RunShardError("shard \(index)/\(count) does not exist; give I/N with 0 ≤ I < N, e.g. 0/4")
    }
    self.index = index
    self.count = count
  }

  /// Parses `I/N`, e.g. `3/8`.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw RunShardError("shard '\(text)' is not I/N; give e.g. 0/4 (shard I of N, I from 0)")
    }
    try self.init(index: index, count: count)
  }

  public var description: String { "\(index)/\(count)" }

  /// The chunks of a run of `paths` paths: `⌈paths / chunkSize⌉`.
  public static func chunks(paths: Int, chunkSize: Int = MonteCarloRun.chunkSize) -> Int {
    (paths + chunkSize - 1) / chunkSize
  }

  /// This shard's paths in a run of `paths` paths.
  ///
  /// - Throws: ``RunShardError`` when there are more shards than chunks.
  /// - Complexity: O(1).
  public func paths(of paths: Int, chunkSize: Int = MonteCarloRun.chunkSize) throws -> Range<Int> {
    let chunks = Self.chunks(paths: paths, chunkSize: chunkSize)
    guard count <= chunks else {
      throw RunShardError(
        "\(count) shards of \(paths) paths leave some shard empty (\(chunks) chunks of \(chunkSize) paths); "
          + "give at most \(chunks) shards or more paths")
    }
    let first = index * chunks / count
    let end = (index + 1) * chunks / count
    return (first * chunkSize)..<min(paths, end * chunkSize)
  }
}

/// A shard that does not exist or cannot be given paths.
public struct RunShardError: Error, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
