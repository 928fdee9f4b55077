import Yams

/// A block of keys whose names have been checked against the allowed ones; read each key
/// as required (named when missing) or optional (default when absent or `null`).
struct YAMLMapping {
  /// The block itself (its path and position).
  let value: YAMLValue
  let entries: [String: YAMLValue]
  /// Keys in file order.
  let order: [String]

  var path: String { value.path }

  /// Whether `key` is written (even as `null`).
  func contains(_ key: String) -> Bool { entries[key] != nil }

  /// The value of `key`, or `nil` when it is absent or `null`.
  func optional(_ key: String) -> YAMLValue? {
    guard let entry = entries[key], !entry.isNull else { return nil }
    return entry
  }

  /// The value of `key`; a missing or empty key is an error at this block, with `fix`
  /// saying what to write.
  func required(_ key: String, fix: String) throws -> YAMLValue {
    let keyPath = path.isEmpty ? key : "\(path).\(key)"
    guard let entry = entries[key] else {
      throw value.document.error(keyPath, at: value.mark, "is missing", fix: "add it: \(fix)")
    }
    guard !entry.isNull else {
      throw value.document.error(keyPath, at: entry.mark, "is empty", fix: "give a value: \(fix)")
    }
    return entry
  }

  // MARK: Conveniences

  /// A required number.
  func number(_ key: String, fix: String, infinityAllowed: Bool = false) throws -> Double {
    try required(key, fix: fix).number(infinityAllowed: infinityAllowed)
  }

  /// An optional number with its default.
  func number(_ key: String, default defaultValue: Double) throws -> Double {
    try optional(key)?.number() ?? defaultValue
  }

  /// An optional number without a default (`null` means "not set").
  func optionalNumber(_ key: String) throws -> Double? {
    try optional(key)?.number()
  }

  /// A required whole number.
  func wholeNumber(_ key: String, fix: String) throws -> Int {
    try required(key, fix: fix).wholeNumber()
  }

  /// An optional whole number with its default.
  func wholeNumber(_ key: String, default defaultValue: Int) throws -> Int {
    try optional(key)?.wholeNumber() ?? defaultValue
  }

  /// An optional choice among `options`, with its default.
  func choice(_ key: String, _ options: [String], default defaultValue: String) throws -> String {
    try optional(key)?.choice(options) ?? defaultValue
  }

  /// A required choice among `options`.
  func choice(_ key: String, _ options: [String]) throws -> String {
    try required(key, fix: "one of \(options.joined(separator: ", "))").choice(options)
  }

  /// An optional block of keys.
  func block(_ key: String, allowedKeys: [String]) throws -> YAMLMapping? {
    try optional(key)?.mapping(allowedKeys: allowedKeys)
  }

  /// An error about this block as a whole (e.g. two keys that exclude each other).
  func error(_ problem: String, fix: String) -> ScenarioError {
    value.error(problem, fix: fix)
  }
}
