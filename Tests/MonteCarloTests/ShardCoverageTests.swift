import Foundation
import MonteCarlo
import Testing

/// The tiling check is shared by run and study partials; the library's merge tests cover it
/// through ``PartialMerge`` and ``StudyPartialMerge``. Here: the path order of shards given
/// out of order, through the public merge of study partials of uneven shards.
@Suite struct ShardCoverageTests {
  @Test func shardsOfUnevenSizesAreOrderedByPath() throws {
    let root = try PartialMergeTests.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    // 300 paths are 5 chunks: 3 shards take 1, 2 and 2 chunks (64, 128, 108 paths).
    let folders = try StudyPartialMergeTests.writeSize(3, root: root)
    let merge = try StudyPartialMerge(folders: [folders[2], folders[0], folders[1]])
    #expect(merge.partials.map(\.header.paths) == [0..<64, 64..<192, 192..<300])
  }
}
