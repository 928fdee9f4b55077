import FundSimulation

/// The partial-liquidation rule a venue preset sets on every market that writes no
/// `partial_liquidation` (docs/MODEL.md, "Partial liquidation"): Hyperliquid's slice
/// (``PartialLiquidation``) or Binance's margin reduction (``MarginReduction``).
enum VenuePartialRule: Sendable, Equatable {
  case slice(PartialLiquidation)
  case reduce(MarginReduction)

  /// The rule as a scenario's `partial_liquidation` value, as `fundstress venues` lists it.
  var yaml: String {
    switch self {
    case .slice(let rule):
      "{share: \(rule.share), above: \(VenueMarginTiers.number(rule.above)), "
        + "cooldown_seconds: \(VenueMarginTiers.number(rule.cooldownSeconds))}"
    case .reduce(let rule):
      "{rule: reduce, fee: \(rule.fee), above: \(VenueMarginTiers.number(rule.above))}"
    }
  }
}
