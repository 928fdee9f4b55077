import FundSimulation

/// A market's `partial_liquidation` (docs/MODEL.md, "Partial liquidation";
/// ``PartialLiquidation``).
///
/// ```yaml
/// markets:
///   - symbol: BTC
///     partial_liquidation:             # Hyperliquid: 20% above 100 000 USDC, then 30 s
///       {share: 0.2, above: 1.0e5, cooldown_seconds: 30}
///   - symbol: ETH
///     partial_liquidation:             # Binance: reduce first (``MarginReduction``)
///       {rule: reduce, fee: 0.0}
/// ```
///
/// `rule` is `slice` (the default) or `reduce`; each rule takes its own keys.
extension ScenarioParser {
  static let partialLiquidationKeys = ["rule", "share", "above", "cooldown_seconds"]
  static let marginReductionKeys = ["rule", "fee", "above"]

  /// The market block's partial liquidation under the slice rule, or `nil` when the key is
  /// absent or names another rule.
  func parsePartialLiquidation(_ block: YAMLMapping) throws -> PartialLiquidation? {
    guard let value = block.optional("partial_liquidation"), !value.isNull else { return nil }
    guard try partialLiquidationRule(value) == "slice" else { return nil }
    let rule = try value.mapping(allowedKeys: Self.partialLiquidationKeys)
    return PartialLiquidation(
      share: try rule.number("share", fix: "the share of the position closed first, e.g. 0.2"),
      above: try rule.number("above", fix: "the notional above which a position is liquidated partially, e.g. 1.0e5"),
      cooldownSeconds: try rule.number("cooldown_seconds", fix: "the wait before the rest is closed, e.g. 30"))
  }

  /// The market block's margin reduction (`rule: reduce`), or `nil` when the key is absent
  /// or names another rule.
  func parseMarginReduction(_ block: YAMLMapping) throws -> MarginReduction? {
    guard let value = block.optional("partial_liquidation"), !value.isNull else { return nil }
    guard try partialLiquidationRule(value) == "reduce" else { return nil }
    let rule = try value.mapping(allowedKeys: Self.marginReductionKeys)
    return MarginReduction(fee: try rule.number("fee", default: 0), above: try rule.number("above", default: 0))
  }

  /// The rule a `partial_liquidation` block names, `slice` when it names none.
  private func partialLiquidationRule(_ value: YAMLValue) throws -> String {
    let keys = Array(Set(Self.partialLiquidationKeys + Self.marginReductionKeys)).sorted()
    return try value.mapping(allowedKeys: keys).optional("rule")?.choice(["slice", "reduce"]) ?? "slice"
  }
}
