import Testing

/// Checks that `body` throws `expected`: an error of its type whose case and values match,
/// compared by their full structure (`dump`) so that a NaN, never equal to itself, matches
/// a NaN.
func expectThrows<E: Error>(
  _ expected: E, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
  guard let error = #expect(throws: E.self, sourceLocation: sourceLocation, performing: body) else { return }
  var found = ""
  var wanted = ""
  dump(error, to: &found)
  dump(expected, to: &wanted)
  #expect(found == wanted, sourceLocation: sourceLocation)
}
