import Foundation
import MonteCarlo
import Testing

@Suite struct JSONValueTests {
  /// A document carried through ``JSONValue`` encodes to the same bytes: integers up to
  /// UInt64.max, shortest-decimal doubles, nulls, nesting.
  @Test func roundTripKeepsTheBytes() throws {
    let text =
      #"{"a":[1,-2,18446744073709551615,0.1,1e-05,2.5e+300,true,null,"x\"y"],"b":{"c":{}},"d":-9223372036854775808}"#
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    let once = try encoder.encode(value)
    let twice = try encoder.encode(try JSONDecoder().decode(JSONValue.self, from: once))
    #expect(once == twice)
    guard case .object(let object) = value, case .array(let items) = object["a"] else {
      Issue.record("not an object with an array")
      return
    }
    #expect(items[2] == .unsigned(.max))
    #expect(items[3] == .number(0.1))
    #expect(object["d"] == .integer(.min))
  }
}

@Suite struct JSONValueKeyRemovalTests {
  @Test func removesNamedMembersAtAnyDepth() throws {
    let value = try JSONDecoder().decode(
      JSONValue.self, from: Data(#"{"a":{"x":1,"y":2},"b":[{"x":3}],"x":4}"#.utf8))
    let expected = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a":{"y":2},"b":[{}]}"#.utf8))
    #expect(value.removingKeys(["x"]) == expected)
  }
}
