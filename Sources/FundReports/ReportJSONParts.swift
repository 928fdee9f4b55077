import Foundation

// The parts the `run.json` of `run`, `size` and `sweep` share.

/// A `run.json` document as `run` writes it: sorted keys, pretty-printed, non-finite
/// numbers as `"inf"`, `"-inf"`, `"nan"`, a final newline.
func reportJSON(_ document: some Encodable) throws -> Data {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
  encoder.nonConformingFloatEncodingStrategy = .convertToString(
    positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
  var data = try encoder.encode(document)
  data.append(0x0A)
  return data
}

/// The metadata block shared by the `run.json` of `size` and `sweep`; `run` adds its own
/// keys to the same object (``RunJSON``).
struct ContextMetadata: Encodable {
  let context: ReportContext
  enum Keys: String, CodingKey {
    case scenarioName = "scenario_name", paths, seed, threads, version, wallSeconds = "wall_seconds", command
    case currency, mechanic, ranking, initialFund = "initial_fund", depletionThreshold = "depletion_threshold"
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(context.scenarioName, forKey: .scenarioName)
    try c.encode(context.paths, forKey: .paths)
    try c.encode(context.seed, forKey: .seed)
    try c.encode(context.threads, forKey: .threads)
    try c.encode(context.version, forKey: .version)
    try c.encode(context.wallSeconds, forKey: .wallSeconds)
    try c.encode(context.commandLine, forKey: .command)
    try c.encode(context.currency, forKey: .currency)
    try c.encode(context.mechanic, forKey: .mechanic)
    try c.encode(context.ranking, forKey: .ranking)
    try c.encode(context.initialFund, forKey: .initialFund)
    try c.encode(context.depletionThreshold, forKey: .depletionThreshold)
  }
}

/// A CSV row as a JSON object keyed by the column names.
struct Row: Encodable {
  let columns: [String]
  let values: [Cell]

  struct Key: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    for (column, value) in zip(columns, values) {
      switch value {
      case .text(let text): try c.encode(text, forKey: Key(stringValue: column))
      case .number(let number): try c.encode(number, forKey: Key(stringValue: column))
      }
    }
  }
}

/// A cell of a table written both as CSV and as JSON: text or a number (`null` in JSON and
/// an empty field in CSV when absent).
enum Cell {
  case text(String)
  case number(Double?)

  /// The CSV field: the text as it is, the number as ``CSVField/format(_:)`` writes it.
  var csvField: String {
    switch self {
    case .text(let text): text
    case .number(let number): CSVField.format(number)
    }
  }
}

/// Type-erases an encodable value.
struct AnyEncodable: Encodable {
  let value: any Encodable
  init(_ value: any Encodable) { self.value = value }
  func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
