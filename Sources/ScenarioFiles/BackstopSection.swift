import FundSimulation

/// `fund.backstop`: the backstop vault (``BackstopVault``), market close only.
///
/// ```yaml
/// fund:
///   backstop:
///     share: 0.6667       # takes over below this share of the maintenance margin (Hyperliquid 2/3)
///     capital: 5.0e6      # the vault's capital: the most it can lose on a path
///     loss_cap: 2.0e6     # optional: the loss at which ADL takes over (default: the capital)
/// ```
extension ScenarioParser {
  static let backstopKeys = ["share", "capital", "loss_cap"]

  func parseBackstop(_ fund: YAMLMapping) throws -> BackstopVault? {
    guard let value = fund.optional("backstop"), !value.isNull else { return nil }
    let block = try value.mapping(allowedKeys: Self.backstopKeys)
    return BackstopVault(
      share: try block.number("share", default: 2.0 / 3),
      capital: try block.number("capital", fix: "the vault's capital in the margin currency, e.g. 5.0e6"),
      lossCap: try block.optionalNumber("loss_cap"))
  }
}
