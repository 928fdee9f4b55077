import FundSimulation

/// A venue's published margin tiers by symbol: each table lists the largest leverage from
/// each notional floor up, and the maintenance-margin rate of a tier is half the initial
/// margin at that leverage, `1/(2·L)` (Hyperliquid,
/// https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers, read 2026-12).
struct VenueMarginTiers: Sendable {
  struct Table: Sendable {
    /// The venue's symbols the table applies to.
    let symbols: [String]
    /// `(from, maxLeverage)`, floors rising from 0.
    let brackets: [(from: Double, maxLeverage: Double)]
  }

  let tables: [Table]
  let source: String

  /// The tiers above a market's `baseRate` for `symbol`, or `nil` when the venue publishes
  /// none for it. The preset keeps the scenario's `maintenance_margin` (docs/MODEL.md,
  /// "Margin tiers"): the venue's brackets from notional 0 are its base, and a tier whose
  /// rate is not above `baseRate` is left out, so the schedule always rises.
  func tiers(symbol: String, baseRate: Double) -> [MarginTier]? {
    guard let table = tables.first(where: { $0.symbols.contains { VenueSymbol.matches(symbol, $0) } }) else {
      return nil
    }
    return table.brackets.dropFirst().map { MarginTier(notionalFloor: $0.from, rate: 1 / (2 * $0.maxLeverage)) }
      .filter { $0.rate > baseRate }
  }

  /// `BTC: 40× (MM 1.25%) to 150M, 20× (2.5%) above; …` for `fundstress venues`.
  var parameter: VenuePreset.Parameter {
    let text = tables.map { table in
      var parts: [String] = []
      for (n, bracket) in table.brackets.enumerated() {
        let rate = Self.percent(1 / (2 * bracket.maxLeverage))
        let leverage = "\(Self.number(bracket.maxLeverage))×"
        let head = n == 0 ? "\(leverage) (MM \(rate))" : "\(leverage) (\(rate))"
        parts.append(
          n + 1 < table.brackets.count ? "\(head) to \(Self.number(table.brackets[n + 1].from))" : "\(head) above")
      }
      return table.symbols.joined(separator: ", ") + ": " + parts.joined(separator: ", ")
    }
    return .init("markets.margin_tiers", text.joined(separator: "; "), source)
  }

  /// `150M`, `3M`, `20k`, `40`.
  static func number(_ x: Double) -> String {
    if x >= 1e6 { return "\((x / 1e6).plainText)M" }
    if x >= 1e3 { return "\((x / 1e3).plainText)k" }
    return x.plainText
  }

  static func percent(_ x: Double) -> String { "\(((x * 1e4).rounded() / 100).plainText)%" }
}
