import FundSimulation

/// A venue's fund scope, by symbol, resolved over a scenario's markets (docs/MODEL.md,
/// "Fund scopes"; docs/VENUES.md).
struct VenueFundScope: Sendable {
  enum Kind: Sendable {
    /// One fund for every market.
    case shared
    /// One fund per market.
    case perMarket
    /// One fund per group of the venue's symbols; the one empty group is every other market.
    case groups([[String]])
  }

  let kind: Kind
  let source: String

  /// The scenario's scope: `groups` matches markets by ``VenueSymbol``; a group that holds
  /// none of the scenario's markets is dropped, and a single group left is the shared fund.
  /// Funds without a written share get `nil` in `shares` (the split decides).
  func scope(symbols: [String]) -> FundScope {
    switch kind {
    case .shared: return .shared
    case .perMarket: return .perMarket
    case .groups(let named):
      var owner = Array(repeating: -1, count: symbols.count)
      for (g, group) in named.enumerated() where !group.isEmpty {
        for (k, symbol) in symbols.enumerated() where group.contains(where: { VenueSymbol.matches(symbol, $0) }) {
          owner[k] = g
        }
      }
      let rest = named.firstIndex(where: \.isEmpty)
      let funds = named.indices.compactMap { g -> [Int]? in
        let markets = symbols.indices.filter { owner[$0] == g || (owner[$0] < 0 && g == rest) }
        return markets.isEmpty ? nil : markets
      }
      guard funds.count > 1 else { return .shared }
      return .groups(funds.map { FundGroup(markets: $0, share: 1 / Double(funds.count)) })
    }
  }

  /// Whether the preset divides `fund.balance` by open interest (`fund.split:
  /// open-interest`): a venue's fund balances are not the scenario's, so its funds take the
  /// shares of the book's open interest.
  var splitsByOpenInterest: Bool {
    if case .shared = kind { return false }
    return true
  }

  /// The `fund.scope` value and, for groups, the `fund.groups` value as `fundstress venues`
  /// lists them.
  var parameters: [VenuePreset.Parameter] {
    switch kind {
    case .shared: return [.init("fund.scope", "shared", source)]
    case .perMarket:
      return [
        .init("fund.scope", "per-market", source),
        .init("fund.split", "open-interest", Self.splitSource),
      ]
    case .groups(let named):
      let text = named.map { $0.isEmpty ? "every other market" : $0.joined(separator: ", ") }
      return [
        .init("fund.scope", "groups", source),
        .init("fund.groups", text.joined(separator: " | "), "the same page; markets matched by symbol"),
        .init("fund.split", "open-interest", Self.splitSource),
      ]
    }
  }

  static let splitSource =
    "docs/MODEL.md, \"Fund scopes\": a venue's fund balances are not the scenario's, so fund.balance is "
    + "split by the book's open interest"
}
