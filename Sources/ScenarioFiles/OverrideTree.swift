import Foundation
import Yams

/// Applies ``ScenarioOverride``s to a scenario's YAML tree (before it is read).
///
/// Only the structure is handled here: finding the keys (markets by symbol, `*`), adding
/// the keys the file does not write and computing `xK` multiples. Whether the result is a
/// valid scenario — unknown keys, types, ranges — is left to the scenario reader, exactly
/// as for the file; ``ScenarioLoader`` then names the override in its errors.
struct OverrideTree {
  private(set) var root: Node
  private(set) var applied: [AppliedOverride] = []

  init(root: Node) { self.root = root }

  /// Applies `override` to the tree.
  ///
  /// - Throws: ``ScenarioError`` naming the override when its key cannot be reached (a
  ///   market that does not exist, a key below a plain value) or an `xK` has no number
  ///   to multiply.
  mutating func apply(_ override: ScenarioOverride) throws {
    let replacement: Node?
    if override.multiplier == nil {
      do {
        replacement = try Yams.compose(yaml: override.value)
      } catch {
        throw override.error(
          override.key, "'\(override.value)' is not a YAML value", fix: "quote it for the shell, e.g. --set 'KEY=VALUE'"
        )
      }
    } else {
      replacement = nil
    }
    var values: [(path: String, value: String)] = []
    let segments = override.key.split(separator: ".").map(String.init)
    root = try set(root, segments[...], path: "", override: override, replacement: replacement, values: &values)
    releaseVenueKeys(for: override, values: &values)
    applied.append(AppliedOverride(override: override, values: values))
  }

  /// Replaces the tree (for the extensions that take keys out of it).
  mutating func replaceRoot(_ node: Node) { root = node }

  private func set(
    _ node: Node, _ segments: ArraySlice<String>, path: String, override: ScenarioOverride, replacement: Node?,
    values: inout [(path: String, value: String)]
  ) throws -> Node {
    guard let segment = segments.first else {
      let new = try newValue(old: node, path: path, override: override, replacement: replacement)
      values.append((path, Self.text(of: new)))
      return new
    }
    let rest = segments.dropFirst()
    switch node {
    case .mapping(let mapping):
      var pairs = mapping.map { ($0.key, $0.value) }
      var reached = false
      for index in pairs.indices {
        guard case .scalar(let key) = pairs[index].0, segment == "*" || key.string == segment else { continue }
        let childPath = path.isEmpty ? key.string : "\(path).\(key.string)"
        pairs[index].1 = try set(
          pairs[index].1, rest, path: childPath, override: override, replacement: replacement, values: &values)
        reached = true
      }
      if !reached {
        let childPath = path.isEmpty ? segment : "\(path).\(segment)"
        guard segment != "*" else {
          throw override.error(path, "has no keys for '*' to reach", fix: "name the key instead of '*'")
        }
        // A key the file does not write: added, and checked by the reader like any other.
        let empty = Node.mapping(Node.Mapping([]))
        let child = try set(
          rest.isEmpty ? Node("", Tag(.implicit), .plain) : empty, rest, path: childPath, override: override,
          replacement: replacement,
          values: &values, adding: true)
        pairs.append((Node(segment), child))
      }
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    case .sequence(let sequence):
      var items = Array(sequence)
      let chosen = try itemIndices(items, segment: segment, path: path, override: override)
      for index in chosen {
        items[index] = try set(
          items[index], rest, path: "\(path)[\(index)]", override: override, replacement: replacement,
          values: &values)
      }
      return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
    case .scalar, .alias:
      throw override.error(
        path, "is a single value, not a block, so it has no key '\(segment)'",
        fix: "set '\(path)' itself, or check the key's spelling")
    }
  }

  /// As ``set(_:_:path:override:replacement:values:)`` for a key being added: the value
  /// cannot be multiplied (there is no number to multiply).
  private func set(
    _ node: Node, _ segments: ArraySlice<String>, path: String, override: ScenarioOverride, replacement: Node?,
    values: inout [(path: String, value: String)], adding: Bool
  ) throws -> Node {
    if segments.isEmpty, override.multiplier != nil {
      throw override.error(
        path, "is not written in the scenario, so there is no value to multiply",
        fix: "give an absolute value, e.g. --set \(override.key)=…")
    }
    return try set(node, segments, path: path, override: override, replacement: replacement, values: &values)
  }

  /// The items of a list that `segment` names: `*` every one, a position, or — for a list
  /// of markets — the market whose `symbol` is `segment`.
  private func itemIndices(
    _ items: [Node], segment: String, path: String, override: ScenarioOverride
  ) throws
    -> [Int]
  {
    if segment == "*" { return Array(items.indices) }
    let symbols = items.map { $0.mapping?["symbol"]?.scalar?.string }
    if let index = symbols.firstIndex(of: segment) { return [index] }
    if let index = Int(segment), items.indices.contains(index) { return [index] }
    let names = symbols.compactMap { $0 }
    let list = names.isEmpty ? "0 to \(items.count - 1)" : names.joined(separator: ", ")
    let fix = Suggestion.closest(to: segment, among: names).map { "did you mean '\($0)'?" } ?? "use one of \(list) or *"
    throw override.error(path, "has no item '\(segment)' (items: \(list))", fix: fix)
  }

  /// The value an override writes over `old`: its YAML value, or `old × K` for `xK`.
  private func newValue(old: Node, path: String, override: ScenarioOverride, replacement: Node?) throws -> Node {
    if let replacement { return replacement }
    let factor = override.multiplier!
    guard case .scalar(let scalar) = old, scalar.style == .plain, let number = YAMLValue.parseNumber(scalar.string)
    else {
      throw override.error(
        path, "xK multiplies a number, but the scenario's value here is not one",
        fix: "give an absolute value, e.g. --set \(override.key)=…")
    }
    return Node("\(number * factor)", Tag(.implicit), .plain)
  }

  /// A value as text for the record: a scalar's text, else its YAML.
  static func text(of node: Node) -> String {
    if case .scalar(let scalar) = node { return scalar.string }
    return ((try? Yams.serialize(node: node)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
