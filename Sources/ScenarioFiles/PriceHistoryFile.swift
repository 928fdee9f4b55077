import Calibration
import Foundation

/// Reads a price history: a wide CSV `timestamp,<SYM>,<SYM>,…` with one row per time and
/// one price per market.
///
/// ```
/// timestamp,BTC,ETH
/// 2024-11-23T00:00:00Z,98789.27,3346.59
/// 2024-11-23T01:00:00Z,98705.91,3342.47
/// ```
///
/// Timestamps are ISO 8601 date-times (`2024-11-23T00:00:00Z`, an offset such as `+01:00`,
/// fractional seconds allowed) or Unix seconds (`1732320000`); they must increase strictly.
/// Gaps are allowed (``PriceHistory`` takes returns only between rows one interval apart).
/// Every error names the file, the line (header = line 1) and the column.
public enum PriceHistoryFile {
  /// Reads a price history file.
  ///
  /// - Parameter name: how to name the file in messages (defaults to the path).
  /// - Throws: ``ScenarioError``.
  public static func read(contentsOf url: URL, name: String? = nil) throws -> PriceHistory {
    let name = name ?? TextFile.displayPath(url)
    return try read(text: TextFile.read(url, reportingAs: name), file: name)
  }

  /// Reads a price history from CSV text; `file` names it in messages.
  ///
  /// - Throws: ``ScenarioError`` for a header that does not start with `timestamp` or names
  ///   a symbol twice, a row of the wrong width, a timestamp that cannot be read or does not
  ///   follow its predecessor, a price that is not a positive number, or fewer than two rows.
  /// - Complexity: O(rows × symbols).
  public static func read(text: String, file: String) throws -> PriceHistory {
    let expected = "timestamp,<symbol>,<symbol>,…"
    var rows = try CSVRows(text: text, file: file, expectedHeader: expected)
    let header = rows.header
    let symbols = try rows.symbolColumns(first: "timestamp")
    let widthFix = "give the timestamp and one price per symbol (\(header.joined(separator: ",")))"
    var times: [Double] = []
    var prices: [[Double]] = []
    var lines: [Int] = []
    let parser = TimestampParser()
    while let row = rows.next() {
      let (line, fields) = (row.line, row.fields)
      try rows.checkWidth(fields, line: line, fix: widthFix)
      guard let time = parser.seconds(fields[0]) else {
        throw rows.error(
          line: line, column: "timestamp", "expected an ISO 8601 time or Unix seconds, found '\(fields[0])'",
          fix: "write times as 2024-11-23T00:00:00Z or as seconds since 1970")
      }
      if let previous = times.last, time <= previous {
        throw rows.error(
          line: line, column: "timestamp",
          time == previous
            ? "repeats line \(lines.last!)'s time '\(fields[0])'" : "'\(fields[0])' is before line \(lines.last!)'s",
          fix: "sort the rows by time, one row per time")
      }
      var values: [Double] = []
      for (j, symbol) in symbols.enumerated() {
        let price = try rows.price(
          fields[j + 1], line: line, column: symbol, fix: "give the \(symbol) price as a positive number")
        values.append(price)
      }
      times.append(time)
      prices.append(values)
      lines.append(line)
    }
    guard prices.count >= 2 else {
      throw ScenarioError(
        file: file, key: "", problem: "has \(prices.count) price rows", fix: "give at least two rows of prices")
    }
    do {
      return try PriceHistory(symbols: symbols, timestamps: times, rows: prices)
    } catch let error as CalibrationError {
      throw ScenarioError(file: file, key: error.market ?? "", problem: error.problem, fix: error.fix)
    }
  }

  /// Reads timestamps with two formatters made once per file (making one per row would
  /// cost more than the whole calibration).
  struct TimestampParser {
    let plain = ISO8601DateFormatter()
    let fractional: ISO8601DateFormatter = {
      let formatter = ISO8601DateFormatter()
      formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
      return formatter
    }()

    /// Unix seconds from `1732320000`, `1732320000.5` or an ISO 8601 date-time.
    func seconds(_ field: String) -> Double? {
      let text = field.trimmingCharacters(in: .whitespaces)
      if let seconds = Double(text), seconds.isFinite { return seconds }
      return (plain.date(from: text) ?? fractional.date(from: text))?.timeIntervalSince1970
    }
  }

  /// An ISO 8601 UTC rendering of Unix seconds, for comments and reports.
  public static func isoTime(_ seconds: Double) -> String {
    ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds))
  }
}
