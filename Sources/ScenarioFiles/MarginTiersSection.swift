import FundSimulation

/// A market's `margin_tiers`: maintenance-margin rates by notional bracket above the
/// market's `maintenance_margin` (docs/MODEL.md, "Positions and prices"; ``MarginTier``).
///
/// ```yaml
/// markets:
///   - symbol: BTC
///     maintenance_margin: 0.0125       # from notional 0
///     margin_tiers:                    # Hyperliquid BTC: 40x to 150M, then 20x
///       - {from: 1.5e8, rate: 0.025}
/// ```
extension ScenarioParser {
  static let marginTierKeys = ["from", "rate"]

  /// The tiers of one market block, or none when the key is absent.
  func parseMarginTiers(_ block: YAMLMapping) throws -> [MarginTier] {
    guard let value = block.optional("margin_tiers"), !value.isNull else { return [] }
    return try value.items(expected: "a list of {from, rate} tiers").map { item in
      let tier = try item.mapping(allowedKeys: Self.marginTierKeys)
      return MarginTier(
        notionalFloor: try tier.number("from", fix: "the notional from which the tier applies, e.g. 1.5e8"),
        rate: try tier.number("rate", fix: "the tier's maintenance-margin rate as a fraction, e.g. 0.025"))
    }
  }
}
