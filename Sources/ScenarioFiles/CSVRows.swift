import CSV
import Foundation

/// The rows of a CSV file (RFC 4180, read with yaslab's `CSVReader`), each with the line it
/// starts on, for errors of the form `file:line: column: problem; fix`.
///
/// The first row is the header (line 1). Blank lines are skipped but counted, and a quoted
/// field spanning several lines advances the line count accordingly.
struct CSVRows {
  /// The file as the user named it.
  let file: String
  /// The header's column names, trimmed of surrounding spaces.
  let header: [String]
  private let reader: CSVReader
  /// The line the next row starts on.
  private var nextLine = 2

  /// Opens CSV text and reads its header.
  ///
  /// - Throws: ``ScenarioError`` when the file is empty or its first line is blank.
  init(text: String, file: String, expectedHeader: String) throws {
    let fix = "the first line must be the header \(expectedHeader)"
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: false)
    } catch {
      throw ScenarioError(file: file, key: "", problem: "cannot be parsed as CSV (\(error))", fix: fix)
    }
    guard let header = reader.next() else {
      throw ScenarioError(file: file, key: "", problem: "is empty", fix: fix)
    }
    guard header != [""] else {
      throw ScenarioError(file: file, line: 1, key: "", problem: "has a blank first line", fix: fix)
    }
    self.file = file
    self.reader = reader
    self.header = header.map { $0.trimmingCharacters(in: .whitespaces) }
    self.nextLine = 2 + Self.embeddedLineBreaks(header)
  }

  /// The next non-blank row and its line, or `nil` at the end of the file.
  mutating func next() -> (line: Int, fields: [String])? {
    while let fields = reader.next() {
      let line = nextLine
      nextLine += 1 + Self.embeddedLineBreaks(fields)
      if fields.count == 1, fields[0].allSatisfy(\.isWhitespace) { continue }
      return (line, fields)
    }
    return nil
  }

  /// The column index of each name in `required`, in that order.
  ///
  /// - Throws: ``ScenarioError`` at line 1 for a missing or repeated column, suggesting a
  ///   header name that looks like a misspelling of it.
  func columns(_ required: [String]) throws -> [Int] {
    let listed = required.joined(separator: ",")
    for (index, name) in header.enumerated() where header[..<index].contains(name) {
      throw ScenarioError(
        file: file, line: 1, key: "header", problem: "names the column '\(name)' twice",
        fix: "name each column once: \(listed)")
    }
    return try required.map { name in
      if let index = header.firstIndex(of: name) ?? header.firstIndex(where: { $0.lowercased() == name }) {
        return index
      }
      let extras = header.filter { !required.contains($0) }
      let hint = Suggestion.closest(to: name, among: extras).map { " (is '\($0)' meant to be '\(name)'?)" } ?? ""
      throw ScenarioError(
        file: file, line: 1, key: "header", problem: "has no '\(name)' column\(hint)",
        fix: "the first line must name the columns \(listed), in any order")
    }
  }

  /// The symbols of a wide price file's header `<first>,<SYM>,<SYM>,…`: the first column
  /// must be `first`, every other column one market, named once.
  ///
  /// - Throws: ``ScenarioError`` at line 1.
  func symbolColumns(first: String) throws -> [String] {
    let expected = "\(first),<symbol>,<symbol>,… (e.g. \(first),BTC,ETH)"
    guard header.first?.lowercased() == first else {
      throw ScenarioError(
        file: file, line: 1, key: "header", problem: "starts with '\(header.first ?? "")', not '\(first)'",
        fix: "the first line must be \(expected)")
    }
    let symbols = Array(header.dropFirst())
    guard !symbols.isEmpty else {
      throw ScenarioError(
        file: file, line: 1, key: "header", problem: "has no price columns",
        fix: "add one column per market after '\(first)', e.g. \(first),BTC,ETH")
    }
    for (j, symbol) in symbols.enumerated() {
      if symbol.isEmpty {
        throw ScenarioError(
          file: file, line: 1, key: "header", problem: "column \(j + 2) has no name", fix: "name it by its symbol")
      }
      if symbols[..<j].contains(symbol) {
        throw ScenarioError(
          file: file, line: 1, key: "header", problem: "names the symbol '\(symbol)' twice",
          fix: "give each market one column")
      }
    }
    return symbols
  }

  /// An error about a field of the row at `line`.
  func error(line: Int, column: String, _ problem: String, fix: String) -> ScenarioError {
    ScenarioError(file: file, line: line, key: column, problem: problem, fix: fix)
  }

  /// Checks that a row has exactly one field per header column.
  ///
  /// - Throws: ``ScenarioError`` naming the first missing column, or the surplus.
  func checkWidth(_ fields: [String], line: Int, fix: String) throws {
    if fields.count < header.count {
      throw error(
        line: line, column: header[fields.count],
        "is missing (the row has \(fields.count) fields, the header \(header.count))", fix: fix)
    }
    if fields.count > header.count {
      throw ScenarioError(
        file: file, line: line, key: "",
        problem: "has \(fields.count) fields but the header has \(header.count)", fix: fix)
    }
  }

  /// A number in a field (`1.5`, `3.0e7`, surrounding spaces allowed).
  ///
  /// - Throws: ``ScenarioError`` naming the line and column for an empty or non-numeric
  ///   field; infinities and NaN are refused too.
  func number(_ field: String, line: Int, column: String, fix: String) throws -> Double {
    if let value = Double(field), value.isFinite { return value }
    let trimmed = field.trimmingCharacters(in: .whitespaces)
    if let value = Double(trimmed), value.isFinite { return value }
    if trimmed.isEmpty { throw error(line: line, column: column, "is empty", fix: fix) }
    throw error(line: line, column: column, "expected a number, found '\(field)'", fix: fix)
  }

  /// A price in a field of a wide price file: a number (``number(_:line:column:fix:)``)
  /// above 0.
  ///
  /// - Throws: ``ScenarioError`` naming the line and column, as ``number(_:line:column:fix:)``,
  ///   or quoting the field when it is 0 or negative.
  func price(_ field: String, line: Int, column: String, fix: String) throws -> Double {
    let price = try number(field, line: line, column: column, fix: fix)
    guard price > 0 else {
      throw error(line: line, column: column, "is \(field)", fix: "prices must be positive")
    }
    return price
  }

  /// Line breaks inside quoted fields: each moves the next row one line further down.
  private static func embeddedLineBreaks(_ fields: [String]) -> Int {
    var count = 0
    for field in fields where field.utf8.contains(10) {
      count += field.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }
    return count
  }
}
