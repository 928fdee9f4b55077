import FundSimulation

/// `fund.split`: how the funds of a scope other than shared divide `fund.balance`
/// (docs/MODEL.md, "Fund scopes").
///
/// ```yaml
/// fund:
///   balance: 1.0e7
///   scope: per-market
///   split: open-interest     # or equal (default): 1/M per market, groups their written shares
/// ```
///
/// * `equal` (the default): each of `M` per-market funds gets `1/M`; groups write their shares.
/// * `open-interest`: every fund without a written `share` gets the rest of the balance,
///   `1 − Σ written shares`, in proportion to its markets' open interest in the book (long
///   plus short notional at the initial prices). The book is known only once it is loaded,
///   so the shares are resolved then (``OpenInterestSplit``); `run.json` records them.
///   Under the shared scope there is one fund and the split changes nothing.
enum FundSplit: String, CaseIterable, Sendable {
  case equal
  case openInterest = "open-interest"
}

/// The funds of a scope whose shares follow the book's open interest, resolved once the
/// book is loaded (``FundSplit/openInterest``).
struct OpenInterestSplit: Equatable, Sendable {
  /// Each fund's written share, in the fund order of ``FundScope/funds(markets:)``; `nil`
  /// where the open interest decides.
  var written: [Double?]

  /// Why the shares cannot be resolved.
  enum Problem: Error, Equatable {
    /// The written shares leave nothing (their total) for the other funds.
    case nothingLeft(written: Double)
    /// Fund `fund` (without a written share) has no open interest in the book.
    case withoutOpenInterest(fund: Int)
  }

  /// `scope` as groups with every share resolved: a written share is kept; fund `g` without
  /// one gets `(1 − Σ written) × OIₘ / Σ OI` over the funds without one, `OIₘ` the open
  /// interest of its markets (`openInterest`, per market).
  ///
  /// - Throws: ``Problem`` when the written shares leave nothing, or a fund without a
  ///   written share has no open interest (it would start with no balance).
  /// - Complexity: O(markets).
  func resolve(_ scope: FundScope, openInterest: [Double]) throws -> FundScope {
    guard let funds = scope.funds(markets: openInterest.count), funds.count == written.count else { return scope }
    let fixed = written.reduce(0) { $0 + ($1 ?? 0) }
    let rest = 1 - fixed
    var interest = funds.map { fund in fund.markets.reduce(0) { $0 + openInterest[$1] } }
    var total = 0.0
    for g in funds.indices where written[g] == nil {
      guard interest[g] > 0 else { throw Problem.withoutOpenInterest(fund: g) }
      total += interest[g]
    }
    guard total == 0 || rest > 0 else { throw Problem.nothingLeft(written: fixed) }
    for g in funds.indices where written[g] == nil { interest[g] = rest * interest[g] / total }
    return .groups(funds.indices.map { FundGroup(markets: funds[$0].markets, share: written[$0] ?? interest[$0]) })
  }
}
