import Testing

@testable import ScenarioFiles

@Suite("CSVRows")
struct CSVRowsTests {
  @Test("rows carry their line numbers across blank lines, CRLF and quoted line breaks")
  func lineNumbers() throws {
    let text = "a,b\r\n1,2\r\n\r\n\"x\ny\",3\n4,5\n"
    var rows = try CSVRows(text: text, file: "f.csv", expectedHeader: "a,b")
    #expect(rows.header == ["a", "b"])
    var seen: [(Int, [String])] = []
    while let row = rows.next() { seen.append((row.line, row.fields)) }
    #expect(seen.map(\.0) == [2, 4, 6])
    #expect(seen.map(\.1) == [["1", "2"], ["x\ny", "3"], ["4", "5"]])
  }

  @Test("an empty file and a blank first line are refused")
  func emptyFile() {
    let empty = #expect(throws: ScenarioError.self) { try CSVRows(text: "", file: "f.csv", expectedHeader: "a,b") }
    #expect(empty?.description == "f.csv: is empty; the first line must be the header a,b")
    let blank = #expect(throws: ScenarioError.self) {
      try CSVRows(text: "\na,b\n", file: "f.csv", expectedHeader: "a,b")
    }
    #expect(blank?.line == 1)
  }

  @Test("columns are found in any order; a missing one is named with a likely misspelling")
  func columns() throws {
    let rows = try CSVRows(text: " size ,account,entryprice\n", file: "f.csv", expectedHeader: "…")
    #expect(try rows.columns(["account", "size"]) == [1, 0])
    let error = #expect(throws: ScenarioError.self) { try rows.columns(["account", "entry_price"]) }
    #expect(error?.line == 1)
    #expect(
      error?.description.contains("has no 'entry_price' column (is 'entryprice' meant to be 'entry_price'?)") == true)
    let twice = try CSVRows(text: "a,b,a\n", file: "f.csv", expectedHeader: "…")
    #expect(throws: ScenarioError.self) { try twice.columns(["a"]) }
  }

  @Test("width and number checks name the line and column")
  func checks() throws {
    let rows = try CSVRows(text: "a,b,c\n", file: "f.csv", expectedHeader: "a,b,c")
    let short = #expect(throws: ScenarioError.self) { try rows.checkWidth(["1", "2"], line: 4, fix: "fill it") }
    #expect(short?.description == "f.csv:4: c: is missing (the row has 2 fields, the header 3); fill it")
    let long = #expect(throws: ScenarioError.self) { try rows.checkWidth(["1", "2", "3", "4"], line: 5, fix: "x") }
    #expect(long?.description == "f.csv:5: has 4 fields but the header has 3; x")
    #expect(try rows.number(" 1.5e3 ", line: 2, column: "b", fix: "x") == 1500)
    let text = #expect(throws: ScenarioError.self) { try rows.number("abc", line: 3, column: "b", fix: "a number") }
    #expect(text?.description == "f.csv:3: b: expected a number, found 'abc'; a number")
    #expect(throws: ScenarioError.self) { try rows.number("nan", line: 3, column: "b", fix: "x") }
    let empty = #expect(throws: ScenarioError.self) { try rows.number("", line: 3, column: "b", fix: "x") }
    #expect(empty?.problem == "is empty")
  }
}
