import Foundation
import FundSimulation
import PricePaths

@testable import FundReports

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A strict RFC 4180 parser for the tests: records end with `\n` (or `\r\n`); a quoted
/// field may contain commas, doubled quotes and newlines; a quote inside an unquoted field,
/// or text after a closing quote, is an error.
enum CSVParser {
  struct Malformed: Error, CustomStringConvertible {
    let description: String
  }

  static func parse(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var characters = Array(text)[...]
    var quoted = false
    var afterQuote = false
    var fieldStarted = false
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            characters.removeFirst()
            field.append("\"")
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case ",":
        record.append(field)
        field = ""
        afterQuote = false
        fieldStarted = true
      case "\n", "\r\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
        afterQuote = false
        fieldStarted = false
      case "\"":
        guard field.isEmpty, !afterQuote else {
          throw Malformed(description: "stray quote in record \(records.count + 1)")
        }
        quoted = true
        fieldStarted = true
      default:
        guard !afterQuote else {
          throw Malformed(description: "text after closing quote in record \(records.count + 1)")
        }
        field.append(character)
        fieldStarted = true
      }
    }
    if quoted { throw Malformed(description: "unterminated quoted field") }
    if fieldStarted || !field.isEmpty || !record.isEmpty {
      throw Malformed(description: "last record lacks its line ending")
    }
    return records
  }

  /// Parses and checks the header and that every record has the header's width.
  static func table(_ text: String, header: [String]) throws -> [[String]] {
    let records = try parse(text)
    guard records.first == header else { throw Malformed(description: "header \(records.first ?? []) != \(header)") }
    for (index, record) in records.enumerated() where record.count != header.count {
      throw Malformed(description: "record \(index + 1) has \(record.count) fields, expected \(header.count)")
    }
    return Array(records.dropFirst())
  }
}

/// Checks that `text` is well-formed XML with the given root element.
final class XMLCheck: NSObject, XMLParserDelegate {
  private(set) var root: String?
  private(set) var elementCounts: [String: Int] = [:]
  /// The text content of each element (entity-split callbacks joined), trimmed.
  private(set) var texts: [String] = []
  /// Every attribute as `(element, name, value)`.
  private(set) var attributes: [(element: String, name: String, value: String)] = []
  private var buffer = ""

  static func parse(_ text: String) -> (ok: Bool, check: XMLCheck, error: String?) {
    let parser = XMLParser(data: Data(text.utf8))
    let check = XMLCheck()
    parser.delegate = check
    let ok = parser.parse()
    return (ok, check, parser.parserError.map { "\($0)" })
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    if root == nil { root = elementName }
    elementCounts[elementName, default: 0] += 1
    attributes += attributeDict.map { (elementName, $0.key, $0.value) }
    buffer = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    buffer += string
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    let trimmed = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
    if !trimmed.isEmpty { texts.append(trimmed) }
    buffer = ""
  }
}

/// Builders of hand-made and random outcomes.
enum Fixtures {
  static let symbols = ["BTC", "ETH", "SOL"]
  static let initialFund = 1_000_000.0
  static let schedule = CheckpointSchedule(horizonSteps: 60, every: 15)  // steps 0, 15, 30, 45, 60

  static func emptyStatistics(threshold: Double = 0) -> RunStatistics {
    RunStatistics(
      symbols: symbols, checkpoints: schedule, initialFund: initialFund, depletionThreshold: threshold, stepSeconds: 60)
  }

  /// A quiet path: no liquidation, the fund stays at its initial balance.
  static func quiet(path: Int) -> PathOutcome {
    PathOutcome(path: path, initialFund: initialFund, markets: symbols.count, checkpoints: schedule.count)
  }

  /// A random path: two in five quiet, the rest with liquidations in random markets,
  /// one in ten depleted, one in six with ADL.
  static func random(path: Int, generator: inout SplitMix64) -> PathOutcome {
    var outcome = quiet(path: path)
    func uniform() -> Double { Double(generator.next() >> 11) * 0x1p-53 }
    guard uniform() >= 0.4 else { return outcome }
    var balance = initialFund
    var minimum = balance
    for index in 1..<schedule.count {
      balance += (uniform() - 0.6) * 300_000
      minimum = min(minimum, balance)
      outcome.checkpoints[index] = balance
    }
    if uniform() < 0.1 {
      outcome.depletionStep = Int(uniform() * 60)
      minimum = min(minimum, -uniform() * 50_000)
    }
    outcome.minFund = minimum
    outcome.finalFund = balance
    for market in 0..<symbols.count where uniform() < 0.7 {
      var row = MarketOutcome()
      row.liquidations = 1 + Int(uniform() * 40)
      row.liquidatedNotional = uniform() * 5e6
      row.shortfall = uniform() < 0.5 ? 0 : uniform() * 2e5
      row.badDebt = uniform() < 0.8 ? 0 : uniform() * 1e5
      row.fundInflow = uniform() * 3e4
      row.vaultInflow = uniform() * 1e4
      row.maxCascadeRounds = Int(uniform() * 6)
      if uniform() < 0.25 {
        row.adlEvents = 1 + Int(uniform() * 3)
        row.adlNotional = uniform() * 1e6
      }
      outcome.markets[market] = row
      outcome.liquidations += row.liquidations
      outcome.liquidatedNotional += row.liquidatedNotional
      outcome.shortfall += row.shortfall
      outcome.badDebt += row.badDebt
      outcome.fundInflow += row.fundInflow
      outcome.vaultInflow += row.vaultInflow
      outcome.adlEvents += row.adlEvents
      outcome.adlNotional += row.adlNotional
      outcome.adlPositionsHit += row.adlEvents * 2
      outcome.maxCascadeRounds = max(outcome.maxCascadeRounds, row.maxCascadeRounds)
    }
    if outcome.maxCascadeRounds >= 5 { outcome.roundCapHits = 1 }
    return outcome
  }

  static func randomOutcomes(count: Int, seed: UInt64 = 42) -> [PathOutcome] {
    var generator = SplitMix64(state: seed)
    return (0..<count).map { random(path: $0, generator: &generator) }
  }

  static func statistics(_ outcomes: [PathOutcome], threshold: Double = 0) -> RunStatistics {
    var statistics = emptyStatistics(threshold: threshold)
    for outcome in outcomes { statistics.add(outcome) }
    return statistics
  }

  static func context(paths: Int) -> ReportContext {
    ReportContext(
      scenarioName: "test, \"quoted\" | piped",
      scenarioLines: ["3 markets: BTC, ETH, SOL", "horizon 1 h at 1-minute steps"],
      symbols: symbols, seed: 7, paths: paths, threads: 2, version: "0.1.0-test", wallSeconds: 1.25,
      commandLine: ["fundstress", "run", "--paths", "\(paths)", "--out", "my reports/x"], currency: "USDC",
      mechanic: "market-close", ranking: "pnl-leverage", initialFund: initialFund, depletionThreshold: 0,
      stepSeconds: 60, resolvedScenario: ["name": "test", "seed": "7"],
      runDate: Date(timeIntervalSince1970: 1_796_450_400), runID: "20261205T060000Z-abcdef")
  }

  static func temporaryDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("fundreports-tests-\(UUID().uuidString)")
  }
}

/// Reads the `metric → [value, ci_low, ci_high, unit]` fields of a summary.csv text.
func summaryFields(_ csv: String) throws -> [String: [String]] {
  let rows = try CSVParser.table(csv, header: RunTables.summaryColumns)
  return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], Array($0.dropFirst())) })
}
