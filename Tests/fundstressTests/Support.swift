import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

// Shared helpers of the end-to-end tests: they run the built `fundstress` executable as a
// subprocess in a scratch folder and read what it wrote.

// MARK: - Locating the executable

/// Anchor for `Bundle(for:)`: the bundle (or executable) that holds these tests.
private final class TestBundleToken {}

/// The `fundstress` executable built beside this test bundle.
///
/// SwiftPM puts the test bundle (`fundstressPackageTests.xctest`) and the executables of the
/// package in the same products folder (`<scratch>/debug/` or
/// `<scratch>/<triple>/debug/`), whatever `--scratch-path` says; on Linux the bundle is the
/// test executable itself, on macOS a `.xctest` folder run by a helper. The environment
/// variable `FUNDSTRESS_EXECUTABLE` overrides the search.
enum FundstressExecutable {
  /// Where the executable was found.
  enum Source: Sendable { case environment, productsFolder, defaultScratchFolder }

  static let found: (url: URL, source: Source)? = locate()
  static var url: URL? { found?.url }

  /// Folders that may hold the products of this build, most specific first.
  static var candidateFolders: [URL] {
    var folders: [URL] = []
    func add(_ url: URL?) {
      guard let url else { return }
      // A `.xctest` bundle (macOS) and its `Contents/MacOS` folder: walk up to the products folder.
      var folder = url.standardizedFileURL
      for _ in 0..<4 {
        folders.append(folder)
        folder = folder.deletingLastPathComponent()
      }
    }
    add(Bundle(for: TestBundleToken.self).executableURL?.deletingLastPathComponent())
    add(Bundle(for: TestBundleToken.self).bundleURL)
    add(Bundle.main.executableURL?.deletingLastPathComponent())
    add(Bundle.main.bundleURL)
    if let first = CommandLine.arguments.first {
      add(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    return folders
  }

  private static func locate() -> (URL, Source)? {
    let manager = FileManager.default
    if let path = ProcessInfo.processInfo.environment["FUNDSTRESS_EXECUTABLE"], !path.isEmpty {
      return (URL(fileURLWithPath: path), .environment)
    }
    for folder in candidateFolders {
      // The products folder also holds the test bundle: require both, so that an unrelated
      // `fundstress` further up (say, an installed copy) is not picked by accident.
      let candidate = folder.appendingPathComponent("fundstress")
      var isFolder: ObjCBool = false
      if manager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
        manager.isExecutableFile(atPath: candidate.path),
        (try? manager.contentsOfDirectory(atPath: folder.path))?.contains(where: { $0.hasSuffix(".xctest") }) == true
      {
        return (candidate, .productsFolder)
      }
    }
    // Last resort: the default scratch folder of the package this file belongs to.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let fallback = root.appendingPathComponent(".build/debug/fundstress")
    return manager.isExecutableFile(atPath: fallback.path) ? (fallback, .defaultScratchFolder) : nil
  }
}

// MARK: - Running it

/// What a finished `fundstress` process left behind.
struct CommandResult: Sendable, CustomStringConvertible {
  var arguments: [String]
  /// The exit status, or the signal number when ``signaled``.
  var status: Int32
  var signaled: Bool
  var stdout: String
  var stderr: String
  var seconds: Double

  /// Standard error split into lines (without the final empty piece after the last `\n`).
  var stderrLines: [String] {
    var lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  var description: String {
    "fundstress \(arguments.joined(separator: " ")) → \(signaled ? "signal" : "status") \(status) in "
      + String(format: "%.2f s", seconds) + "\nstdout: \(stdout.prefix(2000))\nstderr: \(stderr.prefix(2000))"
  }
}

/// A `fundstress` process started in the background (for the interrupt test).
final class RunningCommand: @unchecked Sendable {
  let arguments: [String]
  private let process = Process()
  private let stdoutURL: URL
  private let stderrURL: URL
  private let started = Date()
  private let finished: Task<Void, Never>
  private let done = DoneSignal()

  /// Starts `fundstress arguments` with `directory` as its working directory.
  ///
  /// - Parameter timeout: seconds after which the process is killed (a hung test fails
  ///   instead of blocking the suite).
  init(
    _ arguments: [String], in directory: URL, timeout: Double = 180, executable other: URL? = nil,
    environment replaced: [String: String]? = nil
  ) throws {
    guard let executable = other ?? FundstressExecutable.url else {
      throw HarnessError("the fundstress executable was not found near the test bundle; set FUNDSTRESS_EXECUTABLE")
    }
    self.arguments = arguments
    let io = try Scratch.ioFolder()
    let name = UUID().uuidString
    stdoutURL = io.appendingPathComponent("\(name).stdout")
    stderrURL = io.appendingPathComponent("\(name).stderr")
    for file in [stdoutURL, stderrURL] {
      guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
        throw HarnessError("cannot create \(file.path)")
      }
    }
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
    process.standardError = try FileHandle(forWritingTo: stderrURL)
    var environment = replaced ?? ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let done = self.done
    process.terminationHandler = { _ in Task { await done.signal() } }
    try process.run()
    let process = self.process
    let watchdog = Task.detached {
      try? await Task.sleep(for: .seconds(timeout))
      if !Task.isCancelled, process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    finished = Task {
      await done.wait()
      watchdog.cancel()
    }
  }

  var isRunning: Bool { process.isRunning }
  var processIdentifier: Int32 { process.processIdentifier }

  /// Sends `signal`: SIGINT as Ctrl-C would, SIGTERM as `kill` would, SIGHUP as a closing
  /// terminal would.
  func interrupt(with signal: Int32 = SIGINT) { kill(process.processIdentifier, signal) }

  /// Waits for the process to end and collects its outputs.
  func result() async -> CommandResult {
    await finished.value
    let out = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(at: stdoutURL)
    try? FileManager.default.removeItem(at: stderrURL)
    return CommandResult(
      arguments: arguments, status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
      stdout: out, stderr: err, seconds: Date().timeIntervalSince(started))
  }
}

/// A one-shot signal that an async caller can wait for.
private actor DoneSignal {
  private var isDone = false
  private var waiters: [CheckedContinuation<Void, Never>] = []

  func signal() {
    isDone = true
    waiters.forEach { $0.resume() }
    waiters.removeAll()
  }

  func wait() async {
    if isDone { return }
    await withCheckedContinuation { waiters.append($0) }
  }
}

/// Runs `fundstress arguments` in `directory` and waits for it.
@discardableResult
func fundstress(_ arguments: [String], in directory: URL, timeout: Double = 180) async throws -> CommandResult {
  try await RunningCommand(arguments, in: directory, timeout: timeout).result()
}

/// Runs another program (`python3`, `/bin/sh`) in `directory` and waits for it;
/// `environment` replaces the test's environment when given.
@discardableResult
func command(
  _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]? = nil,
  timeout: Double = 180
) async throws -> CommandResult {
  try await RunningCommand(
    arguments, in: directory, timeout: timeout, executable: URL(fileURLWithPath: executable), environment: environment
  ).result()
}

struct HarnessError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

// MARK: - Scratch folders

/// A fresh folder under the system's temporary folder; call ``remove()`` (in a `defer`,
/// which also keeps it alive to the end of the test).
final class Scratch: @unchecked Sendable {
  let url: URL

  init(_ label: String = "e2e") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fundstress-\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(at: url) }

  /// `url/relative`.
  func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

  /// Writes a text file at `relative` (folders created as needed).
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> URL {
    let file = path(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    return file
  }

  func read(_ relative: String) throws -> String { try String(contentsOf: path(relative), encoding: .utf8) }

  func data(_ relative: String) throws -> Data { try Data(contentsOf: path(relative)) }

  func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative).path) }

  /// Names in `relative` (default: the scratch folder itself), hidden ones included.
  func entries(_ relative: String = "") -> [String] {
    let folder = relative.isEmpty ? url : path(relative)
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
  }

  /// Staging leftovers (`.NAME.partial-PID`, `.NAME.old-PID`) in `relative`.
  func stagingLeftovers(_ relative: String = "") -> [String] {
    entries(relative).filter { $0.contains(".partial") || $0.contains(".old-") }
  }

  /// A shared folder for the captured standard output and error of subprocesses.
  static func ioFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fundstress-e2e-io", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}

// MARK: - CSV (RFC 4180)

/// A small, strict RFC 4180 reader: `,` separates fields, LF or CRLF ends records, fields
/// may be quoted (`"a,b"`, `"say ""hi"""`, line breaks inside quotes), every record
/// (including the last) ends with a line break.
enum CSVParser {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  static func parse(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    var fieldWasQuoted = false
    var atFieldStart = true
    var scalars = Array(text.unicodeScalars)[...]
    var line = 1
    func fail(_ message: String) -> Failure { Failure(description: "line \(line): \(message)") }

    while let c = scalars.popFirst() {
      if inQuotes {
        if c == "\"" {
          if scalars.first == "\"" {
            scalars.removeFirst()
            field.unicodeScalars.append("\"")
          } else {
            inQuotes = false
          }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"":
        guard atFieldStart else { throw fail("quote inside an unquoted field") }
        inQuotes = true
        fieldWasQuoted = true
        atFieldStart = false
      case ",":
        record.append(field)
        field = ""
        fieldWasQuoted = false
        atFieldStart = true
      case "\r":
        guard scalars.first == "\n" else { throw fail("CR not followed by LF") }
      case "\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
        fieldWasQuoted = false
        atFieldStart = true
        line += 1
      default:
        if fieldWasQuoted { throw fail("text after a closing quote") }
        field.unicodeScalars.append(c)
        atFieldStart = false
      }
    }
    if inQuotes { throw fail("unterminated quoted field") }
    if !record.isEmpty || !field.isEmpty || fieldWasQuoted {
      throw fail("the last record does not end with a line break")
    }
    return records
  }

  /// Parses a table: the first record is the header, every row has as many fields.
  ///
  /// - Parameter header: when given, the header must start with exactly these columns.
  static func table(_ text: String, header expected: [String]? = nil) throws -> CSVTable {
    let records = try parse(text)
    guard let header = records.first else { throw Failure(description: "no header") }
    if let expected, Array(header.prefix(expected.count)) != expected {
      throw Failure(description: "header \(header) does not start with \(expected)")
    }
    for (index, row) in records.dropFirst().enumerated() where row.count != header.count {
      throw Failure(description: "record \(index + 2) has \(row.count) fields, the header \(header.count)")
    }
    return CSVTable(header: header, rows: Array(records.dropFirst()))
  }
}

struct CSVTable {
  let header: [String]
  let rows: [[String]]

  func index(_ column: String) throws -> Int {
    guard let index = header.firstIndex(of: column) else { throw HarnessError("no column '\(column)' in \(header)") }
    return index
  }

  /// The fields of a column, top to bottom.
  func column(_ name: String) throws -> [String] {
    let k = try index(name)
    return rows.map { $0[k] }
  }

  /// A column of numbers; throws on a field that is not a number (empty fields too,
  /// unless `emptyAllowed`, when they become `nil`).
  func numbers(_ name: String, emptyAllowed: Bool = false) throws -> [Double?] {
    try column(name).enumerated().map { row, field in
      if field.isEmpty {
        guard emptyAllowed else { throw HarnessError("\(name), row \(row + 1): empty") }
        return nil
      }
      guard let value = Double(field) else { throw HarnessError("\(name), row \(row + 1): '\(field)' is not a number") }
      return value
    }
  }

  /// A column of numbers that must all be present and finite.
  func finiteNumbers(_ name: String) throws -> [Double] {
    try numbers(name).enumerated().map { row, value in
      guard let value, value.isFinite else { throw HarnessError("\(name), row \(row + 1): not finite") }
      return value
    }
  }

  /// Rows keyed by the first column (e.g. `summary.csv` by metric).
  func keyedByFirstColumn() -> [String: [String]] {
    Dictionary(rows.map { ($0[0], $0) }, uniquingKeysWith: { first, _ in first })
  }
}

// MARK: - Markdown and SVG

enum Markdown {
  /// The cells of a table row `| a | b \| c |`: split at unescaped `|`, trimmed.
  static func cells(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        current.append(character)
        escaped = true
      } else if character == "|" {
        cells.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    cells.append(current)
    // Drop the empty pieces outside the border pipes.
    if cells.first?.trimmingCharacters(in: .whitespaces) == "" { cells.removeFirst() }
    if cells.last?.trimmingCharacters(in: .whitespaces) == "" { cells.removeLast() }
    return cells.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// The lines of the section that starts with the heading `## title`.
  static func section(_ title: String, of text: String) -> [String] {
    let lines = text.components(separatedBy: "\n")
    guard let start = lines.firstIndex(of: "## \(title)") else { return [] }
    let rest = lines[(start + 1)...]
    let end = rest.firstIndex(where: { $0.hasPrefix("## ") }) ?? lines.endIndex
    return Array(lines[(start + 1)..<end])
  }

  /// Targets of Markdown links and images, `[text](target)` / `![alt](target)`.
  static func linkTargets(_ text: String) -> [String] {
    var targets: [String] = []
    var rest = Substring(text)
    while let close = rest.range(of: "](") {
      let after = rest[close.upperBound...]
      guard let end = after.firstIndex(of: ")") else { break }
      targets.append(String(after[..<end]))
      rest = after[end...]
    }
    return targets
  }
}

/// Whether `data` parses as XML (with FoundationXML where available).
func isWellFormedXML(_ data: Data) -> Bool {
  #if canImport(FoundationXML) || os(macOS)
    return XMLParser(data: data).parse()
  #else
    return true
  #endif
}

// MARK: - The scenario fixture

/// A tiny, violent scenario: three correlated markets with crash jumps, 50 positions per
/// market, a 300k fund, 100 one-minute steps. About four paths in ten deplete the fund
/// (and trigger ADL) with the market-close waterfall; a few hundred paths run in well under
/// a second in a debug build.
enum Fixture {
  static let symbols = ["BTC", "ETH", "SOL"]
  static let prices = [90000.0, 3000, 150]
  static let steps = 100
  static let stepSeconds = 60.0
  static let fund = 3.0e5
  static let seed: UInt64 = 3

  enum Book {
    case synthetic(perMarket: Int)
    /// `book.positions` naming a CSV file relative to the scenario.
    case positions(String)
  }

  static func scenario(
    name: String = "tiny", steps: Int = steps, book: Book = .synthetic(perMarket: 50),
    waterfall: String = "market-close", fund: Double = fund
  ) -> String {
    let bookText: String
    switch book {
    case .synthetic(let perMarket):
      bookText = """
        book:
          synthetic:
            positions_per_market: \(perMarket)
            open_interest: {BTC: 2.0e7, ETH: 1.0e7, SOL: 5.0e6}
            leverage: {min: 10, max: 50}
        """
    case .positions(let file):
      bookText = """
        book:
          positions: \(file)
        """
    }
    return """
      # fundstress end-to-end fixture
      name: \(name)
      seed: \(seed)
      horizon: {steps: \(steps), step_seconds: 60}
      markets:
        - symbol: BTC
          price: 90000
          volatility: 2.5
          returns: {model: jumps, dof: 3, beta: 1.0}
          maintenance_margin: 0.01
          depth: 2.0e6
          max_leverage: 50
        - symbol: ETH
          price: 3000
          volatility: 3.0
          returns: {model: jumps, beta: 1.3}
          maintenance_margin: 0.01
          depth: 1.0e6
          max_leverage: 50
        - symbol: SOL
          price: 150
          volatility: 3.5
          returns: {model: jumps, beta: 1.5}
          maintenance_margin: 0.025
          depth: 5.0e5
          max_leverage: 20
      jumps: {intensity: 10, mean: -0.06, stdev: 0.03}
      correlation:
        - [1.0, 0.8, 0.7]
        - [0.8, 1.0, 0.7]
        - [0.7, 0.7, 1.0]
      \(bookText)
      fund:
        balance: \(fund)
        waterfall: \(waterfall)
      adl:
        ranking: pnl-leverage

      """
  }

  /// A positions file over the fixture's markets: 16 positions per market, alternating
  /// long and short, leverage 5x–40x (SOL at most 20x), entries within ±0.4% of the price,
  /// and one account name that needs RFC 4180 quoting.
  static func positionsCSV() -> String {
    var text = "account,market,side,size,entry_price,margin\n"
    for (k, symbol) in symbols.enumerated() {
      let price = prices[k]
      let maxLeverage = symbol == "SOL" ? 20.0 : 40.0
      for i in 0..<16 {
        let leverage = 5 + (maxLeverage - 5) * Double(i) / 15
        let entry = price * (1 + 0.002 * Double(i % 5 - 2))
        let notional = 1.0e6 * Double(1 + i % 4)
        let account = i == 7 ? "\"desk, \"\"vip\"\" \(symbol)\"" : "acct-\(symbol)-\(i)"
        text +=
          "\(account),\(symbol),\(i % 2 == 0 ? "long" : "short"),\(notional / entry),\(entry),\(notional / leverage)\n"
      }
    }
    return text
  }

  /// `text` with `old` replaced by `new`; fails the test when `old` is not in it (so a
  /// mutation of the fixture cannot silently do nothing).
  static func replacing(_ old: String, with new: String, in text: String) -> String {
    #expect(text.contains(old), "fixture does not contain \(old)")
    return text.replacingOccurrences(of: old, with: new)
  }
}

// MARK: - Reading a report folder

/// The files of a `fundstress run` output folder, parsed.
struct ReportFolder {
  static let pathsColumns = [
    "path", "min_fund", "final_fund", "depleted", "depletion_step", "liquidations", "liquidated_notional",
    "shortfall", "adl_events", "adl_notional", "max_cascade_rounds",
  ]
  static let summaryColumns = ["metric", "value", "ci_low", "ci_high", "unit"]
  static let marketsColumns = [
    "market", "liquidations_mean", "liquidated_notional_mean", "shortfall_mean", "shortfall_share", "bad_debt_mean",
    "fund_inflow_mean", "vault_inflow_mean", "adl_events_mean", "adl_notional_mean", "adl_share", "adl_probability",
    "max_cascade_rounds_mean",
  ]
  static let quantileColumns = ["step", "hours", "p01", "p05", "p25", "p50", "p75", "p95", "p99", "mean"]
  static let csvFiles = ["summary.csv", "paths.csv", "markets.csv", "fund_quantiles.csv"]

  let folder: URL
  let summary: CSVTable
  let paths: CSVTable
  let markets: CSVTable
  let quantiles: CSVTable

  init(_ folder: URL) throws {
    self.folder = folder
    func text(_ name: String) throws -> String {
      try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    summary = try CSVParser.table(text("summary.csv"), header: Self.summaryColumns)
    paths = try CSVParser.table(text("paths.csv"), header: Self.pathsColumns)
    markets = try CSVParser.table(text("markets.csv"), header: Self.marketsColumns)
    quantiles = try CSVParser.table(text("fund_quantiles.csv"), header: Self.quantileColumns)
  }

  /// The `value` of a summary metric (`nil` when empty); throws when the metric is missing.
  func metric(_ name: String) throws -> Double? {
    guard let row = summary.keyedByFirstColumn()[name] else { throw HarnessError("summary.csv has no \(name)") }
    return row[1].isEmpty ? nil : Double(row[1])
  }

  func text(_ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  func json(_ name: String = "run.json") throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name)))
    guard let dictionary = object as? [String: Any] else { throw HarnessError("\(name) is not a JSON object") }
    return dictionary
  }
}

/// Writes `scenario` to `scenario.yaml` in `scratch`, runs it and requires success;
/// returns the result and the parsed output folder.
@discardableResult
func runFixture(
  in scratch: Scratch, out: String = "out", paths: Int = 200, extra: [String] = [],
  scenario: String = Fixture.scenario()
) async throws -> (CommandResult, ReportFolder) {
  try scratch.write("scenario.yaml", scenario)
  let result = try await fundstress(
    ["run", "--scenario", "scenario.yaml", "--paths", String(paths), "--out", out] + extra, in: scratch.url)
  try #require(result.status == 0 && !result.signaled, "\(result)")
  return (result, try ReportFolder(scratch.path(out)))
}

/// Runs the `count` shards of `command` (`run`, `sweep` or `size`) of `scenario.yaml` in
/// `scratch` into `prefix{count}-{i}` folders, requiring each to succeed with nothing on
/// standard error; returns their names.
func shardFolders(
  _ command: String, _ count: Int, paths: Int, in scratch: Scratch, prefix: String, extra: [String]
) async throws -> [String] {
  var names: [String] = []
  for index in 0..<count {
    let name = "\(prefix)\(count)-\(index)"
    let result = try await fundstress(
      [command, "--scenario", "scenario.yaml", "--paths", String(paths), "--shard", "\(index)/\(count)", "--out", name]
        + extra, in: scratch.url)
    try #require(result.status == 0 && result.stderr.isEmpty, "\(result)")
    names.append(name)
  }
  return names
}

/// Whether `a` and `b` agree to a relative tolerance.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
  abs(a - b) <= relative * max(1, abs(a), abs(b))
}
