import Yams

/// One `--set KEY=VALUE`: a change to the scenario made on the command line, applied to the
/// file's YAML tree before it is read, so that it is checked exactly as the file is.
///
/// `KEY` is a dotted path through the scenario's keys:
/// * `fund.balance`, `adl.ranking`, `book.synthetic.open_interest.SOL`: blocks and keys
///   (a key the file does not write is added, and then checked like any written key);
/// * `markets.BTC.depth`: a market by its symbol (or `markets.0.depth` by position);
/// * `markets.*.volatility`: every market (`*` also spans every key of a block).
///
/// `VALUE` is a YAML value (`2e7`, `pro-rata`, `{min: 5, max: 20}`), or `xK` to multiply
/// the scenario's own number by `K` (`markets.*.volatility=x1.5`).
public struct ScenarioOverride: Sendable, Hashable, CustomStringConvertible {
  /// The dotted key as written.
  public let key: String
  /// The value as written.
  public let value: String

  /// Parses `KEY=VALUE`.
  ///
  /// - Throws: ``ScenarioError`` naming the override when it is not `KEY=VALUE`.
  public init(parsing text: String) throws {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex,
      text.index(after: equals) != text.endIndex
    else {
      throw ScenarioError(
        file: "--set \(text)", key: "", problem: "is not KEY=VALUE",
        fix: "write e.g. --set fund.balance=2e7, --set markets.BTC.depth=x0.5 or --set adl.ranking=pro-rata")
    }
    key = String(text[..<equals])
    value = String(text[text.index(after: equals)...])
    if key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
      throw ScenarioError(
        file: description, key: "", problem: "the key '\(key)' has an empty part",
        fix: "write the key as dotted names, e.g. markets.BTC.depth")
    }
  }

  /// How the override is named in messages: `--set KEY=VALUE`.
  public var description: String { "--set \(key)=\(value)" }

  /// `K` of an `xK` value.
  var multiplier: Double? {
    guard value.hasPrefix("x") || value.hasPrefix("×") else { return nil }
    return YAMLValue.parseNumber(String(value.dropFirst()))
  }

  /// An error about this override (not located in the file).
  func error(_ path: String, _ problem: String, fix: String) -> ScenarioError {
    ScenarioError(file: description, key: path, problem: problem, fix: fix)
  }
}

/// What an override changed: each scenario key it reached (`markets[0].volatility`) and
/// the value written there (`3.75` for `x1.5` of `2.5`). Recorded in `run.json`.
public struct AppliedOverride: Sendable, Hashable, Encodable {
  public var override: ScenarioOverride
  /// Key path → value written, in the order reached.
  public var values: [(path: String, value: String)]

  public static func == (a: Self, b: Self) -> Bool {
    a.override == b.override && a.values.map(\.path) == b.values.map(\.path)
      && a.values.map(\.value) == b.values.map(\.value)
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(override) }

  enum CodingKeys: String, CodingKey { case set, values }
  struct PathKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode("\(override.key)=\(override.value)", forKey: .set)
    var v = c.nestedContainer(keyedBy: PathKey.self, forKey: .values)
    for (path, value) in values { try v.encode(value, forKey: PathKey(stringValue: path)) }
  }
}
