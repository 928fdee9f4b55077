import Foundation

/// A finished `fundstress run` output folder, read back for `compare` and `trend`: its
/// summary metrics (`summary.csv`), its identity (`run.json`: run date, run id, seed, paths,
/// initial fund, the resolved scenario's book) and, on demand, per-path columns of
/// `paths.csv`.
public struct RunFolder: Sendable {
  public let url: URL
  public let metrics: [SummaryMetric]
  /// UTC ISO 8601, e.g. `2026-12-05T06:00:00Z`.
  public let runDate: String
  public let runID: String
  public let seed: UInt64
  public let paths: Int
  public let initialFund: Double
  public let symbols: [String]
  /// The resolved scenario's `book` record as canonical JSON (sorted keys), to tell whether
  /// two runs simulated the same book.
  public let book: Data
  /// The `--fail-if` conditions the run was checked against.
  public let failConditions: [FailCondition]

  /// Reads `summary.csv` and `run.json` of `url`.
  ///
  /// - Throws: ``RunFolderError`` naming the file, the problem and the fix.
  public init(_ url: URL) throws {
    self.url = url
    let summaryURL = url.appendingPathComponent(ReportWriter.File.summary)
    let jsonURL = url.appendingPathComponent(ReportWriter.File.runJSON)
    let fail = { (file: URL, problem: String) in
      RunFolderError(message: "\(file.path): \(problem); give a folder written by fundstress run")
    }
    guard let summaryText = try? String(contentsOf: summaryURL, encoding: .utf8) else {
      throw fail(summaryURL, "cannot be read")
    }
    metrics = try Self.summaryMetrics(summaryText) { fail(summaryURL, $0) }
    guard let data = try? Data(contentsOf: jsonURL),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let metadata = json["metadata"] as? [String: Any]
    else { throw fail(jsonURL, "cannot be read as a fundstress run.json") }
    guard let date = metadata["run_date"] as? String, let id = metadata["run_id"] as? String else {
      throw fail(jsonURL, "has no run_date or run_id (written before fundstress recorded them); rerun it")
    }
    guard let seed = (metadata["seed"] as? NSNumber)?.uint64Value, let paths = metadata["paths"] as? Int,
      let fund = (metadata["initial_fund"] as? NSNumber)?.doubleValue, let symbols = metadata["symbols"] as? [String]
    else { throw fail(jsonURL, "lacks seed, paths, initial_fund or symbols") }
    runDate = date
    runID = id
    self.seed = seed
    self.paths = paths
    initialFund = fund
    self.symbols = symbols
    let scenario = json["scenario"] as? [String: Any]
    book =
      (try? JSONSerialization.data(withJSONObject: scenario?["book"] ?? NSNull(), options: [.sortedKeys])) ?? Data()
    let records = metadata["fail_if"] as? [[String: Any]] ?? []
    failConditions = records.compactMap { ($0["condition"] as? String).flatMap { try? FailCondition(parsing: $0) } }
  }

  /// The metric called `name`, if any.
  public subscript(name: String) -> SummaryMetric? { metrics.first { $0.name == name } }

  /// The `paths.csv` (or `paths.csv.gz`) file present in the folder, if any.
  public var pathsFile: URL? {
    [ReportWriter.File.paths, ReportWriter.File.pathsGzip].map { url.appendingPathComponent($0) }
      .first { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// Columns of `paths.csv` (or of the decompressed `paths.csv.gz`) as numbers (an empty field is 0), in path order.
  ///
  /// - Throws: ``RunFolderError`` when the file is missing, a column is absent or a field
  ///   is not a number.
  /// - Complexity: O(size of the file).
  public func pathColumns(_ names: [String]) throws -> [String: [Double]] {
    guard let file = pathsFile, var data = try? Data(contentsOf: file) else {
      throw RunFolderError(message: "\(url.path): has no readable paths.csv; rerun with --paths-csv full")
    }
    if file.pathExtension == "gz" { data = try PathsCSVSink.gunzip(data, file: file.path) }
    return try PathsColumns.read(data, columns: names, file: file.path)
  }

  /// Parses `summary.csv` (`metric,value,ci_low,ci_high,unit`).
  static func summaryMetrics(_ text: String, fail: (String) -> RunFolderError) throws -> [SummaryMetric] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    guard lines.first == Substring(RunTables.summaryColumns.joined(separator: ",")) else {
      throw fail("header is not \(RunTables.summaryColumns.joined(separator: ","))")
    }
    lines.removeFirst()
    return try lines.enumerated().map { index, line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let numbers = fields.count == 5 ? fields[1...3].map { $0.isEmpty ? nil : Double($0) } : []
      guard fields.count == 5, zip(fields[1...3], numbers).allSatisfy({ $0.isEmpty || $1 != nil }) else {
        throw fail("line \(index + 2) is not metric,value,ci_low,ci_high,unit")
      }
      return SummaryMetric(name: fields[0], value: numbers[0], ciLow: numbers[1], ciHigh: numbers[2], unit: fields[4])
    }
  }
}

/// A run folder that cannot be read; ``message`` is one line.
public struct RunFolderError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}

/// Reads numeric columns of a `paths.csv` text.
enum PathsColumns {
  /// - Complexity: O(bytes).
  static func read(_ data: Data, columns: [String], file: String) throws -> [String: [Double]] {
    var result: [String: [Double]] = [:]
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      var lines = buffer.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
      guard let header = lines.popFirst() else { throw RunFolderError(message: "\(file): is empty") }
      let names = header.split(separator: 0x2C, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
      }
      let indices = try columns.map { column -> Int in
        guard let index = names.firstIndex(of: column) else {
          throw RunFolderError(message: "\(file): has no column \(column)")
        }
        return index
      }
      var values = Array(repeating: [Double](), count: columns.count)
      for (row, line) in lines.enumerated() {
        let fields = line.split(separator: 0x2C, omittingEmptySubsequences: false)
        for (k, index) in indices.enumerated() {
          guard index < fields.count else { throw RunFolderError(message: "\(file): line \(row + 2) is short") }
          let text = String(decoding: fields[index], as: UTF8.self)
          guard let number = text.isEmpty ? 0 : Double(text) else {
            throw RunFolderError(message: "\(file): line \(row + 2), \(columns[k]): '\(text)' is not a number")
          }
          values[k].append(number)
        }
      }
      for (k, column) in columns.enumerated() { result[column] = values[k] }
    }
    return result
  }
}
