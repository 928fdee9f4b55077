import FundSimulation

/// A market's `partial_liquidation` (docs/MODEL.md, "Partial liquidation";
/// ``PartialLiquidation``).
///
/// ```yaml
/// markets:
///   - symbol: BTC
///     partial_liquidation:             # Hyperliquid: 20% above 100 000 USDC, then 30 s
///       {share: 0.2, above: 1.0e5, cooldown_seconds: 30}
/// ```
extension ScenarioParser {
  static let partialLiquidationKeys = ["share", "above", "cooldown_seconds"]

  /// The market block's partial liquidation, or `nil` when the key is absent.
  func parsePartialLiquidation(_ block: YAMLMapping) throws -> PartialLiquidation? {
    guard let value = block.optional("partial_liquidation"), !value.isNull else { return nil }
    let rule = try value.mapping(allowedKeys: Self.partialLiquidationKeys)
    return PartialLiquidation(
      share: try rule.number("share", fix: "the share of the position closed first, e.g. 0.2"),
      above: try rule.number("above", fix: "the notional above which a position is liquidated partially, e.g. 1.0e5"),
      cooldownSeconds: try rule.number("cooldown_seconds", fix: "the wait before the rest is closed, e.g. 30"))
  }
}
