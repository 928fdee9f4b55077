import Foundation
import ScenarioFiles

/// One `--vary KEY=V1,V2,…`: a scenario key (any key `--set` takes) and the values a sweep
/// gives it, absolute or `xK`.
public struct SweepAxis: Sendable, Hashable {
  public let key: String
  public let values: [String]

  /// Parses `KEY=V1,V2,…`; commas inside `[…]` or `{…}` belong to the value.
  ///
  /// - Throws: ``SizingError`` naming the option when it is not `KEY=V1,V2,…`, and the
  ///   override's own error when a value is not a valid `--set` (checked by loading).
  public init(parsing text: String) throws {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw SizingError("--vary '\(text)' is not KEY=V1,V2,…; write e.g. --vary 'markets.*.depth=x0.5,x1,x2'")
    }
    key = String(text[..<equals])
    var values: [String] = []
    var current = ""
    var depth = 0
    for character in text[text.index(after: equals)...] {
      switch character {
      case "[", "{": depth += 1
      case "]", "}": depth -= 1
      default: break
      }
      if character == "," && depth == 0 {
        values.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    values.append(current)
    let trimmed = values.map { $0.trimmingCharacters(in: .whitespaces) }
    guard !trimmed.contains(where: \.isEmpty) else {
      throw SizingError("--vary '\(text)' has an empty value; list values separated by commas, e.g. x0.5,x1,x2")
    }
    guard Set(trimmed).count == trimmed.count else {
      throw SizingError("--vary '\(text)' lists a value twice; give each value once")
    }
    self.values = trimmed
  }

  /// The override that sets value `index`.
  public func override(_ index: Int) throws -> ScenarioOverride {
    try ScenarioOverride(parsing: "\(key)=\(values[index])")
  }
}
