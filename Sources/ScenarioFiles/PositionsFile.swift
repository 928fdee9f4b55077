import Foundation
import FundSimulation
import PricePaths

/// Reads a positions CSV (README, "Scenario reference"): one isolated-margin position per row.
///
/// ```
/// account,market,side,size,entry_price,margin
/// a-17,BTC,long,0.5,88000,4400
/// a-18,ETH,short,12,3100,1860
/// ```
///
/// The header is required; its columns may come in any order and further columns are
/// ignored. `side` is `long` or `short` (any case); `market` is a symbol of the scenario;
/// `size` is in base units, `entry_price` in the margin currency per unit and `margin` in
/// the margin currency, all positive. A position already at or past its liquidation price
/// at the scenario's initial price is refused (the exchange would have liquidated it before
/// the run). Every error names the file and the line (the header is line 1).
public enum PositionsFile {
  /// The required columns.
  public static let columns = ["account", "market", "side", "size", "entry_price", "margin"]

  /// Reads a positions file.
  ///
  /// - Parameters:
  ///   - url: the file.
  ///   - name: how to name it in messages (defaults to the path).
  ///   - markets: the scenario's markets (symbols and initial prices), in order.
  ///   - rules: their rules (maintenance-margin rates), in the same order, already valid
  ///     (``MarketRules/validate(index:)``; ``ScenarioLoader`` checks them first).
  /// - Throws: ``ScenarioError``.
  /// - Complexity: O(rows). A release build read 1,000,000 rows (51 MB) in 2.6–4.5 s on a
  ///   busy 2-core machine, about 80% of it inside yaslab's CSVReader.
  public static func read(
    contentsOf url: URL, name: String? = nil, markets: [MarketModel], rules: [MarketRules]
  ) throws -> [Position] {
    let name = name ?? TextFile.displayPath(url)
    let text = try TextFile.read(url, reportingAs: name)
    return try read(text: text, file: name, markets: markets, rules: rules)
  }

  /// Reads positions from CSV text; `file` names it in messages.
  ///
  /// - Throws: ``ScenarioError``.
  public static func read(
    text: String, file: String, markets: [MarketModel], rules: [MarketRules]
  ) throws
    -> [Position]
  {
    precondition(markets.count == rules.count, "one rule set per market")
    var rows = try CSVRows(text: text, file: file, expectedHeader: columns.joined(separator: ","))
    let index = try rows.columns(columns)
    let (accountColumn, marketColumn, sideColumn) = (index[0], index[1], index[2])
    let (sizeColumn, entryColumn, marginColumn) = (index[3], index[4], index[5])
    let symbols = markets.map(\.symbol)
    let marketIndex = Dictionary(symbols.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let widthFix = "give one value per header column: \(rows.header.joined(separator: ","))"

    var positions: [Position] = []
    positions.reserveCapacity(text.utf8.count / 40)
    while let row = rows.next() {
      let (line, fields) = (row.line, row.fields)
      try rows.checkWidth(fields, line: line, fix: widthFix)
      let symbol = fields[marketColumn]
      guard let market = marketIndex[symbol] ?? marketIndex[symbol.trimmingCharacters(in: .whitespaces)] else {
        throw rows.error(
          line: line, column: "market", "'\(symbol)' is not a market of the scenario",
          fix: Suggestion.fix(for: symbol, among: symbols, listIntro: "use one of"))
      }
      let side = try parseSide(fields[sideColumn], line: line, rows: rows)
      let size = try rows.number(
        fields[sizeColumn], line: line, column: "size", fix: "give a positive size in base units")
      let entry = try rows.number(
        fields[entryColumn], line: line, column: "entry_price", fix: "give a positive entry price")
      let margin = try rows.number(
        fields[marginColumn], line: line, column: "margin", fix: "give a positive margin in the margin currency")
      guard size > 0 else {
        throw rows.error(
          line: line, column: "size", "is \(fields[sizeColumn])", fix: "give a positive size in base units")
      }
      guard entry > 0 else {
        throw rows.error(line: line, column: "entry_price", "is \(fields[entryColumn])", fix: "give a positive price")
      }
      guard margin > 0 else {
        throw rows.error(
          line: line, column: "margin", "is \(fields[marginColumn])",
          fix: "give a positive margin in the margin currency")
      }
      let account = fields[accountColumn]
      let position = Position(
        account: account, market: market, side: side, size: size, entryPrice: entry, margin: margin)
      if let error = position.validationProblem(initialPrice: markets[market].price, rules: rules[market]) {
        let (problem, fix) = EngineErrorKeys.problemAndFix(error)
        throw rows.error(line: line, column: "position '\(account)' (\(symbol))", problem, fix: fix)
      }
      positions.append(position)
    }
    guard !positions.isEmpty else {
      throw ScenarioError(
        file: file, line: 1, key: "", problem: "has no positions below the header",
        fix: "add one row per position: \(columns.joined(separator: ","))")
    }
    return positions
  }

  private static func parseSide(_ field: String, line: Int, rows: CSVRows) throws -> Side {
    switch field {
    case "long": return .long
    case "short": return .short
    default:
      switch field.trimmingCharacters(in: .whitespaces).lowercased() {
      case "long": return .long
      case "short": return .short
      default:
        throw rows.error(
          line: line, column: "side", "expected long or short, found '\(field)'", fix: "write long or short")
      }
    }
  }
}
