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
    lines += venueRuleLines(s, number: number, percent: percent)
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

  /// The venue rules beyond the waterfall and ranking, each only when the scenario sets it
  /// (docs/VENUES.md): the preset, the fund scope, the backstop vault, margin tiers and
  /// partial liquidation.
  static func venueRuleLines(
    _ s: Scenario, number: (Double) -> String, percent: (Double) -> String
  ) -> [String] {
    var lines: [String] = []
    let fund = s.exchange.fund
    let rules = s.exchange.rules
    let symbols = s.paths.markets.map(\.symbol)
    let named = { (indices: [Int]) in indices.map { symbols[$0] }.joined(separator: ", ") }
    if let venue = s.record.venue { lines.append("Venue preset: \(venue) (docs/VENUES.md)") }
    if let funds = fund.scope.funds(markets: symbols.count) {
      lines.append(
        "Fund scope: \(fund.scope.name), "
          + funds.map { "\(named($0.markets)) \(number($0.share * fund.balance))" }.joined(separator: "; "))
    }
    if let vault = fund.backstop {
      lines.append(
        "Backstop vault: below \(percent(vault.share)) of maintenance margin, capital \(number(vault.capital)), "
          + "loss cap \(number(vault.lossCap))")
    }
    let tiered = rules.indices.filter { !rules[$0].marginTiers.isEmpty }
    if !tiered.isEmpty { lines.append("Margin tiers: \(named(tiered))") }
    let sliced = rules.indices.filter { rules[$0].partialLiquidation != nil }
    if !sliced.isEmpty { lines.append("Partial liquidation (slice): \(named(sliced))") }
    let reduced = rules.indices.filter { rules[$0].marginReduction != nil }
    if !reduced.isEmpty { lines.append("Partial liquidation (reduce first): \(named(reduced))") }
    return lines
  }
}
