import Foundation

/// The histogram of the fund's P&L over paths (`fund_pnl_histogram.svg`).
///
/// P&L is `final − initial` fund balance (the negative of the fund loss): bars count paths
/// per bin of ``RunSummary/fundPnLBars``, with a vertical line at zero. A run where every
/// path ends at the same balance shows one bar.
///
/// The count axis is logarithmic (ticks at 1, 10, 100, …, from half a path), so the tail —
/// the few paths that drain the fund, next to thousands near zero — shows: a bar of one
/// path is ``minimumBarShare`` or more of the plot's height. The P&L axis spans the data
/// (and zero) with nice ticks.
public enum PnLHistogramChart {
  /// The SVG document.
  ///
  /// - Complexity: O(bars).
  public static func svg(_ summary: RunSummary, title: String = "Fund P&L over paths (final − initial)") -> String {
    let bars = summary.fundPnLBars
    let low = bars.first?.lower ?? -1
    let high = bars.last?.upper ?? 1
    let pointMass = high == low
    let pad = pointMass ? max(low.magnitude * 0.1, 1) : 0
    let frame = ChartFrame(
      xAxis: ChartAxis(minimum: min(low - pad, 0), maximum: max(high + pad, 0), target: 8),
      yAxis: countAxis(maximum: bars.map(\.count).max() ?? 1))
    var canvas = SVGCanvas(width: frame.width, height: frame.height, title: title)
    frame.draw(
      on: &canvas, title: title, xTitle: "fund P&L (\(summary.currency))", yTitle: "paths (log scale)",
      yLabel: { ReadableNumber.single(Double.pow10(Int($0.rounded())), .quantity, digits: 1) })
    guard !bars.isEmpty else {
      canvas.text("no paths", x: frame.width / 2, y: frame.height / 2, anchor: "middle", size: 14)
      return canvas.render()
    }
    for bar in bars where bar.count > 0 {
      var left = frame.x(bar.lower)
      var right = frame.x(bar.upper)
      if pointMass {
        left -= 4
        right += 4
      }
      let top = frame.y(log10(Double(bar.count)))
      canvas.rect(
        x: left, y: top, width: max(1, right - left - 0.5), height: frame.plotBottom - top, fill: "#4c72b0",
        stroke: "#ffffff")
    }
    let zero = frame.x(0)
    canvas.line(x1: zero, y1: frame.plotTop, x2: zero, y2: frame.plotBottom, stroke: "#d62728", width: 1.2, dash: "4 3")
    canvas.text("0", x: zero + 4, y: frame.plotTop + 12, size: 11, fill: "#d62728")
    return canvas.render()
  }

  /// The log₁₀ count axis: from half a path (so a single path has a visible bar) to the
  /// power of ten at or above `maximum`, ticks at each power of ten.
  static func countAxis(maximum: Int) -> ChartAxis {
    let top = max(1, log10(Double(max(maximum, 1))).rounded(.up))
    return ChartAxis(lower: log10(0.5), upper: top, step: 1)
  }

  /// The smallest height of a one-path bar as a share of the plot: `log₁₀ 2 / (top + log₁₀ 2)`
  /// for counts up to 10^top, 5.7% up to 100 000 paths per bin.
  public static func minimumBarShare(maximumCount: Int) -> Double {
    let axis = countAxis(maximum: maximumCount)
    return (0 - axis.lower) / (axis.upper - axis.lower)
  }
}
