/// A JSON document as a value, to carry an encoded object (the resolved scenario) through a
/// partial and write it back unchanged.
///
/// Numbers keep their kind: an integer decodes as `.integer` (64-bit, signed or not, so a
/// `UInt64` seed survives), anything else as `.number` (a `Double`, whose shortest
/// round-trip text re-encodes to the same text).
public enum JSONValue: Sendable, Hashable, Codable {
  case null
  case bool(Bool)
  case integer(Int64)
  case unsigned(UInt64)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int64.self) {
      self = .integer(value)
    } else if let value = try? container.decode(UInt64.self) {
      self = .unsigned(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .integer(let value): try container.encode(value)
    case .unsigned(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }
}

extension JSONValue {
  /// The value with every object member named in `keys` removed, at any depth.
  ///
  /// - Complexity: O(size of the document).
  public func removingKeys(_ keys: Set<String>) -> JSONValue {
    switch self {
    case .array(let items): .array(items.map { $0.removingKeys(keys) })
    case .object(let members):
      .object(members.filter { !keys.contains($0.key) }.mapValues { $0.removingKeys(keys) })
    default: self
    }
  }
}
