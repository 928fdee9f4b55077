import MonteCarlo
import Testing

@Suite struct RunShardTests {
  /// 500 paths are ⌈500/64⌉ = 8 chunks; 7 shards take chunks ⌊8i/7⌋ ..< ⌊8(i+1)/7⌋ =
  /// 0,1,2,3,4,5,6,8 as bounds (worked by hand), so the last shard has two chunks and the
  /// short tail 448..<500.
  @Test func sevenShardsOfFiveHundredPathsByHand() throws {
    let ranges = try (0..<7).map { try RunShard(index: $0, count: 7).paths(of: 500) }
    #expect(ranges == [0..<64, 64..<128, 128..<192, 192..<256, 256..<320, 320..<384, 384..<500])
  }

  @Test(arguments: [1, 63, 64, 65, 450, 1024, 10_001])
  func shardsTileTheRunOnChunkBoundaries(paths: Int) throws {
    let chunks = RunShard.chunks(paths: paths)
    for count in Set([1, 2, 3, 4, 7, chunks].filter { $0 <= chunks }) {
      let ranges = try (0..<count).map { try RunShard(index: $0, count: count).paths(of: paths) }
      #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == paths)
      for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
      #expect(ranges.allSatisfy { !$0.isEmpty && $0.lowerBound % MonteCarloRun.chunkSize == 0 })
      let sizes = ranges.map { ($0.count + 63) / 64 }
      #expect(sizes.max()! - sizes.min()! <= 1, "\(count) shards of \(paths) paths: chunk counts \(sizes)")
    }
  }

  @Test func parsesIOverN() throws {
    let shard = try RunShard(parsing: "3/8")
    #expect(shard.index == 3 && shard.count == 8 && shard.description == "3/8")
    for bad in ["8/8", "-1/4", "1/0", "1", "a/b", "1/2/3", ""] {
      #expect(throws: RunShardError.self, "\(bad)") { try RunShard(parsing: bad) }
    }
  }

  @Test func refusesMoreShardsThanChunks() throws {
    let error = try #require(throws: RunShardError.self) { try RunShard(index: 0, count: 5).paths(of: 256) }
    #expect(error.description.contains("at most 4 shards"))
  }
}
