/// Prefix sums over one ladder's rungs, so the totals of any contiguous run of rungs — a
/// cascade round on a path where ADL has not yet reduced any position — cost O(1).
///
/// For rungs `a ..< b`: `Σq = size[b] − size[a]`, `ΣM = margin[b] − margin[a]` and
/// `Σ q·(E − E₀) = offsetNotional[b] − offsetNotional[a]`, with `E₀` a reference price of
/// the ladder (its size-weighted mean entry price). The residual of the run closed at one
/// fill price `F` (docs/MODEL.md, "Waterfall, market close") is then
///
///     Σ Rᵢ = Σ (Mᵢ + s·qᵢ·(F − Eᵢ)) = ΣM + s·((F − E₀)·Σq − Σ q·(E − E₀)).
///
/// Summing `q·(E − E₀)` rather than `q·E` keeps the prefix sums small (entry prices spread
/// by percents around `E₀`), and every prefix is accumulated with Neumaier's compensated
/// summation, so a difference of two prefixes is within a few ulps of the largest prefix
/// involved: for a ladder of `n` rungs the error of a run's total is about
/// `ε·Σ|q·(E − E₀)|`, against `n·ε` times the run's own terms for a position-by-position
/// sum — the same order for the books simulated here (`ε = 2⁻⁵³`).
///
/// - Complexity: O(n) to build, O(1) per run.
struct LadderPrefixSums: Sendable {
  /// The totals of a run of rungs.
  struct Totals {
    /// `Σ q`, base units.
    var size: Double
    /// `Σ M`, margin currency.
    var margin: Double
    /// `Σ q·(E − E₀)`, margin currency.
    var offsetNotional: Double
  }

  /// `E₀`.
  let referencePrice: Double
  /// `n + 1` entries each: the sum over rungs `0 ..< i` at index `i`.
  private let size: [Double]
  private let margin: [Double]
  private let offsetNotional: [Double]

  init(size q: [Double], entryPrice e: [Double], margin m: [Double]) {
    precondition(q.count == e.count && q.count == m.count, "one size, entry price and margin per rung")
    let totalSize = q.reduce(0, +)
    let weighted = zip(q, e).reduce(0) { $0 + $1.0 * $1.1 }
    referencePrice = totalSize > 0 && (weighted / totalSize).isFinite ? weighted / totalSize : 0
    let reference = referencePrice
    size = Self.compensatedPrefixSums(q.count) { q[$0] }
    margin = Self.compensatedPrefixSums(m.count) { m[$0] }
    offsetNotional = Self.compensatedPrefixSums(q.count) { q[$0] * (e[$0] - reference) }
  }

  /// The totals of rungs `range`.
  @inline(__always)
  func totals(_ range: Range<Int>) -> Totals {
    let a = range.lowerBound
    let b = range.upperBound
    return Totals(
      size: size[b] - size[a], margin: margin[b] - margin[a], offsetNotional: offsetNotional[b] - offsetNotional[a])
  }

  /// `Σ Rᵢ = ΣM + s·((F − E₀)·Σq − Σ q·(E − E₀))` of a run closed at `fill` by a side of
  /// sign `s`.
  @inline(__always)
  func residual(of t: Totals, sign s: Double, fill: Double) -> Double {
    t.margin + s * ((fill - referencePrice) * t.size - t.offsetNotional)
  }

  /// Prefix sums `P[i] = Σ_{j<i} term(j)` by Neumaier's compensated summation, each
  /// stored rounded once.
  private static func compensatedPrefixSums(_ n: Int, _ term: (Int) -> Double) -> [Double] {
    var result = [Double](repeating: 0, count: n + 1)
    var sum = 0.0
    var compensation = 0.0
    for i in 0..<n {
      let x = term(i)
      let t = sum + x
      if sum.magnitude >= x.magnitude {
        compensation += (sum - t) + x
      } else {
        compensation += (x - t) + sum
      }
      sum = t
      result[i + 1] = sum + compensation
    }
    return result
  }
}
