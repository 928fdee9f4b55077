import Foundation
import PricePaths
import Yams

/// A problem with a scenario file or a file it names, located and explained on one line.
///
/// ``description`` reads `<file>:<line>:<column>: <key>: <problem>; <fix>`, the format
/// compilers use, so editors and terminals can jump to the place. Line and column are left
/// out when unknown (a file that cannot be read, a CSV row has a line but no column), and
/// the key is left out when the problem concerns the whole file:
///
/// ```
/// stress.yaml:12:5: markets[1].volatilty: unknown key 'volatilty'; did you mean 'volatility'?
/// positions.csv:7: size: is -2; give a positive size in base units
/// crash.csv: cannot be read (No such file); check the path
/// ```
///
/// Every error the scenario reader throws is a `ScenarioError`, including the range checks
/// of the simulation libraries (their typed errors, such as ``PricePaths/CorrelationError``
/// and ``FundSimulation/MarketRuleError``, given their keys by ``EngineErrorKeys``), which
/// are re-thrown with the file and the line of the offending key.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file as the user named it (scenario, positions or replay file).
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column (in Unicode scalars), when known.
  public var column: Int?
  /// The key path (`markets[1].price`), CSV column (`size`) or empty for the whole file.
  public var key: String
  /// What is wrong, quoting the value found.
  public var problem: String
  /// What to do about it.
  public var fix: String

  public init(file: String, line: Int? = nil, column: Int? = nil, key: String, problem: String, fix: String) {
    self.file = file
    self.line = line
    self.column = column
    self.key = key
    self.problem = problem
    self.fix = fix
  }

  /// An error located at a YAML mark (line and column), if there is one.
  init(file: String, mark: Mark?, key: String, problem: String, fix: String) {
    self.init(file: file, line: mark?.line, column: mark?.column, key: key, problem: problem, fix: fix)
  }

  /// `file:line:column`, with the parts that are unknown left out.
  public var location: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    return text
  }

  /// The one-line message: `<file>:<line>:<column>: <key>: <problem>; <fix>`.
  public var description: String {
    let head = key.isEmpty ? location : "\(location): \(key)"
    let message = "\(head): \(problem); \(fix)"
    // One line, whatever the inputs quoted: newlines in a value would break the format.
    return message.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
  }
}

extension ScenarioError {
  /// Re-throws a library range check with the file and, when `marks` knows the key (or the
  /// nearest enclosing key), its line and column.
  ///
  /// `markets[2].returns.dof` is looked up as itself, then `markets[2].returns`,
  /// `markets[2]` and `markets`, so the error points at least at the enclosing block.
  init(_ error: ModelInputError, file: String, marks: [String: Mark]) {
    self.init(
      file: file, mark: Self.nearestMark(of: error.key, in: marks), key: error.key, problem: error.problem,
      fix: error.fix)
  }

  /// The mark of `key` or of the closest enclosing key path that has one.
  static func nearestMark(of key: String, in marks: [String: Mark]) -> Mark? {
    var path = Substring(key)
    while !path.isEmpty {
      if let mark = marks[String(path)] { return mark }
      guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
      path = path[..<cut]
    }
    return nil
  }

  /// A YAML syntax error from Yams, located at its line and column.
  init(yaml error: Error, file: String) {
    let fix = "check the indentation, the colons and the quoting near this place"
    switch error {
    case YamlError.scanner(let context, let problem, let mark, _),
      YamlError.parser(let context, let problem, let mark, _),
      YamlError.composer(let context, let problem, let mark, _):
      var text = "malformed YAML: \(problem)"
      if let context { text += " (\(context.text) at line \(context.mark.line))" }
      self.init(file: file, mark: mark, key: "", problem: text, fix: fix)
    case YamlError.duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      let mark = context.mark.line > 0 ? context.mark : nil
      self.init(
        file: file, mark: mark, key: duplicates.first ?? "",
        problem: "the key \(names) appears more than once in the same block", fix: "keep one of them")
    case YamlError.reader(let problem, _, _, _):
      self.init(file: file, key: "", problem: "cannot be decoded (\(problem))", fix: "save the file as UTF-8 text")
    default:
      self.init(file: file, key: "", problem: "malformed YAML (\(error))", fix: fix)
    }
  }

  /// A file that cannot be read, with the reason in a few words.
  static func unreadable(_ path: String, reason: String) -> ScenarioError {
    ScenarioError(file: path, key: "", problem: "cannot be read (\(reason))", fix: "check the path")
  }
}
