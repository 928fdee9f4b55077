import Calibration
import Foundation
import PricePaths

/// The `historical:` block: filtered historical simulation.
///
/// ```yaml
/// historical:
///   prices: ../data/hourly-closes.csv     # timestamp,<SYM>,… (relative to this file)
///   stressed: {from: 2025-02-02T12:00:00Z, to: 2025-02-04T00:00:00Z, weight: 0.25}
/// ```
///
/// Every step of every path draws one row of the history's standardised residuals
/// (``FilteredResiduals``, under each market's own GARCH filter, or its sample volatility
/// for a gbm market) and rescales it by the path's conditional volatility. The history's
/// interval must equal `horizon.step_seconds` (GARCH's α and β are per step). `stressed`
/// (optional) marks the returns ending inside `[from, to]`; with `weight` they are drawn
/// with that total probability (EMIR RTS 153/2013 Art. 28 asks for at least 25%), without
/// it they are drawn like any other row.
struct HistoricalInput {
  var prices: FileReference
  var stressedFrom: Double?
  var stressedTo: Double?
  var weight: Double?
}

extension ScenarioParser {
  /// `historical: {prices, stressed: {from, to, weight}}`.
  func parseHistorical(_ top: YAMLMapping) throws -> HistoricalInput? {
    guard let block = try top.block("historical", allowedKeys: ["prices", "stressed"]) else { return nil }
    let prices = try fileReference(block.required("prices", fix: "the price history CSV, timestamp,<SYM>,…"))
    var input = HistoricalInput(prices: prices)
    guard let stressed = try block.block("stressed", allowedKeys: ["from", "to", "weight"]) else { return input }
    let parser = PriceHistoryFile.TimestampParser()
    func time(_ key: String) throws -> Double {
      let value = try stressed.required(key, fix: "an ISO 8601 time such as 2025-02-03T00:00:00Z")
      guard let seconds = parser.seconds(try value.text()) else {
        throw value.error("is not a time", fix: "write an ISO 8601 time such as 2025-02-03T00:00:00Z or Unix seconds")
      }
      return seconds
    }
    input.stressedFrom = try time("from")
    input.stressedTo = try time("to")
    if input.stressedTo! < input.stressedFrom! {
      throw stressed.error("ends before it starts", fix: "give `from` before `to`")
    }
    input.weight = try stressed.optionalNumber("weight")
    return input
  }
}

extension HistoricalInput {
  /// Reads the history and computes the residual rows in the scenario's market order.
  ///
  /// - Throws: ``ScenarioError`` at the history file (its own errors, a missing market
  ///   column, an interval other than the step) or at the `historical` key.
  func shocks(markets: [MarketModel], stepSeconds: Double, source: String) throws -> HistoricalShocks {
    let history = try PriceHistoryFile.read(text: prices.readText(source: source), file: prices.display)
    let columns = try markets.map { market -> Int in
      guard let column = history.symbols.firstIndex(of: market.symbol) else {
        throw ScenarioError(
          file: prices.display, line: 1, key: "header", problem: "has no column for market '\(market.symbol)'",
          fix: "give one price column per market of the scenario")
      }
      return column
    }
    guard history.interval == stepSeconds else {
      throw ScenarioError(
        file: source, mark: prices.mark, key: "historical.prices",
        problem: "has a \(history.interval) s interval but the horizon's step is \(stepSeconds) s",
        fix: "set horizon.step_seconds to \(history.interval) (GARCH parameters are per step of the data)")
    }
    let dt = stepSeconds / Horizon.secondsPerYear
    let filters = markets.map { market in
      market.returns.garch.map { GARCHFilter(omega: $0.omega * dt, alpha: $0.alpha, beta: $0.beta) }
    }
    let rows: [[Double]]
    do {
      rows = try FilteredResiduals.rows(history, columns: columns, filters: filters)
    } catch let error as CalibrationError {
      throw ScenarioError(file: prices.display, key: error.market ?? "", problem: error.problem, fix: error.fix)
    }
    var stressed: [Bool]?
    if let from = stressedFrom, let to = stressedTo {
      let flags = history.returnEnds.map { (from...to).contains(history.timestamps[$0]) }
      guard flags.contains(true) else {
        throw ScenarioError(
          file: source, mark: prices.mark, key: "historical.stressed",
          problem: "contains none of the history's returns",
          fix: "give a date range inside the history's, or remove `stressed`")
      }
      stressed = flags
    }
    do throws(HistoricalShocksError) {
      return try HistoricalShocks(residuals: rows, stressed: stressed, stressedWeight: weight)
    } catch {
      let keyed = EngineErrorKeys.keyed(error)
      throw ScenarioError(file: source, mark: prices.mark, key: keyed.key, problem: keyed.problem, fix: keyed.fix)
    }
  }
}
