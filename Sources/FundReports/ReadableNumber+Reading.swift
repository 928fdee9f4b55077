import Foundation

/// Reading numbers back from their readable form, so a report can be checked against the
/// exact values of `summary.csv` ("do they agree after rounding?").
extension ReadableNumber {
  /// A shown number's value and its rounding resolution: the exact value lies within
  /// `value ± resolution`.
  public struct Reading: Sendable, Equatable {
    public var value: Double
    public var resolution: Double

    public init(value: Double, resolution: Double) {
      self.value = value
      self.resolution = resolution
    }

    /// Whether `exact` rounds to this reading (with a relative slack of 10⁻⁹).
    public func agrees(with exact: Double) -> Bool {
      (exact - value).magnitude <= resolution * (1 + 1e-9) + value.magnitude * 1e-12
    }
  }

  /// Reads `2.66%`, `9.892M`, `5,224`, `1.23e-09`, `<0.1%`, `>-0.1%`, `-∞`, ignoring a
  /// unit after a space (`9.892M USDC`); `nil` for `–`, `n/a` or anything else.
  ///
  /// - Complexity: O(length of `text`).
  public static func read(_ text: String) -> Reading? {
    var body = String(text.split(separator: " ").first ?? "")
    if body == "∞" { return Reading(value: .infinity, resolution: 0) }
    if body == "-∞" { return Reading(value: -.infinity, resolution: 0) }
    var bound = false
    if body.hasPrefix("<") || body.hasPrefix(">") {
      bound = true
      body.removeFirst()
    }
    var multiplier = 1.0
    if body.hasSuffix("%") {
      multiplier = 0.01
      body.removeLast()
    } else if let scale = Scale.allCases.first(where: { !$0.suffix.isEmpty && body.hasSuffix($0.suffix) }) {
      multiplier = scale.rawValue
      body.removeLast()
    }
    body = body.replacingOccurrences(of: ",", with: "")
    guard !body.isEmpty, body.allSatisfy({ $0.isNumber || "+-.e".contains($0) }), let number = Double(body) else {
      return nil
    }
    var mantissa = body
    var exponent = 1.0
    if let e = body.firstIndex(of: "e") {
      mantissa = String(body[..<e])
      exponent = Double.pow10(Int(body[body.index(after: e)...]) ?? 0)
    }
    let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
    let unit = Double.pow10(-decimals) * exponent * multiplier
    // `<0.1%`: a non-zero value below one unit of the last place.
    if bound { return Reading(value: 0, resolution: unit) }
    return Reading(value: number * multiplier, resolution: unit / 2)
  }

  /// Reads an interval's bounds as shown, `2.56–2.76%`, `-0.20 to 2.20M`, `≥ 9.94M`,
  /// `≤ 4.85`: the suffix after the upper bound applies to both.
  public static func readBounds(_ text: String) -> (low: Reading?, high: Reading?)? {
    if text.hasPrefix("≥ ") { return (read(String(text.dropFirst(2))), nil) }
    if text.hasPrefix("≤ ") { return (nil, read(String(text.dropFirst(2)))) }
    let parts =
      text.contains(" to ") ? text.components(separatedBy: " to ") : text.split(separator: "–").map(String.init)
    guard parts.count == 2, let high = read(parts[1]) else { return nil }
    let upper = parts[1].split(separator: " ").first.map(String.init) ?? ""
    let suffix = String(upper.reversed().prefix { !$0.isNumber && $0 != "." }.reversed())
    guard let low = read(parts[0] + suffix) else { return nil }
    return (low, high)
  }
}
