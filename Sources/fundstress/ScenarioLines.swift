import FundReports
import FundSimulation
import PricePaths
import ScenarioFiles

/// The scenario bullets of `report.md`.
enum ScenarioLines {
  static func lines(_ s: Scenario) -> [String] {
    let h = s.paths.horizon
    let number = { (value: Double) in ReadableNumber.single(value, .quantity) }
    let percent = { (value: Double) in ReadableNumber.single(value, .percent) }
    var lines = [
      "Source: \(s.source)",
      "Horizon: \(h.steps) steps of \(String(format: "%g", h.stepSeconds)) s (\(String(format: "%g", h.hours)) h)",
      "Markets: "
        + s.paths.markets.map {
          "\($0.symbol) (price \(number($0.price)), vol \(percent($0.volatility)), \($0.returns.name))"
        }
        .joined(separator: ", "),
      "Book: \(s.bookSource), \(s.exchange.positions.count) positions",
      "Fund: \(number(s.exchange.fund.balance)) USDC, \(s.exchange.fund.waterfall.rawValue), fund share "
        + percent(s.exchange.fund.fundShare) + (s.exchange.fund.feeCap.map { ", fee cap \(percent($0))" } ?? ""),
      "ADL: \(s.exchange.adl.ranking.rawValue)"
        + (s.exchange.adl.drawdownTrigger.map { ", drawdown trigger \(percent($0))" } ?? ""),
    ]
    if let jumps = s.paths.jumps {
      lines.append(
        "Crash factor: \(jumps.intensityPerDay) jumps/day, mean log-size \(jumps.mean), stdev \(jumps.stdev)")
    }
    if s.paths.replay != nil {
      lines.append(
        "Replay: every path follows the replayed prices, so every path has the same outcome: the figures are"
          + " exact (each interval is the value itself) and one path gives them all")
    }
    if s.paths.correlationWasRepaired { lines.append("Correlation repaired to the nearest correlation matrix") }
    return lines
  }
}
