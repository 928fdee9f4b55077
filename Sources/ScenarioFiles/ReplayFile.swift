import Foundation
import PricePaths

/// Reads a replay CSV (docs/MODEL.md, "Price paths"): a fixed price path that every Monte Carlo path follows.
///
/// ```
/// step,BTC,ETH
/// 0,97500,2850
/// 1,97410,2838.5
/// 2,97102,2820
/// ```
///
/// The first column is `step` (0, 1, 2, … consecutive, step 0 holding the initial prices);
/// the others are one price column per symbol, positive and finite. The horizon is the
/// number of steps after step 0. Whether the columns match the scenario's markets is
/// checked when the path model is assembled (``PathModel``); the scenario loader reports
/// that against this file too. Every error names the file and the line (header = line 1).
public enum ReplayFile {
  /// Reads a replay file.
  ///
  /// - Parameter name: how to name the file in messages (defaults to the path).
  /// - Throws: ``ScenarioError``.
  public static func read(contentsOf url: URL, name: String? = nil) throws -> ReplayPrices {
    let name = name ?? TextFile.displayPath(url)
    let text = try TextFile.read(url, reportingAs: name)
    return try read(text: text, file: name)
  }

  /// The largest factor a price may move from step 0, up or down. The moves are applied to
  /// the scenario's prices, so a step-0 price in the wrong unit (10⁻³⁰⁰, or cents for
  /// dollars twice over) would otherwise reach the reports as infinite notionals.
  public static let largestMove = 1e9

  /// Reads replay prices from CSV text; `file` names it in messages.
  ///
  /// - Throws: ``ScenarioError`` for a missing `step` column, a repeated or empty symbol, a
  ///   row of the wrong width, a step that does not follow its predecessor, a price that
  ///   is not a positive number, or one more than ``largestMove`` times from step 0's.
  /// - Complexity: O(rows × symbols).
  public static func read(text: String, file: String) throws -> ReplayPrices {
    var rows = try CSVRows(text: text, file: file, expectedHeader: "step,<symbol>,<symbol>,…")
    let header = rows.header
    let symbols = try rows.symbolColumns(first: "step")

    let widthFix = "give the step and one price per symbol (\(header.joined(separator: ",")))"
    var prices: [[Double]] = []
    while let row = rows.next() {
      let (line, fields) = (row.line, row.fields)
      try rows.checkWidth(fields, line: line, fix: widthFix)
      let expected = prices.count
      let stepText = fields[0].trimmingCharacters(in: .whitespaces)
      guard let step = Int(stepText) else {
        throw rows.error(
          line: line, column: "step", "expected a whole number, found '\(fields[0])'",
          fix: "number the rows 0, 1, 2, … (step 0 holds the initial prices)")
      }
      guard step == expected else {
        let problem = expected == 0 ? "the first step is \(step)" : "step \(step) follows step \(expected - 1)"
        throw rows.error(
          line: line, column: "step", problem,
          fix: "steps must be 0, 1, 2, … with no gaps or repeats (step 0 holds the initial prices)")
      }
      var values: [Double] = []
      values.reserveCapacity(symbols.count)
      for (j, symbol) in symbols.enumerated() {
        let price = try rows.price(
          fields[j + 1], line: line, column: symbol, fix: "give the \(symbol) price at step \(step), a positive number")
        if let initial = prices.first?[j] {
          let move = price / initial
          guard move <= Self.largestMove, move >= 1 / Self.largestMove else {
            throw rows.error(
              line: line, column: symbol, "is \(fields[j + 1]), \(move) times its step-0 price \(initial)",
              fix: "a replay may move a price at most 10⁹-fold from step 0; check both rows' units")
          }
        }
        values.append(price)
      }
      prices.append(values)
    }
    guard prices.count >= 2 else {
      throw ScenarioError(
        file: file, key: "", problem: "has \(prices.count) price rows",
        fix: "give step 0 (the initial prices) and at least one more step")
    }
    do throws(ReplayError) {
      return try ReplayPrices(symbols: symbols, rows: prices)
    } catch {
      let keyed = EngineErrorKeys.keyed(error)
      throw ScenarioError(file: file, key: keyed.key, problem: keyed.problem, fix: keyed.fix)
    }
  }
}
