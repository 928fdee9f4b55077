import Yams

/// Refuses the YAML aliases (`*name`) that would make composing a scenario hang, before the
/// document is composed.
///
/// Yams composes an alias as the node its anchor names, shared rather than copied, so
/// ten nested anchors of nine aliases each stand for 9¹⁰ ≈ 3.5 · 10⁹ nodes in a few lines.
/// As a value that costs nothing until it is read (and the scenario reader stops at the
/// first node of the wrong type), but as a mapping key Yams hashes the whole expansion to
/// look for duplicate keys (`? *a10 : 1`), for hours. So, before the real composition,
/// the text is composed once with every alias replaced by a placeholder scalar of the same
/// length (one character, U+E000, for the `*`), which cannot expand, and that tree is
/// walked in document order:
///
/// * an alias inside a mapping key is refused: scenario keys are plain names;
/// * the aliases may stand for at most ``largestExpansion`` nodes in all (the size of each
///   anchor's node is counted with the aliases within it expanded), which a scenario that
///   reuses a block or a value by alias stays far below.
///
/// Marks are unchanged by the replacement (libyaml counts columns in Unicode scalars), so
/// errors name the alias's own line and column. Every `*` followed by an anchor character
/// is replaced, also inside quoted text or comments; that only changes text the walk then
/// ignores, so no real alias escapes the check.
enum YAMLAliasGuard {
  /// The most nodes all aliases of a document may stand for together.
  static let largestExpansion = 100_000

  /// Stands for the `*` of an alias in the placeholder text: a private-use character,
  /// printable for libyaml and a valid first character of a plain scalar.
  static let placeholder: Unicode.Scalar = "\u{E000}"

  /// Throws a ``ScenarioError`` at the first alias used in a key or beyond the expansion
  /// limit; returns at once for text without a `*`.
  ///
  /// - Complexity: O(text length) for the placeholder text and its composition, plus
  ///   O(nodes) for the walk; never proportional to the aliases' expansion.
  static func check(yaml: String, file: String) throws {
    guard yaml.utf8.contains(UInt8(ascii: "*")) else { return }
    let parser: Parser
    let root: Node?
    do {
      parser = try Parser(yaml: placeholderText(yaml))
      root = try parser.singleRoot()
    } catch {
      throw ScenarioError(yaml: error, file: file)
    }
    guard let root else { return }
    // Nodes hold their anchors weakly; the parser owns them.
    try withExtendedLifetime(parser) {
      var walk = Walk(file: file)
      _ = try walk.size(of: root, inKey: false)
    }
  }

  /// `yaml` with the `*` of every `*name` replaced by ``placeholder``.
  static func placeholderText(_ yaml: String) -> String {
    var text = String.UnicodeScalarView()
    let scalars = yaml.unicodeScalars
    var index = scalars.startIndex
    while index != scalars.endIndex {
      let next = scalars.index(after: index)
      let startsAlias = scalars[index] == "*" && next != scalars.endIndex && isAnchorCharacter(scalars[next])
      text.append(startsAlias ? placeholder : scalars[index])
      index = next
    }
    return String(text)
  }

  /// The characters of an anchor's name, as libyaml scans them: `0-9 A-Z a-z _ -`.
  static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "0"..."9", "A"..."Z", "a"..."z", "_", "-": return true
    default: return false
    }
  }

  /// The anchor name of a placeholder scalar, or `nil` for any other node.
  static func aliasName(_ node: Node) -> String? {
    guard case .scalar(let scalar) = node, scalar.style == .plain, scalar.string.unicodeScalars.first == placeholder
    else { return nil }
    return String(String.UnicodeScalarView(scalar.string.unicodeScalars.dropFirst().prefix(while: isAnchorCharacter)))
  }

  /// The document-order walk: the expanded size of each anchor seen so far.
  private struct Walk {
    let file: String
    var anchorSizes: [String: Int] = [:]
    var expanded = 0

    /// The node count of `node` with its aliases expanded; registers its anchor after its
    /// children, as Yams does (an alias cannot name an enclosing node).
    mutating func size(of node: Node, inKey: Bool) throws -> Int {
      var size = 1
      if let name = aliasName(node) {
        if inKey {
          throw ScenarioError(
            file: file, mark: node.mark, key: "", problem: "uses the alias *\(name) in a key",
            fix: "scenario keys are plain names; write the key out")
        }
        size = anchorSizes[name] ?? 1
        expanded += size
        guard expanded <= largestExpansion else {
          throw ScenarioError(
            file: file, mark: node.mark, key: "",
            problem: "its aliases, up to *\(name) here, stand for more than \(largestExpansion) values",
            fix: "write the values out, or reuse blocks by alias without nesting them")
        }
      } else if case .mapping(let mapping) = node {
        for (key, value) in mapping {
          size += try self.size(of: key, inKey: true) + self.size(of: value, inKey: inKey)
        }
      } else if case .sequence(let sequence) = node {
        for item in sequence { size += try self.size(of: item, inKey: inKey) }
      }
      if let anchor = node.anchor { anchorSizes[anchor.rawValue] = size }
      return size
    }
  }
}
