import FundSimulation

/// `fund.scope` and `fund.groups`: which markets share an insurance fund (``FundScope``,
/// docs/MODEL.md, "Fund scopes").
///
/// ```yaml
/// fund:
///   balance: 1.0e7
///   scope: groups               # shared (default), per-market, or groups
///   groups:                     # groups only: every market in exactly one group
///     - {markets: [BTC, ETH], share: 0.7}   # this fund starts with 0.7 × balance
///     - {markets: [SOL], share: 0.3}        # shares sum to 1
/// ```
///
/// Under `per-market` each market's fund starts with `balance / M`; under both, each fund's
/// depletion threshold is its share of `depletion_threshold`.
extension ScenarioParser {
  static let fundGroupKeys = ["markets", "share"]

  func parseFundScope(_ fund: YAMLMapping, symbols: [String]) throws -> FundScope {
    let names = ["shared", "per-market", "groups"]
    let scope = try fund.choice("scope", names, default: "shared")
    let groupsValue = fund.optional("groups")
    guard scope == "groups" else {
      if let groupsValue {
        throw document.error(
          "fund.groups", at: groupsValue.mark, "is set with scope \(scope)",
          fix: "set `scope: groups` to use the groups, or remove them")
      }
      return scope == "per-market" ? .perMarket : .shared
    }
    guard let groupsValue else {
      throw document.error(
        "fund.groups", at: fund.value.mark, "is missing with scope groups",
        fix: "list the funds: `groups: [{markets: [BTC, ETH], share: 0.7}, {markets: [SOL], share: 0.3}]`")
    }
    let groups = try groupsValue.items(expected: "a list of groups").map { item in
      let group = try item.mapping(allowedKeys: Self.fundGroupKeys)
      let markets = try group.required("markets", fix: "the symbols this fund covers, e.g. [BTC, ETH]")
        .items(expected: "a list of symbols").map { symbols.firstIndex(of: try $0.choice(symbols))! }
      return FundGroup(
        markets: markets,
        share: try group.number("share", fix: "this fund's share of fund.balance, e.g. 0.5 (shares sum to 1)"))
    }
    return .groups(groups)
  }
}
