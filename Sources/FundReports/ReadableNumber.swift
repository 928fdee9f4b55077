import Foundation

/// How numbers are shown to people: the terminal headline, `report.md`, `report.html`,
/// `compare.md` and `trend.md`. Exact values stay in the CSVs and `run.json`.
///
/// Rules (one format for a whole column, or for a value with its interval):
/// * **significant digits**: the largest magnitude among the values gets `digits` (3)
///   significant digits; every value of the column gets the same number of decimals;
/// * **percent** (``Kind/percent``): probabilities and shares × 100 with `%`: 0.02661 →
///   `2.66%`, 1 → `100%`;
/// * **quantities** (``Kind/quantity``): below 10 000 plain with thousands grouped
///   (`5,224`, `846`, `0.0123`); from 10 000 with a suffix chosen by the largest value,
///   `K` (10³), `M` (10⁶), `B` (10⁹) or `T` (10¹²): 28 400 → `28.4K`, 48 089 554 → `48.1M`;
///   from 10¹⁵, or when more than 6 decimals would be needed, scientific (`1.23e+18`,
///   `1.23e-09`); ``Kind/integer`` values (path counts) are always whole and grouped
///   (`100,000`);
/// * **zero** is `0` whatever the decimals (it is exact); a non-zero value that would round
///   to zero at the column's decimals is `<0.01%` (`>-0.01%` when negative), never `0`;
/// * **not applicable**: `–` for `nil`, `n/a` for NaN, `∞` / `-∞` for infinities;
/// * negative numbers use `-` (ASCII, so a copied number pastes into a spreadsheet).
///
/// Intervals read `2.66% (95% CI 2.56–2.76%)`: the value and both bounds share one format,
/// fitted to the largest of the three; when 3 digits would show a bound equal to a
/// different value, 4 are used (`9.892M (95% CI 9.888–9.895M)`). A bound below zero writes
/// `to` instead of the dash: `-1.2 to 3.4M`.
public struct ReadableNumber: Sendable, Equatable {
  /// What the numbers are.
  public enum Kind: Sendable, Equatable {
    /// A probability or share, shown × 100 with `%`.
    case percent
    /// An amount, count or duration, with K/M/B/T from 10 000.
    case quantity
    /// A whole number, shown exactly and grouped.
    case integer
  }

  /// A power of a thousand shown as a suffix.
  public enum Scale: Double, Sendable, CaseIterable {
    case one = 1
    case thousand = 1e3
    case million = 1e6
    case billion = 1e9
    case trillion = 1e12

    public var suffix: String {
      switch self {
      case .one: ""
      case .thousand: "K"
      case .million: "M"
      case .billion: "B"
      case .trillion: "T"
      }
    }
  }

  public let kind: Kind
  public let scale: Scale
  /// Decimals after scaling (after × 100 for percent).
  public let decimals: Int
  /// Scientific notation with this many significant digits (tiny or huge values).
  public let scientificDigits: Int?

  /// The largest number of decimals shown before switching to scientific notation.
  public static let maximumDecimals = 6

  /// The format for a column of `values` (non-finite and `nil` values are ignored).
  ///
  /// - Complexity: O(values).
  public init(_ kind: Kind, fitting values: [Double?], digits: Int = 3) {
    self.kind = kind
    let magnitudes = values.compactMap { $0 }.filter(\.isFinite).map(\.magnitude)
    let largest = (magnitudes.max() ?? 0) * (kind == .percent ? 100 : 1)
    guard kind != .integer, largest > 0 else {
      (scale, decimals, scientificDigits) = (.one, 0, nil)
      return
    }
    if kind == .quantity, largest >= 1e15 {
      (scale, decimals, scientificDigits) = (.one, 0, digits)
      return
    }
    let scale: Scale =
      kind == .percent || largest < 1e4
      ? .one : Scale.allCases.last { $0.rawValue <= largest } ?? .one
    let places = digits - 1 - (largest / scale.rawValue).log10Floor
    if kind == .quantity, places > Self.maximumDecimals {
      (self.scale, decimals, scientificDigits) = (.one, 0, digits)
      return
    }
    self.scale = scale
    let finite = values.compactMap { $0 }.filter(\.isFinite)
    if kind == .quantity, scale == .one, finite.allSatisfy({ $0 == $0.rounded() }) {
      // Whole numbers (counts, rounds) show no decimals: `13`, not `13.0`.
      (decimals, scientificDigits) = (0, nil)
      return
    }
    // Percent stops at 4 decimals (0.0001%); smaller probabilities show as `<0.0001%`.
    decimals = min(max(0, places), kind == .percent ? 4 : Self.maximumDecimals)
    scientificDigits = nil
  }

  /// The number without unit suffix (`K`, `%`): `2.66`, `9.892`, `5,224`.
  public func digits(_ value: Double) -> String {
    if let special = Self.special(value) { return special }
    if value == 0 { return "0" }
    if let scientificDigits { return Self.scientific(value, digits: scientificDigits) }
    let shown = (kind == .percent ? value * 100 : value) / scale.rawValue
    let factor = Double.pow10(decimals)
    let rounded = (shown * factor).rounded() / factor
    if rounded == 0 {
      let unit = "0." + String(repeating: "0", count: max(0, decimals - 1)) + "1"
      return value < 0 ? ">-" + unit : "<" + unit
    }
    return Self.grouped(rounded, decimals: decimals)
  }

  /// The suffix after the digits: `%`, `K`, `M`, … or nothing.
  public var suffix: String { kind == .percent ? "%" : scientificDigits == nil ? scale.suffix : "" }

  /// The number as shown: `2.66%`, `48.1M`, `5,224`, `–` for `nil`.
  public func string(_ value: Double?) -> String {
    guard let value else { return "–" }
    if Self.special(value) != nil { return digits(value) }
    if value == 0 { return kind == .percent ? "0%" : "0" }
    return digits(value) + suffix
  }

  /// `value (95% CI low–high)` with a shared format and the suffix after the value and the
  /// upper bound, e.g. `2.66% (95% CI 2.56–2.76%)`; `unit` (e.g. `USDC`) follows the value.
  /// Just the value when there is no interval, or when it is exact (`low = value = high`).
  public static func interval(
    _ kind: Kind, value: Double?, low: Double?, high: Double?, unit: String = ""
  )
    -> String
  {
    let unitText = unit.isEmpty ? "" : " " + unit
    guard let value else { return "–" }
    let format = ReadableNumber(intervalOf: kind, value: value, low: low, high: high)
    let shown = format.string(value) + (special(value) == nil ? unitText : "")
    guard let bounds = format.bounds(low: low, high: high, value: value) else { return shown }
    return shown + " (95% CI \(bounds))"
  }

  /// The format for a value with its interval: 3 digits, or 4 when 3 would show a bound
  /// equal to a different value.
  public init(intervalOf kind: Kind, value: Double?, low: Double?, high: Double?) {
    let three = ReadableNumber(kind, fitting: [value, low, high], digits: 3)
    let collapses = [low, high].contains { bound in
      guard let bound, let value, bound != value else { return false }
      return three.digits(bound) == three.digits(value)
    }
    self = collapses ? ReadableNumber(kind, fitting: [value, low, high], digits: 4) : three
  }

  /// `low–high` followed by the suffix (`2.56–2.76%`), `low to high` when a bound is
  /// negative, `≥ low` or `≤ high` when only one bound is identifiable; `nil` when there is
  /// no interval or it is the value itself.
  public func bounds(low: Double?, high: Double?, value: Double? = nil) -> String? {
    guard low != nil || high != nil else { return nil }
    if let value, low == value, high == value { return nil }
    guard let low else { return "≤ " + string(high) }
    guard let high else { return "≥ " + string(low) }
    let separator = low < 0 || high < 0 ? " to " : "–"
    return (Self.special(low) ?? digits(low)) + separator + string(high)
  }

  /// A value on its own (a setting, a threshold): `digits` significant digits with trailing
  /// zeros dropped, `90K`, `55%`, `2.2`, `0.015`.
  public static func single(_ value: Double, _ kind: Kind, digits: Int = 4) -> String {
    let format = ReadableNumber(kind, fitting: [value], digits: digits)
    var text = format.digits(value)
    guard special(value) == nil else { return text }
    if format.scientificDigits == nil, text.contains("."), !text.hasPrefix("<"), !text.hasPrefix(">") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text + format.suffix
  }

  /// The text of NaN and the infinities; `nil` for finite values.
  static func special(_ value: Double) -> String? {
    if value.isNaN { return "n/a" }
    if value.isInfinite { return value < 0 ? "-∞" : "∞" }
    return nil
  }

  /// `value` with `decimals` places and its whole part grouped by thousands.
  static func grouped(_ value: Double, decimals: Int) -> String {
    var text = Self.fixed(value.magnitude, decimals: decimals)
    let point = text.firstIndex(of: ".") ?? text.endIndex
    var whole = String(text[..<point])
    var index = whole.count - 3
    while index > 0 {
      whole.insert(",", at: whole.index(whole.startIndex, offsetBy: index))
      index -= 3
    }
    text = whole + text[point...]
    return (value < 0 ? "-" : "") + text
  }

  /// `1.23e-09`, `1.23e+18`: `digits` significant digits, a signed two-digit exponent.
  static func scientific(_ value: Double, digits: Int) -> String {
    var exponent = value.magnitude.log10Floor
    var mantissa = value.magnitude / Double.pow10(exponent)
    let factor = Double.pow10(digits - 1)
    mantissa = (mantissa * factor).rounded() / factor
    if mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    let digitsText = Self.fixed(mantissa, decimals: digits - 1)
    let exponentText = (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
    return (value < 0 ? "-" : "") + digitsText + "e" + exponentText
  }

  /// `value` with exactly `decimals` places (`%.*f`).
  static func fixed(_ value: Double, decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }
}
