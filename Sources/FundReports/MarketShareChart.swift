/// Each market's share of the fund's shortfall and of the notional closed by ADL
/// (`market_shares.svg`): two horizontal bars per market, on an axis from 0 to the largest
/// share rounded up to a nice tick (not always 100%, so small shares stay legible).
///
/// Shares are those of `markets.csv`; a market with no value (no shortfall or no ADL in
/// any market) shows no bar and "n/a".
public enum MarketShareChart {
  static let shortfallColour = "#dd8452"
  static let adlColour = "#8172b3"

  /// The SVG document.
  ///
  /// - Complexity: O(markets).
  public static func svg(
    _ summary: RunSummary, title: String = "Share of shortfall and ADL notional by market"
  ) -> String {
    let markets = summary.markets
    let rowHeight = 34.0
    let width = 800.0
    let left = 110.0
    let right = 70.0
    let top = 64.0
    let height = top + rowHeight * Double(max(1, markets.count)) + 50
    let largest = markets.flatMap { [$0.shortfallShare, $0.adlShare] }.compactMap { $0 }.max() ?? 1
    let axis = ChartAxis(minimum: 0, maximum: min(1, max(largest, 0.01)), target: 5)
    func x(_ share: Double) -> Double { axis.position(share, from: left, to: width - right) }
    var canvas = SVGCanvas(width: width, height: height, title: title)
    canvas.text(title, x: width / 2, y: 24, anchor: "middle", size: 15, bold: true)
    let bottom = height - 50
    for tick in axis.ticks {
      canvas.line(x1: x(tick), y1: top - 6, x2: x(tick), y2: bottom, stroke: "#e3e3e3")
      canvas.text(
        ChartAxis.trimmed(tick * 100, decimals: 0) + "%", x: x(tick), y: bottom + 18, anchor: "middle", size: 11)
    }
    canvas.text(
      "share of all markets' total", x: (left + width - right) / 2, y: height - 12, anchor: "middle", size: 12)
    // Legend.
    canvas.rect(x: left, y: top - 30, width: 14, height: 10, fill: shortfallColour)
    canvas.text("shortfall paid by the fund", x: left + 20, y: top - 21, size: 11)
    canvas.rect(x: left + 200, y: top - 30, width: 14, height: 10, fill: adlColour)
    canvas.text("ADL notional", x: left + 220, y: top - 21, size: 11)

    for (index, market) in markets.enumerated() {
      let rowTop = top + Double(index) * rowHeight
      canvas.text(market.market, x: left - 8, y: rowTop + 19, anchor: "end", size: 12)
      for (offset, share, colour) in [
        (2.0, market.shortfallShare, shortfallColour), (16.0, market.adlShare, adlColour),
      ] {
        let barY = rowTop + offset
        if let share {
          canvas.rect(x: left, y: barY, width: x(share) - left, height: 12, fill: colour)
          canvas.text(
            ChartAxis.trimmed(share * 100, decimals: 1) + "%", x: x(share) + 4, y: barY + 10, size: 10)
        } else {
          canvas.text("n/a", x: left + 4, y: barY + 10, size: 10, fill: "#777777")
        }
      }
    }
    canvas.line(x1: left, y1: top - 6, x2: left, y2: bottom, stroke: "#555555")
    return canvas.render()
  }
}
