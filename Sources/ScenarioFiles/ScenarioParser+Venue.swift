import FundSimulation
import PricePaths

/// `venue: NAME` (``VenuePreset``): the preset's values for every key the scenario leaves
/// out; a key written in the scenario overrides its preset (docs/VENUES.md).
extension ScenarioParser {
  /// Applies `preset` to the fund and ADL keys, the fund scope (with `fund.groups`) and each
  /// market's `margin_tiers` and `partial_liquidation` that the scenario does not write
  /// (`fundBlock`: the scenario's `fund` block, as read).
  /// The preset's groups under `split` follow the book's open interest or divide the
  /// balance equally (``VenueFundScope``).
  func applyPreset(
    _ preset: VenueRules, top: YAMLMapping, fundBlock: YAMLMapping, fund: inout FundRules, adl: inout ADLInput,
    scope: inout FundScope, openInterestSplit: inout OpenInterestSplit?, split: FundSplit, markets: [MarketModel],
    rules: inout [MarketRules]
  ) throws {
    let writtenADL = try top.optional("adl")?.mapping(allowedKeys: Self.adlKeys)
    preset.apply(to: &fund, adl: &adl) { key in
      key.hasPrefix("fund.")
        ? fundBlock.contains(String(key.dropFirst(5))) : writtenADL?.contains(String(key.dropFirst(4))) ?? false
    }
    if !fundBlock.contains("scope") && !fundBlock.contains("groups") {
      (scope, openInterestSplit) = Self.split(
        preset.scope.scope(symbols: markets.map(\.symbol)), markets: markets.count, split)
    }
    let blocks = try top.required("markets", fix: "a list of markets").items(expected: "a list of markets")
    for (k, item) in blocks.enumerated() {
      let block = try item.mapping(allowedKeys: Self.marketKeys)
      preset.apply(to: &rules[k], symbol: markets[k].symbol, written: block.contains)
    }
  }
}
