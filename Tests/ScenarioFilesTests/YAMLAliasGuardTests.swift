import Testing

@testable import ScenarioFiles

@Suite("YAMLAliasGuard")
struct YAMLAliasGuardTests {
  /// Ten nested anchors of nine aliases each: `*a10` stands for 9¹⁰ ≈ 3.5 · 10⁹ lists.
  static func bomb(use: String) -> String {
    var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...10 {
      text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    return text + use
  }

  @Test("the alias bomb is refused before composing, as a key and as a value")
  func bomb() {
    // Counting the nodes the aliases stand for, in document order (hand calculation):
    // a0 is a list of 9 scalars, 10 nodes. a1 holds 9 × *a0: +90, total 90; a1 is 91 nodes.
    // a2: 9 × 91 = 819, total 909; a2 is 820. a3: 9 × 820 = 7 380, total 8 289; a3 is
    // 7 381. a4: 9 × 7 381 = 66 429, total 74 718; a4 is 66 430. a5's first *a4 brings the
    // total to 141 148 > 100 000: refused at line 6 (a5), column 10 (its first alias),
    // long before `*a10` is read — whether it is then used as a key or as a value.
    for use in ["? *a10\n: 1\n", "name: *a10\n"] {
      let error = #expect(throws: ScenarioError.self) {
        try YAMLAliasGuard.check(yaml: Self.bomb(use: use), file: "b.yaml")
      }
      #expect(error?.line == 6 && error?.column == 10, "\(String(describing: error))")
      #expect(error?.problem == "its aliases, up to *a4 here, stand for more than 100000 values")
    }
  }

  @Test("an alias in a key is refused at the alias, whatever its size")
  func aliasInKey() {
    let explicit = #expect(throws: ScenarioError.self) {
      try YAMLAliasGuard.check(yaml: "a: &a [1, 2]\n? *a\n: 1\n", file: "k.yaml")
    }
    #expect(
      explicit?.description
        == "k.yaml:2:3: uses the alias *a in a key; scenario keys are plain names; write the key out")
    let flow = #expect(throws: ScenarioError.self) {
      try YAMLAliasGuard.check(yaml: "a: &a x\n[1, *a]: 1\n", file: "k.yaml")
    }
    #expect(flow?.line == 2 && flow?.column == 5)
    let scalar = #expect(throws: ScenarioError.self) {
      try YAMLAliasGuard.check(yaml: "a: &a name\n*a : 1\n", file: "k.yaml")
    }
    #expect(scalar?.line == 2 && scalar?.column == 1)
  }

  @Test("aliases as values, and stars in text and comments, pass")
  func ordinaryUse() throws {
    try YAMLAliasGuard.check(yaml: "m: &m {model: student-t, dof: 4}\nn: *m\no: [*m, *m]\n", file: "ok.yaml")
    try YAMLAliasGuard.check(yaml: "name: 'x *a'  # *b\ndescription: \"*c\"\nnote: |\n  *d\n", file: "ok.yaml")
    try YAMLAliasGuard.check(yaml: "name: no stars here\n", file: "ok.yaml")
  }

  @Test("the placeholder text keeps every line and column")
  func placeholderText() {
    let text = "a: &a1 [1]\nb: [*a1, 2*3, *]\nc: 'é *a1'\n"
    let replaced = YAMLAliasGuard.placeholderText(text)
    #expect(replaced.unicodeScalars.count == text.unicodeScalars.count)
    #expect(replaced == "a: &a1 [1]\nb: [\u{E000}a1, 2\u{E000}3, *]\nc: 'é \u{E000}a1'\n")
  }
}
