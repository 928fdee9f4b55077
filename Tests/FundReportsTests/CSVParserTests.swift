import Testing

/// The tests' own CSV parser must reject what it should, or the other tests prove nothing.
@Suite struct CSVParserTests {
  @Test func parsesQuotedFieldsWithCommasQuotesAndNewlines() throws {
    let records = try CSVParser.parse("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n1,,3,\n")
    #expect(records == [["a", "b,c", "say \"hi\"", "x\ny"], ["1", "", "3", ""]])
  }

  @Test func rejectsMalformedInput() {
    #expect(throws: (any Error).self) { try CSVParser.parse("a,b\"c\n") }
    #expect(throws: (any Error).self) { try CSVParser.parse("\"abc\n") }
    #expect(throws: (any Error).self) { try CSVParser.parse("\"a\"b\n") }
    #expect(throws: (any Error).self) { try CSVParser.parse("a,b") }
    #expect(throws: (any Error).self) { try CSVParser.table("a,b\n1\n", header: ["a", "b"]) }
  }
}
