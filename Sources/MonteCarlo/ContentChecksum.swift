/// A 64-bit FNV-1a checksum of a byte stream, fed in pieces.
///
///     h₀ = 14695981039346656037,   hₖ₊₁ = (hₖ ⊕ bₖ) · 1099511628211  (mod 2⁶⁴)
///
/// (Fowler–Noll–Vo, IETF draft-eastlake-fnv). It detects truncation and corruption of a
/// partial's files (a flipped bit changes it with probability 1 − 2⁻⁶⁴); it is not a
/// defence against deliberate tampering.
///
/// - Complexity: O(bytes).
public struct ContentChecksum: Sendable, Hashable {
  public private(set) var value: UInt64 = 14_695_981_039_346_656_037
  /// Bytes fed so far.
  public private(set) var byteCount = 0

  public init() {}

  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    var hash = value
    var count = 0
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211
      count += 1
    }
    value = hash
    byteCount += count
  }

  /// The checksum as 16 lowercase hexadecimal digits.
  public var hex: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The checksum of `bytes` as hexadecimal digits.
  public static func hex<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var checksum = ContentChecksum()
    checksum.update(bytes)
    return checksum.hex
  }
}
