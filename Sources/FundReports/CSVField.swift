/// Field formatting for RFC 4180 CSV files (and for every number shown in `report.md`, so
/// the report and the CSVs agree character for character).
///
/// Rules, shared by all tables:
/// * numbers: `Double`s in Swift's shortest round-trip form (`description`: `0.1`,
///   `20000000.0`, `1e-05`, `1.5e+16`), which parses back to the identical `Double` in
///   Python, pandas, R and spreadsheets; integers plainly; `.` as the decimal separator,
///   no thousands separators; `-0.0` is written `0.0`;
/// * not applicable (`nil`, or NaN): an empty field; infinities: `inf`, `-inf`;
/// * text: quoted only when it contains a comma, a double quote, CR or LF, with inner
///   quotes doubled (RFC 4180 §2.6–2.7);
/// * records end with `\n`.
///
/// The byte-buffer functions are pure and allocation-light (integral values and zeros,
/// the bulk of a paths table, never go through `String`), for use on worker threads.
public enum CSVField {
  /// The textual form of a number, or `""` when not applicable.
  ///
  /// - Complexity: O(1).
  public static func format(_ value: Double?) -> String {
    guard let value else { return "" }
    var bytes: [UInt8] = []
    append(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends a number (empty for NaN).
  ///
  /// - Complexity: O(1).
  @inlinable
  public static func append(_ value: Double, to bytes: inout [UInt8]) {
    if value == 0 {
      bytes.append(contentsOf: [0x30, 0x2E, 0x30])  // "0.0" (also for −0)
    } else if value.magnitude < 1e15, value == value.rounded(.towardZero) {
      // Integral values below 10¹⁵ print as "<digits>.0" in the shortest form too.
      append(Int(value), to: &bytes)
      bytes.append(contentsOf: [0x2E, 0x30])
    } else if value.isNaN {
      return
    } else {
      bytes.append(contentsOf: value.description.utf8)
    }
  }

  /// Appends a number, or nothing when `nil`.
  @inlinable
  public static func append(_ value: Double?, to bytes: inout [UInt8]) {
    if let value { append(value, to: &bytes) }
  }

  /// Appends an integer in decimal.
  ///
  /// - Complexity: O(digits).
  @inlinable
  public static func append(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(0x2D) }
    var remaining = value.magnitude
    let start = bytes.count
    repeat {
      bytes.append(0x30 &+ UInt8(truncatingIfNeeded: remaining % 10))
      remaining /= 10
    } while remaining > 0
    bytes[start...].reverse()
  }

  /// Appends text, quoted when needed.
  public static func append(text: String, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: quoted(text).utf8)
  }

  /// The field for `text`: unchanged, or in double quotes with inner quotes doubled when
  /// it contains `,`, `"`, CR or LF.
  public static func quoted(_ text: String) -> String {
    let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else { return text }
    var result = "\""
    for character in text {
      if character == "\"" { result += "\"\"" } else { result.append(character) }
    }
    return result + "\""
  }

  /// One record from already formatted fields, `\n`-terminated.
  public static func record(_ fields: [String]) -> String {
    fields.joined(separator: ",") + "\n"
  }
}
