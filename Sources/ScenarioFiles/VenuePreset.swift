import FundSimulation

/// A venue's rules as one key, `venue: NAME` (docs/VENUES.md): each preset sets the fund
/// and ADL keys, the fund scope and, per market, the margin tiers and partial liquidation
/// the scenario leaves out; a key written in the scenario overrides its preset. Presets set
/// only mechanics fundstress models; balances, books and base maintenance margins are the
/// scenario's. Each venue's values live in a file of its own (`Venues/`, ``VenueRules``).
public enum VenuePreset: String, Sendable, CaseIterable {
  case defx, nomoex, dydx, hyperliquid, binance, bybit, okx, drift, bitmex

  /// One preset value: the scenario key, its value as written in YAML, and its source.
  public struct Parameter: Sendable, Equatable {
    public let key: String
    public let value: String
    public let source: String
  }

  var rules: VenueRules {
    switch self {
    case .defx: .defx
    case .nomoex: .nomoex
    case .dydx: .dydx
    case .hyperliquid: .hyperliquid
    case .binance: .binance
    case .bybit: .bybit
    case .okx: .okx
    case .drift: .drift
    case .bitmex: .bitmex
    }
  }

  /// The preset's parameters, in the order `fundstress venues` lists them; per-market values
  /// under `markets.KEY`.
  public var parameters: [Parameter] { rules.parameters }

  /// The keys `--set venue=NAME` takes out of a scenario so that the preset applies
  /// (``OverrideTree``): its parameters' keys, `fund.groups` with `fund.scope`, and
  /// `markets[*].KEY` for the per-market ones.
  var releasedKeys: [String] {
    let keys = parameters.map(\.key).map { $0.hasPrefix("markets.") ? "markets[*]." + $0.dropFirst(8) : $0 }
    return keys.contains("fund.scope") && !keys.contains("fund.groups") ? keys + ["fund.groups"] : keys
  }
}

extension ScenarioLoader {
  /// The embedded default scenario under a venue preset: `venue: NAME` is added before the
  /// fund block and every line that sets a key of the preset (a market's one-line keys
  /// included) is commented out, so the preset's value applies (a key left in would override
  /// it).
  public static func defaultYAML(venue: VenuePreset) -> String { yaml(defaultYAML, under: venue) }

  /// `text`, a scenario laid out as the embedded default, under `venue`.
  static func yaml(_ text: String, under venue: VenuePreset) -> String {
    let keys = Set(venue.releasedKeys)
    let marketKeys = Set(venue.rules.marketKeys)
    var section = ""
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if let first = line.first, first != " ", first != "#", line.hasSuffix(":") {
        section = String(line.dropLast())
        if section == "fund" {
          lines.append(
            "venue: \(venue.rawValue)    # preset: fund, adl and market keys left out take its values")
          lines.append("")
        }
      }
      let trimmed = line.drop { $0 == " " }
      if line.hasPrefix("  "), !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":"),
        keys.contains("\(section).\(trimmed[..<colon])")
      {
        lines.append("  # " + trimmed + "  (set by venue)")
      } else if section == "markets", line.hasPrefix("    "), !trimmed.hasPrefix("#"), !trimmed.hasPrefix("-"),
        let colon = trimmed.firstIndex(of: ":"), marketKeys.contains(String(trimmed[..<colon]))
      {
        // A market's own key after its first (`symbol`), one line: the preset's applies.
        lines.append("    # " + trimmed + "  (set by venue)")
      } else {
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }
}
