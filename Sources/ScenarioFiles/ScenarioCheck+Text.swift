import Foundation
import FundSimulation
import PricePaths

extension ScenarioCheck {
  /// A plain-text summary, one fact per line and one table row per market, for
  /// `fundstress scenario check`. Amounts use k/M/B suffixes (1.5M = 1 500 000).
  public var text: String {
    var lines: [String] = []
    lines.append("Scenario '\(name)' (\(source)): OK")
    let hours = String(format: "%.4g", horizon.hours)
    if let replaySteps {
      lines.append(
        "Horizon     \(replaySteps) steps of \(Self.number(horizon.stepSeconds)) s = \(hours) h (replay file)")
    } else {
      lines.append("Horizon     \(horizon.steps) steps of \(Self.number(horizon.stepSeconds)) s = \(hours) h")
    }
    lines.append("Seed        \(seed) (price paths)")
    lines.append("Paths       \(pathsLine)")
    lines.append("Correlation \(correlationLine)")
    let bookSeedText = bookSeed.map { " (book seed \($0))" } ?? ""
    lines.append("Book        \(bookSource)\(bookSeedText): \(positions) positions")
    lines.append("Fund        \(fundLine)")
    lines.append("ADL         \(adlLine)")
    lines.append("")
    lines.append(contentsOf: marketTable)
    lines.append("")
    lines.append("Leverage = entry notional / margin; distance = |liquidation price / price - 1|; OI = size x price.")
    return lines.joined(separator: "\n") + "\n"
  }

  private var pathsLine: String {
    if replaySteps != nil { return "replay of a fixed price file (models not used)" }
    let models = Set(markets.map(\.model)).sorted().joined(separator: ", ")
    if let historicalRows {
      return "filtered historical simulation: \(historicalRows) rows of residuals, rescaled by \(models) volatility"
    }
    guard let jumps, markets.contains(where: { $0.beta != 0 }) else { return "models: \(models)" }
    return "models: \(models); crash jumps \(Self.number(jumps.intensityPerDay))/day, log-size mean "
      + "\(Self.number(jumps.mean)), stdev \(Self.number(jumps.stdev))"
  }

  private var correlationLine: String {
    let n = markets.count
    let definite = smallestEigenvalue > 0 ? "positive definite" : "NOT positive definite"
    var text = "\(n)x\(n), smallest eigenvalue \(Self.number(smallestEigenvalue)) (\(definite))"
    if correlationWasRepaired {
      let given = givenSmallestEigenvalue.map { " (given matrix: smallest eigenvalue \(Self.number($0)))" } ?? ""
      text += "; repaired to the nearest correlation matrix\(given)"
    }
    return text
  }

  private var fundLine: String {
    let share =
      openInterest > 0
      ? String(
        format: " = %.2f%% of open interest %@", 100 * fund.balance / openInterest,
        Self.amount(openInterest)) : ""
    let cap = fund.feeCap.map { "fee cap \(Self.percent($0)) of fill notional" } ?? "no fee cap"
    var text = "\(Self.amount(fund.balance))\(share); \(fund.waterfall.rawValue)"
    switch fund.waterfall {
    case .marketClose: text += ", fund share \(Self.number(fund.fundShare)), \(cap)"
    case .takeover: text += ", subsidy up to \(Self.percent(fund.takeoverSubsidy)) of the fund per takeover"
    }
    if let cap = fund.stepOutflowCap { text += "; pays at most \(Self.amount(cap)) per step" }
    if let cap = fund.marketOutflowCap { text += "; at most \(Self.amount(cap)) per market" }
    if let k = fund.takeoverNotionalCap { text += "; takes over at most \(Self.number(k)) x its balance per round" }
    if let vault = fund.backstop {
      text +=
        "; backstop vault below \(Self.percent(vault.share)) of maintenance, capital "
        + "\(Self.amount(vault.capital)), loss cap \(Self.amount(vault.lossCap))"
    }
    text += "; depleted at or below \(Self.amount(fund.depletionThreshold))"
    if let funds = fund.scope.funds(markets: markets.count) {
      let parts = funds.map { group in
        group.markets.map { markets[$0].symbol }.joined(separator: "+") + " " + Self.amount(group.share * fund.balance)
      }
      text += "; \(funds.count) funds: " + parts.joined(separator: ", ") + " (each its share of the threshold)"
    }
    return text
  }

  private var adlLine: String {
    let ranking = adl.ranking.rawValue + (adl.closePrice == .mark ? ", closed at the mark" : "")
    guard let trigger = adl.drawdownTrigger else { return ranking }
    return "\(ranking); also when the fund falls \(Self.percent(trigger)) within "
      + "\(adl.drawdownWindowSteps) steps"
  }

  private var marketTable: [String] {
    let header = [
      "market", "price", "vol", "model", "maint", "depth/1%", "long OI", "short OI", "longs", "shorts",
      "lev p10/p50/p90", "liq dist p10/p50/p90",
    ]
    func row(_ m: MarketSummary) -> [String] {
      var model = m.model
      if let dof = m.dof { model += " t\(Self.number(dof))" }
      if m.model == "jumps" { model += " β\(Self.number(m.beta))" }
      return [
        m.symbol, Self.price(m.price), Self.number(m.volatility), model, Self.percent(m.maintenanceMargin),
        m.depth.isFinite ? Self.amount(m.depth) : "inf", Self.amount(m.longOpenInterest),
        Self.amount(m.shortOpenInterest), "\(m.longPositions)", "\(m.shortPositions)", Self.leverageText(m.leverage),
        Self.distanceText(m.liquidationDistance),
      ]
    }
    let totals = [
      "all", "", "", "", "", "", Self.amount(markets.reduce(0) { $0 + $1.longOpenInterest }),
      Self.amount(markets.reduce(0) { $0 + $1.shortOpenInterest }),
      "\(markets.reduce(0) { $0 + $1.longPositions })", "\(markets.reduce(0) { $0 + $1.shortPositions })",
      Self.leverageText(leverage), Self.distanceText(liquidationDistance),
    ]
    let rows = [header] + markets.map(row) + [totals]
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { cells in
      cells.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 || column == 3 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
  }

  // MARK: Number formatting

  private static func leverageText(_ q: Quantiles?) -> String {
    guard let q else { return "-" }
    return String(format: "%.1f/%.1f/%.1f", q.p10, q.median, q.p90)
  }

  private static func distanceText(_ q: Quantiles?) -> String {
    guard let q else { return "-" }
    return "\(percent(q.p10))/\(percent(q.median))/\(percent(q.p90))"
  }

  /// A price: whole units from 10 000 up (`90000`), else five significant digits (`2.2`, `0.18`).
  static func price(_ x: Double) -> String {
    abs(x) >= 10_000 ? String(format: "%.0f", x) : String(format: "%.5g", x)
  }

  /// Up to four significant digits, without trailing zeros.
  static func number(_ x: Double) -> String { String(format: "%.4g", x) }

  /// A percentage with up to three significant digits: `2.5%`, `0.15%`.
  static func percent(_ x: Double) -> String { String(format: "%.3g%%", 100 * x) }

  /// An amount with a k/M/B suffix: `400M`, `2.5M`, `600k`.
  static func amount(_ x: Double) -> String {
    let magnitude = abs(x)
    switch magnitude {
    case 1e9...: return String(format: "%.3gB", x / 1e9)
    case 1e6...: return String(format: "%.3gM", x / 1e6)
    case 1e3...: return String(format: "%.3gk", x / 1e3)
    default: return String(format: "%.3g", x)
    }
  }
}
