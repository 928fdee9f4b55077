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
/// depletion threshold is its share of `depletion_threshold`. `split: open-interest`
/// (``FundSplit``) divides the balance by the book's open interest instead, and makes a
/// group's `share` optional.
extension ScenarioParser {
  static let fundGroupKeys = ["markets", "share"]

  /// The scope as written, or `nil` when neither `scope` nor `groups` is written; under
  /// `split: open-interest` a group's `share` is optional and the funds without one are
  /// returned for resolution once the book is loaded (``OpenInterestSplit``).
  func parseFundScope(
    _ fund: YAMLMapping, symbols: [String], split: FundSplit
  ) throws -> (
    FundScope, OpenInterestSplit?
  )? {
    guard fund.contains("scope") || fund.contains("groups") else { return nil }
    let names = ["shared", "per-market", "groups"]
    let scope = try fund.choice("scope", names, default: "shared")
    let groupsValue = fund.optional("groups")
    guard scope == "groups" else {
      if let groupsValue {
        throw document.error(
          "fund.groups", at: groupsValue.mark, "is set with scope \(scope)",
          fix: "set `scope: groups` to use the groups, or remove them")
      }
      return scope == "per-market" ? Self.split(.perMarket, markets: symbols.count, split) : (.shared, nil)
    }
    guard let groupsValue else {
      throw document.error(
        "fund.groups", at: fund.value.mark, "is missing with scope groups",
        fix: "list the funds: `groups: [{markets: [BTC, ETH], share: 0.7}, {markets: [SOL], share: 0.3}]`")
    }
    var written: [Double?] = []
    let groups = try groupsValue.items(expected: "a list of groups").map { item in
      let group = try item.mapping(allowedKeys: Self.fundGroupKeys)
      let markets = try group.required("markets", fix: "the symbols this fund covers, e.g. [BTC, ETH]")
        .items(expected: "a list of symbols").map { symbols.firstIndex(of: try $0.choice(symbols))! }
      let share =
        split == .openInterest
        ? try group.optionalNumber("share")
        : try group.number("share", fix: "this fund's share of fund.balance, e.g. 0.5 (shares sum to 1)")
      written.append(share)
      return FundGroup(markets: markets, share: share ?? 0)
    }
    return (.groups(groups), split == .openInterest ? OpenInterestSplit(written: written) : nil)
  }

  /// `fund.split`, or `nil` when it is not written.
  func parseFundSplit(_ fund: YAMLMapping) throws -> FundSplit? {
    try fund.optional("split").map { FundSplit(rawValue: try $0.choice(FundSplit.allCases.map(\.rawValue)))! }
  }

  /// `scope` with the funds to resolve by open interest under `split`: every fund of a
  /// scope whose shares are not written (per-market; a venue's groups).
  static func split(_ scope: FundScope, markets: Int, _ split: FundSplit) -> (FundScope, OpenInterestSplit?) {
    guard split == .openInterest, let funds = scope.funds(markets: markets) else { return (scope, nil) }
    return (scope, OpenInterestSplit(written: Array(repeating: nil, count: funds.count)))
  }
}
