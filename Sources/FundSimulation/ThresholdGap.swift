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
/// baseline the package is compiled for (docs/PERFORMANCE.md, sixth round).
///
/// The domain: neither side is ever `−0`. Log marks are finite, log-prices of positive
/// prices plus finite impact offsets (a flushed offset is `+0`); thresholds are logs of
/// positive liquidation prices (`log` never returns `−0`) or ±∞. A `−0` would break the
/// identity: `x = +0`, `low = −0` gives `low − x = −0` while `x ≤ low`, and `x = −0`,
/// `high = +0` gives `x − high = −0` while `x ≥ high`.
enum ThresholdGap {
  /// `(low − x) & (x − high)` as bit patterns, lane by lane: a lane's sign bit is clear
  /// exactly when its mark crosses a threshold. Two lanes, the baseline vector width of
  /// x86-64 (SSE2) and arm64 (NEON): one instruction per operation.
  @inline(__always)
  static func gaps(_ x: SIMD2<Double>, low: SIMD2<Double>, high: SIMD2<Double>) -> SIMD2<UInt64> {
    unsafeBitCast(low - x, to: SIMD2<UInt64>.self) & unsafeBitCast(x - high, to: SIMD2<UInt64>.self)
  }

  /// Whether both lanes of an AND of ``gaps(_:low:high:)`` still have their sign bit set.
  @inline(__always)
  static func noneCrossed(_ gaps: SIMD2<UInt64>) -> Bool {
    (gaps[0] & gaps[1]) >> 63 == 1
  }
}
