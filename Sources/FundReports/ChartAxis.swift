/// Axis ranges, "nice" tick positions and compact tick labels for the SVG charts.
///
/// Ticks follow Heckbert's nice-number rule ("Nice numbers for graph labels", *Graphics
/// Gems*, 1990): the step is 1, 2, 2.5 or 5 times a power of ten, chosen so that about
/// `target` ticks cover the range.
public struct ChartAxis: Sendable, Equatable {
  public let lower: Double
  public let upper: Double
  public let ticks: [Double]

  /// An axis covering `[minimum, maximum]`, widened to whole tick steps. A degenerate
  /// range is widened around its value (by 10% of it, or by 1).
  public init(minimum: Double, maximum: Double, target: Int = 5) {
    var low = minimum.isFinite ? minimum : 0
    var high = maximum.isFinite ? maximum : 1
    if high < low { swap(&low, &high) }
    if high == low {
      let pad = max(low.magnitude * 0.1, 1)
      low -= pad
      high += pad
    }
    let step = Self.niceStep((high - low) / Double(max(1, target)))
    let first = (low / step).rounded(.down)
    let last = (high / step).rounded(.up)
    lower = first * step
    upper = last * step
    var ticks: [Double] = []
    var index = first
    while index <= last + 0.5 {
      ticks.append(index * step + 0)
      index += 1
    }
    self.ticks = ticks
  }

  /// An axis of `[lower, upper]` exactly, with ticks every `step` inside it.
  public init(lower: Double, upper: Double, step: Double) {
    precondition(upper > lower && step > 0, "invalid axis")
    self.lower = lower
    self.upper = upper
    var ticks: [Double] = []
    var index = (lower / step).rounded(.up)
    while index * step <= upper * (1 + 1e-12) {
      ticks.append(index * step + 0)
      index += 1
    }
    self.ticks = ticks
  }

  /// A time axis from 0 to `hours` exactly, ticks at clock-friendly steps (¼, ½, 1, 2, 3, 6,
  /// 12 h, then 1, 2, 7, 14, 28 days, …) giving about `target` ticks.
  public static func hours(upTo hours: Double, target: Int = 8) -> ChartAxis {
    guard hours > 0, hours.isFinite else { return ChartAxis(minimum: 0, maximum: 1, target: target) }
    let rough = hours / Double(max(1, target))
    let steps = [0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 168, 336, 672]
    guard rough >= 0.25 / 2, let step = steps.first(where: { $0 >= rough }) else {
      return ChartAxis(minimum: 0, maximum: hours, target: target)
    }
    return ChartAxis(lower: 0, upper: hours, step: step)
  }

  /// The smallest of 1, 2, 2.5, 5 × 10ᵏ at least `rough`.
  public static func niceStep(_ rough: Double) -> Double {
    guard rough > 0, rough.isFinite else { return 1 }
    let power = Double.pow10(rough.log10Floor)
    for multiple in [1.0, 2.0, 2.5, 5.0, 10.0] where multiple * power >= rough * (1 - 1e-12) {
      return multiple * power
    }
    return 10 * power
  }

  /// Maps `value` from the axis range onto `[start, end]` in pixels.
  public func position(_ value: Double, from start: Double, to end: Double) -> Double {
    start + (value - lower) / (upper - lower) * (end - start)
  }

  /// A short label: `0`, `250`, `1.5K`, `20M`, `1.25B`, `-3M`, `0.05`.
  public static func compactLabel(_ value: Double) -> String {
    let magnitude = value.magnitude
    let (scale, suffix): (Double, String) =
      magnitude >= 1e12
      ? (1e12, "T")
      : magnitude >= 1e9
        ? (1e9, "B")
        : magnitude >= 1e6
          ? (1e6, "M")
          : magnitude >= 1e3 ? (1e3, "K") : (1, "")
    return trimmed(value / scale, decimals: scale == 1 && magnitude < 1 ? 4 : 2) + suffix
  }

  /// `value` rounded to `decimals` places, without trailing zeros.
  public static func trimmed(_ value: Double, decimals: Int) -> String {
    let factor = Double.pow10(decimals)
    let rounded = (value * factor).rounded() / factor + 0
    if rounded == rounded.rounded(), rounded.magnitude < 1e15 { return String(Int(rounded)) }
    var text = rounded.description
    if text.contains("e") { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}

extension Double {
  /// `10ⁿ` for integer `n`, exact for the small `n` used here.
  static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 {
      for _ in 0..<exponent { result *= 10 }
    } else {
      for _ in 0..<(-exponent) { result /= 10 }
    }
    return result
  }

  /// `⌊log₁₀ x⌋` for `x > 0`, computed without libm.
  var log10Floor: Int {
    var exponent = 0
    var x = self
    while x >= 10 { x /= 10; exponent += 1 }
    while x < 1 { x *= 10; exponent -= 1 }
    return exponent
  }
}
