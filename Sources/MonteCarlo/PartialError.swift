/// Why a partial cannot be read or a set of partials cannot be merged: one line naming the
/// partial (folder or file), the problem and the fix.
public struct PartialError: Error, Sendable, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
