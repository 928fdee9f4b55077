import Foundation
import Testing

/// The helpers must reject what they should, or the end-to-end tests prove nothing.
@Suite struct SupportTests {
  @Test func csvParserReadsRFC4180Quoting() throws {
    let records = try CSVParser.parse("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n1,,3,\n")
    #expect(records == [["a", "b,c", "say \"hi\"", "x\ny"], ["1", "", "3", ""]])
    let table = try CSVParser.table("path,depleted\n0,1\n1,0\n", header: ["path"])
    #expect(try table.column("depleted") == ["1", "0"])
    #expect(try table.numbers("path") == [0, 1])
  }

  @Test func csvParserRejectsMalformedInput() {
    #expect(throws: (any Error).self) { try CSVParser.parse("a,b\"c\n") }
    #expect(throws: (any Error).self) { try CSVParser.parse("\"abc\n") }
    #expect(throws: (any Error).self) { try CSVParser.parse("\"a\"b\n") }
    #expect(throws: (any Error).self) { try CSVParser.parse("a,b") }
    #expect(throws: (any Error).self) { try CSVParser.parse("a\rb\n") }
    #expect(throws: (any Error).self) { try CSVParser.table("a,b\n1\n") }
    #expect(throws: (any Error).self) { try CSVParser.table("a,b\n1,2\n", header: ["b", "a"]) }
    #expect(throws: (any Error).self) { try CSVParser.table("a\n\n", header: ["a"]).numbers("a") }
    #expect(throws: (any Error).self) { try CSVParser.table("a\n1e\n").numbers("a") }
  }

  @Test func fixturePositionsAreValidCSVWithAQuotedAccount() throws {
    let table = try CSVParser.table(Fixture.positionsCSV(), header: ["account", "market", "side"])
    #expect(table.rows.count == 48)
    #expect(try table.column("account").contains("desk, \"vip\" ETH"))
  }

  @Test func markdownHelpersSplitCellsAndFindLinks() {
    #expect(Markdown.cells("| `a` | 1.5 |  | x \\| y |") == ["`a`", "1.5", "", "x \\| y"])
    #expect(Markdown.linkTargets("see ![chart](fan.svg) and [data](summary.csv).") == ["fan.svg", "summary.csv"])
    #expect(Markdown.section("B", of: "## A\na\n## B\nb1\nb2\n## C\nc") == ["b1", "b2"])
  }

  @Test func theExecutableIsTheOneBuiltBesideTheTests() throws {
    let (url, source) = try #require(FundstressExecutable.found, "searched \(FundstressExecutable.candidateFolders)")
    #expect(FileManager.default.isExecutableFile(atPath: url.path))
    // Not the last-resort `.build/debug` guess: with `--scratch-path`, that would be another build.
    #expect(
      source != .defaultScratchFolder, "found only \(url.path); searched \(FundstressExecutable.candidateFolders)")
  }
}
