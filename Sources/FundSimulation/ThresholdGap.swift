/// Crossing tests for many marks at once, read from sign bits rather than comparison masks.
///
/// A log mark `x` crosses its market's next long liquidation price `low` when `x ≤ low`, and
/// the next short one `high` when `x ≥ high`. Under IEEE-754 arithmetic (round to nearest,
/// gradual underflow, which Swift does not turn off), for a finite `x`:
///
///     x ≤ low   ⟺  low − x  has its sign bit clear
///     x ≥ high  ⟺  x − high has its sign bit clear
///
/// because the difference of two distinct finite doubles is never zero and has the sign of
/// the exact difference, `x − x` is `+0`, and an exhausted ladder's `low = −∞` or `high = +∞`
/// gives `−∞`. So nothing crosses, over any group of markets and steps, exactly when the
/// bitwise AND of all those differences has every sign bit set.
///
/// That AND costs one integer instruction per vector. The comparison masks it replaces
/// (`any((x .<= low) .| (x .>= high))`) reduce through a dozen shuffles on the x86-64
/// baseline the package is compiled for (docs/PERFORMANCE.md, sixth round). Log marks are
/// finite: log-prices of positive prices plus finite impact offsets.
enum ThresholdGap {
  /// `(low − x) & (x − high)` as bit patterns, lane by lane: a lane's sign bit is clear
  /// exactly when its mark crosses a threshold.
  @inline(__always)
  static func gaps(_ x: SIMD8<Double>, low: SIMD8<Double>, high: SIMD8<Double>) -> SIMD8<UInt64> {
    unsafeBitCast(low - x, to: SIMD8<UInt64>.self) & unsafeBitCast(x - high, to: SIMD8<UInt64>.self)
  }

  /// `(low − x) & (x − high)` as bit patterns, lane by lane.
  @inline(__always)
  static func gaps(_ x: SIMD4<Double>, low: SIMD4<Double>, high: SIMD4<Double>) -> SIMD4<UInt64> {
    unsafeBitCast(low - x, to: SIMD4<UInt64>.self) & unsafeBitCast(x - high, to: SIMD4<UInt64>.self)
  }

  /// Whether every lane of an AND of ``gaps(_:low:high:)`` still has its sign bit set.
  @inline(__always)
  static func noneCrossed(_ gaps: SIMD8<UInt64>) -> Bool {
    noneCrossed(gaps.lowHalf & gaps.highHalf)
  }

  /// Whether every lane of an AND of ``gaps(_:low:high:)`` still has its sign bit set.
  @inline(__always)
  static func noneCrossed(_ gaps: SIMD4<UInt64>) -> Bool {
    noneCrossed(gaps[0] & gaps[1] & gaps[2] & gaps[3])
  }

  /// Whether an AND of gaps, reduced to one word, still has its sign bit set.
  @inline(__always)
  static func noneCrossed(_ gap: UInt64) -> Bool {
    gap >> 63 == 1
  }
}
