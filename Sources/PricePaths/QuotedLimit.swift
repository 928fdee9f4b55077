import RealModule

/// A limit to quote in an error's fix: a bound rounded down to a few significant digits,
/// short (0.00273972, not 0.0027397260273972603) and never above the bound, so that the
/// quoted value is itself accepted.
public enum QuotedLimit {
  /// `x > 0` rounded down to `digits` significant digits. Non-positive and non-finite values
  /// are returned as they are.
  ///
  /// The scaled product or the quotient may round up past `x`; the result then steps down
  /// one unit in the last quoted digit.
  public static func roundedDown(_ x: Double, significantDigits digits: Int) -> Double {
    guard x > 0, x.isFinite else { return x }
    let scale = Double.pow(10, Double(digits - 1) - Double.log10(x).rounded(.down))
    var units = (x * scale).rounded(.down)
    var quoted = units / scale
    while quoted > x {
      units -= 1
      quoted = units / scale
    }
    return quoted
  }
}
