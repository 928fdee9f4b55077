import Foundation
import Yams

/// The scenario file being walked: its name for messages and the position of every key
/// met so far, so that range checks made later (by the simulation libraries) can still
/// name the line.
final class YAMLDocument {
  /// The file as the user named it.
  let file: String
  /// Key path (`markets[1].price`) → where the key (or list item) starts.
  private(set) var marks: [String: Mark] = [:]

  init(file: String) { self.file = file }

  func record(_ path: String, _ mark: Mark?) {
    if let mark, marks[path] == nil { marks[path] = mark }
  }

  func error(_ path: String, at mark: Mark?, _ problem: String, fix: String) -> ScenarioError {
    ScenarioError(file: file, mark: mark ?? marks[path], key: path, problem: problem, fix: fix)
  }

  /// A library's typed error (``EngineErrorKeys``) at its key in this file, on the line of
  /// the key or of its nearest enclosing key; `error` itself when it is not one.
  func located(_ error: Error) -> Error {
    EngineErrorKeys.keyed(error).map { ScenarioError($0, file: file, marks: marks) } ?? error
  }
}

/// One node of the scenario's YAML tree with the key path that leads to it, read by type
/// with errors that name the file, the line and the key.
///
/// The scenario is read by walking the tree rather than by `Codable`, so that a misspelt
/// key is refused with a suggestion, a value of the wrong type is quoted, and every error
/// carries its line.
struct YAMLValue {
  let node: Node
  /// The key path, e.g. `markets[1].price`.
  let path: String
  let document: YAMLDocument

  var mark: Mark? { node.mark }

  /// The root of a YAML document (Yams `compose`), or `nil` for an empty document.
  ///
  /// - Throws: ``ScenarioError`` for malformed YAML, at the line and column Yams reports,
  ///   and for aliases that could not be composed in reasonable time (``YAMLAliasGuard``).
  static func root(yaml: String, document: YAMLDocument) throws -> YAMLValue? {
    try YAMLAliasGuard.check(yaml: yaml, file: document.file)
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch {
      throw ScenarioError(yaml: error, file: document.file)
    }
    return node.map { YAMLValue(node: $0, path: "", document: document) }
  }

  /// `null`, `~` or an empty value.
  var isNull: Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// How the value looks, for "expected …, found …" messages.
  var found: String {
    switch node {
    case .scalar(let scalar):
      let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
      return quoted ? "the quoted text '\(scalar.string)'" : "'\(scalar.string)'"
    case .mapping: return "a block of keys"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  func error(_ problem: String, fix: String) -> ScenarioError {
    document.error(path, at: mark, problem, fix: fix)
  }

  func typeError(expected: String, fix: String) -> ScenarioError {
    error("expected \(expected), found \(found)", fix: fix)
  }

  // MARK: Structure

  /// The value as a block of keys, refusing keys outside `allowedKeys` with a suggestion.
  func mapping(allowedKeys: [String]) throws -> YAMLMapping {
    guard case .mapping(let mapping) = node else {
      let keys = allowedKeys.joined(separator: ", ")
      if path.isEmpty {
        throw typeError(
          expected: "a block of `key: value` lines", fix: "a scenario is a YAML mapping with the keys \(keys)")
      }
      throw typeError(expected: "a block of keys (\(keys))", fix: "write the keys indented below '\(path)'")
    }
    var entries: [String: YAMLValue] = [:]
    var order: [String] = []
    for (keyNode, valueNode) in mapping {
      guard case .scalar(let keyScalar) = keyNode else {
        throw document.error(path, at: keyNode.mark, "has a key that is not a name", fix: "keys are plain names")
      }
      let key = keyScalar.string
      let keyPath = path.isEmpty ? key : "\(path).\(key)"
      guard allowedKeys.contains(key) else {
        throw document.error(
          keyPath, at: keyNode.mark, "unknown key '\(key)'",
          fix: Suggestion.fix(for: key, among: allowedKeys, listIntro: "allowed keys here are"))
      }
      document.record(keyPath, keyNode.mark)
      entries[key] = YAMLValue(node: valueNode, path: keyPath, document: document)
      order.append(key)
    }
    return YAMLMapping(value: self, entries: entries, order: order)
  }

  /// The items of a list, each with its index in the path (`markets[0]`).
  func items(expected: String = "a list") throws -> [YAMLValue] {
    guard case .sequence(let sequence) = node else {
      throw typeError(expected: expected, fix: "write one item per line starting with '- ', or [a, b, …]")
    }
    return sequence.enumerated().map { index, item in
      let itemPath = "\(path)[\(index)]"
      document.record(itemPath, item.mark)
      return YAMLValue(node: item, path: itemPath, document: document)
    }
  }

  // MARK: Scalars

  /// The plain (unquoted) scalar text, or `nil` for mappings, lists and quoted text.
  private var plainScalar: String? {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
    return scalar.string
  }

  /// A number: `0.55`, `30000000`, `3.0e7`, `3e7`, `1_000`; `.inf` only when
  /// `infinityAllowed` (a book depth without impact).
  func number(infinityAllowed: Bool = false) throws -> Double {
    let fix =
      infinityAllowed
      ? "write a plain number such as 3.0e7, or .inf for a book without price impact"
      : "write a plain number such as 0.55, 30000000 or 3.0e7 (no quotes, no thousands separators)"
    guard let text = plainScalar, let value = Self.parseNumber(text) else {
      if let text = plainScalar, text.hasSuffix("%") {
        throw typeError(expected: "a number", fix: "write fractions rather than percentages: 55% is 0.55")
      }
      if case .scalar(let s) = node, s.style != .plain, Self.parseNumber(s.string) != nil {
        throw typeError(expected: "a number", fix: "remove the quotes")
      }
      throw typeError(expected: "a number", fix: fix)
    }
    if value.isInfinite && !infinityAllowed {
      throw typeError(expected: "a finite number", fix: fix)
    }
    return value
  }

  /// A whole number (`1440`, also `1.44e3`), within `Int`.
  func wholeNumber() throws -> Int {
    if let text = plainScalar, let value = Int(text.replacingOccurrences(of: "_", with: "")) { return value }
    let value = try number()
    guard value == value.rounded(), abs(value) < 9.0e15 else {
      throw typeError(expected: "a whole number", fix: "write a whole number such as 1440")
    }
    return Int(value)
  }

  /// A random seed: a whole number from 0 to 2⁶⁴ − 1.
  func seed() throws -> UInt64 {
    let fix = "give a whole number from 0 to 18446744073709551615"
    guard let text = plainScalar else { throw typeError(expected: "a whole number", fix: fix) }
    if let value = UInt64(text.replacingOccurrences(of: "_", with: "")) { return value }
    let number = try wholeNumber()
    guard number >= 0 else { throw error("is \(number), a seed cannot be negative", fix: fix) }
    return UInt64(number)
  }

  /// Text: any scalar (`BTC`, `'2025 crash'`), not a list or a block.
  func text() throws -> String {
    guard case .scalar(let scalar) = node else {
      throw typeError(expected: "text", fix: "write a single value on the same line as the key")
    }
    return scalar.string
  }

  /// One of a fixed set of names (`market-close`, `takeover`).
  func choice(_ options: [String]) throws -> String {
    let list = options.joined(separator: ", ")
    guard let text = plainScalar ?? (try? self.text()) else {
      throw typeError(expected: "one of \(list)", fix: "write one of the names")
    }
    guard options.contains(text) else {
      let fix = Suggestion.closest(to: text, among: options).map { "did you mean '\($0)'?" } ?? "use one of them"
      throw error("expected one of \(list), found '\(text)'", fix: fix)
    }
    return text
  }

  /// Parses a YAML number as written in scenarios; `nil` for anything else (NaN included).
  static func parseNumber(_ text: String) -> Double? {
    let lowered = text.lowercased()
    switch lowered {
    case ".inf", "+.inf", "inf", "+inf", "infinity": return .infinity
    case "-.inf", "-inf", "-infinity": return -.infinity
    default: break
    }
    let cleaned = text.contains("_") ? text.replacingOccurrences(of: "_", with: "") : text
    guard let value = Double(cleaned), value.isFinite else { return nil }
    return value
  }
}
