/// Filtered historical simulation's residuals or stressed period outside their domain
/// (``HistoricalShocks/init(residuals:stressed:stressedWeight:)``).
///
/// Each case carries the value found; ``description`` speaks the domain. A reader of a file
/// format maps the case to its own key and wording.
public enum HistoricalShocksError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Fewer than two residual rows.
  case tooFewRows(Int)
  /// A residual row (counted from 0) of another width than the first, or not finite.
  case row(Int)
  /// The probability of drawing a stressed row is not in (0, 1).
  case stressedWeight(Double)
  /// A stressed weight with a stressed period that covers no row.
  case stressedCoversNoRow
  /// A stressed weight with a stressed period that covers every row.
  case stressedCoversEveryRow

  public var description: String {
    switch self {
    case .tooFewRows(let n): return "historical simulation has \(n) residual rows; give at least 2"
    case .row(let k): return "row \(k) of the historical residuals is ragged or not finite"
    case .stressedWeight(let w): return "the stressed period's weight is \(w); give a probability in (0, 1)"
    case .stressedCoversNoRow: return "the stressed period covers none of the history's rows"
    case .stressedCoversEveryRow: return "the stressed period covers all of the history's rows"
    }
  }
}
