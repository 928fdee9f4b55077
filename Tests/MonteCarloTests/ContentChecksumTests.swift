import MonteCarlo
import Testing

@Suite struct ContentChecksumTests {
  /// Published FNV-1a 64-bit test vectors (the FNV reference code's test suite, also in
  /// draft-eastlake-fnv): "" → cbf29ce484222325, "a" → af63dc4c8601ec8c,
  /// "foobar" → 85944171f73967e8.
  @Test func publishedVectors() {
    #expect(ContentChecksum.hex(of: Array("".utf8)) == "cbf29ce484222325")
    #expect(ContentChecksum.hex(of: Array("a".utf8)) == "af63dc4c8601ec8c")
    #expect(ContentChecksum.hex(of: Array("foobar".utf8)) == "85944171f73967e8")
  }

  @Test func piecesGiveTheWholeAndCountBytes() {
    var checksum = ContentChecksum()
    checksum.update(Array("foo".utf8))
    checksum.update(Array("bar".utf8))
    #expect(checksum.hex == "85944171f73967e8" && checksum.byteCount == 6)
  }
}
