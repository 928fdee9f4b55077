/// A sum of `Double`s that does not depend on the order or grouping of the additions.
///
/// Floating-point addition is not associative: `(a + b) + c` and `a + (b + c)` may differ
/// in the last bit, so a mean computed over chunks merged in a different way would print
/// differently. `ExactSum` accumulates every term in a 256-bit two's-complement fixed-point
/// integer with `2⁻⁹⁶` as its unit (Kulisch's long accumulator, restricted to the range
/// money amounts and their squares can take). Integer addition is associative, so
///
///     sum(a ∪ b) == sum(a).merged(sum(b))       bit for bit, whatever the split.
///
/// That is what makes a run's statistics identical whether its paths were accumulated in
/// one piece, in chunks of any size, or on several machines and merged later.
///
/// Precision: each term is truncated toward zero to a multiple of `2⁻⁹⁶ ≈ 1.3 × 10⁻²⁹`
/// before it is added (terms at or above `2⁻⁴⁴ ≈ 5.7 × 10⁻¹⁴` are therefore added without
/// any rounding); the accumulated integer is exact; ``value`` rounds it to the nearest
/// `Double` within about one ulp. Terms of magnitude `2¹²⁰ ≈ 1.3 × 10³⁶` or more, and
/// infinities and NaNs, are kept apart in an ordinary `Double` (IEEE semantics, so an
/// infinite or NaN term still shows in the result); only such absurd terms are
/// order-dependent. The accumulator holds `2¹²⁰`-sized terms with `2³⁸` of headroom
/// before it could overflow.
///
/// - Complexity: ``add(_:)`` and ``merge(_:)`` are O(1) (a handful of 64-bit operations);
///   the value is 32 bytes plus one `Double`.
public struct ExactSum: Sendable, Hashable {
  /// Fraction bits of the fixed-point representation.
  @usableFromInline static let fractionBits = 96
  /// The largest term magnitude accumulated exactly.
  @usableFromInline static let largestExactTerm = 0x1p120

  // Little-endian 64-bit words of the two's-complement integer `sum × 2⁹⁶`.
  @usableFromInline var w0: UInt64 = 0
  @usableFromInline var w1: UInt64 = 0
  @usableFromInline var w2: UInt64 = 0
  @usableFromInline var w3: UInt64 = 0
  /// Terms that cannot be represented (non-finite or ≥ 2¹²⁰ in magnitude).
  @usableFromInline var special: Double = 0

  public init() {}

  /// Adds one term.
  ///
  /// - Complexity: O(1).
  @inlinable
  public mutating func add(_ term: Double) {
    let magnitude = term.magnitude
    guard magnitude < Self.largestExactTerm else {
      special += term  // also catches NaN (comparison is false)
      return
    }
    guard term.isNormal else { return }  // zero, or subnormal (far below the 2⁻⁹⁶ grid)
    // term = m × 2^(e − 52) with the 53-bit integer significand m.
    var significand = term.significandBitPattern | (1 << 52)
    var shift = Int(term.exponent) - 52 + Self.fractionBits
    if shift < 0 {
      significand = -shift >= 64 ? 0 : significand >> UInt64(-shift)
      shift = 0
    }
    let word = shift >> 6
    let bit = UInt64(shift & 63)
    let low = significand << bit
    let high = bit == 0 ? 0 : significand >> (64 - bit)
    var a0: UInt64 = 0, a1: UInt64 = 0, a2: UInt64 = 0, a3: UInt64 = 0
    switch word {
    case 0: a0 = low; a1 = high
    case 1: a1 = low; a2 = high
    default: a2 = low; a3 = high
    }
    if term < 0 { Self.negate(&a0, &a1, &a2, &a3) }
    addWords(a0, a1, a2, a3)
  }

  /// Adds another accumulator's terms.
  ///
  /// - Complexity: O(1).
  @inlinable
  public mutating func merge(_ other: ExactSum) {
    addWords(other.w0, other.w1, other.w2, other.w3)
    special += other.special
  }

  /// The sum, rounded to a `Double` (deterministically: a function of the exact integer).
  public var value: Double {
    var (a0, a1, a2, a3) = (w0, w1, w2, w3)
    let negative = a3 >> 63 == 1
    if negative { Self.negate(&a0, &a1, &a2, &a3) }
    let scale = Double(sign: .plus, exponent: -Self.fractionBits, significand: 1)
    // Smallest word first, so the larger words dominate the final rounding.
    var magnitude = Double(a0) * scale
    magnitude += Double(a1) * 0x1p64 * scale
    magnitude += Double(a2) * 0x1p128 * scale
    magnitude += Double(a3) * 0x1p192 * scale
    return (negative ? -magnitude : magnitude) + special
  }

  /// The sum as doubles whose exact sum it is: the fixed-point integer in eight 32-bit
  /// pieces, each exactly a `Double`, and the special part. For evaluating expressions of
  /// the sum without rounding (``MeanAccumulator/variance``).
  var exactParts: [Double] {
    var (a0, a1, a2, a3) = (w0, w1, w2, w3)
    let negative = a3 >> 63 == 1
    if negative { Self.negate(&a0, &a1, &a2, &a3) }
    var parts: [Double] = []
    for (index, word) in [a0, a1, a2, a3].enumerated() where word != 0 {
      for half in 0..<2 {
        let piece = Double((word >> UInt64(32 * half)) & 0xFFFF_FFFF)
        let scaled = piece * Double(sign: .plus, exponent: 64 * index + 32 * half - Self.fractionBits, significand: 1)
        if scaled != 0 { parts.append(negative ? -scaled : scaled) }
      }
    }
    if special != 0 { parts.append(special) }
    return parts
  }

  @inlinable
  mutating func addWords(_ a0: UInt64, _ a1: UInt64, _ a2: UInt64, _ a3: UInt64) {
    let (s0, c0) = w0.addingReportingOverflow(a0)
    let (t1, c1a) = w1.addingReportingOverflow(a1)
    let (s1, c1b) = t1.addingReportingOverflow(c0 ? 1 : 0)
    let (t2, c2a) = w2.addingReportingOverflow(a2)
    let (s2, c2b) = t2.addingReportingOverflow((c1a || c1b) ? 1 : 0)
    let s3 = w3 &+ a3 &+ ((c2a || c2b) ? 1 : 0)
    w0 = s0; w1 = s1; w2 = s2; w3 = s3
  }

  /// Two's-complement negation of a 256-bit integer.
  @inlinable
  static func negate(_ a0: inout UInt64, _ a1: inout UInt64, _ a2: inout UInt64, _ a3: inout UInt64) {
    a0 = ~a0; a1 = ~a1; a2 = ~a2; a3 = ~a3
    var carry: Bool
    (a0, carry) = a0.addingReportingOverflow(1)
    if carry { (a1, carry) = a1.addingReportingOverflow(1) }
    if carry { (a2, carry) = a2.addingReportingOverflow(1) }
    if carry { a3 &+= 1 }
  }
}

extension ExactSum: Codable {
  private enum CodingKeys: String, CodingKey { case fixed, special }

  /// Encoded as the 256-bit integer in 64 hexadecimal digits (most significant first, so
  /// no JSON number precision is involved) and the special part (absent when zero).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    let hex = [w3, w2, w1, w0].map { word -> String in
      let digits = String(word, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }.joined()
    try container.encode(hex, forKey: .fixed)
    if special != 0 || special.isNaN {
      try container.encode(special.description, forKey: .special)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let hex = try container.decode(String.self, forKey: .fixed)
    let utf8 = Array(hex.utf8)
    guard utf8.count == 64 else {
      throw DecodingError.dataCorruptedError(forKey: .fixed, in: container, debugDescription: "expected 64 hex digits")
    }
    var words: [UInt64] = []
    for index in 0..<4 {
      let text = String(decoding: utf8[(index * 16)..<(index * 16 + 16)], as: UTF8.self)
      guard let word = UInt64(text, radix: 16) else {
        throw DecodingError.dataCorruptedError(
          forKey: .fixed, in: container, debugDescription: "not hexadecimal: \(text)")
      }
      words.append(word)
    }
    (w3, w2, w1, w0) = (words[0], words[1], words[2], words[3])
    if let text = try container.decodeIfPresent(String.self, forKey: .special) {
      guard let value = Double(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .special, in: container, debugDescription: "not a number: \(text)")
      }
      special = value
    }
  }
}
