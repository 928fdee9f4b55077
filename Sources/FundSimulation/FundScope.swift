import PricePaths

/// Which markets share an insurance fund (docs/MODEL.md, "Fund scopes").
///
/// * ``shared``: one fund for every market of the margin currency (the default; dYdX v4's
///   cross markets share the module account `insurance_fund`).
/// * ``perMarket``: one fund per market (OKX keeps insurance funds separate by business
///   line, underlying and settlement currency,
///   https://www.okx.com/help/iv-introduction-to-auto-deleveraging-adl, read 2026-12;
///   BitMEX per contract, https://bitmex.com/app/autoDeleveraging, read 2026-12).
/// * ``groups(_:)``: one fund per group of markets (Bybit's portfolio pools of up to 9
///   correlated contracts, from 19 Dec 2025,
///   https://bybit-exchange.github.io/docs/v5/market/adl-alert, read 2026-12; dYdX v4's
///   isolated markets, each with its own `insurance_fund:<perpetualId>` beside the cross
///   markets' shared one, dydxprotocol/v4-chain `x/perpetuals/keeper/perpetual.go`
///   `GetInsuranceFundName`, read 2026-12).
///
/// Each fund starts with its share of ``FundRules/balance`` and of
/// ``FundRules/depletionThreshold``, and has its own drawdown trigger and outflow caps, so
/// the total starts at `balance` whatever the scope and `fundstress size` and sweeps over
/// the balance scale every fund together. A loss in one market is paid only by its fund.
public enum FundScope: Sendable, Equatable, Codable {
  case shared
  /// One fund per market, each with `1/M` of the balance and threshold.
  case perMarket
  /// One fund per group; every market in exactly one group.
  case groups([FundGroup])

  /// The scope's name in docs/MODEL.md: `shared`, `per-market` or `groups`.
  public var name: String {
    switch self {
    case .shared: return "shared"
    case .perMarket: return "per-market"
    case .groups: return "groups"
    }
  }

  /// The funds, or `nil` for the one shared fund.
  public func funds(markets: Int) -> [FundGroup]? {
    switch self {
    case .shared: return nil
    case .perMarket: return (0..<markets).map { FundGroup(markets: [$0], share: 1 / Double(markets)) }
    case .groups(let groups): return groups
    }
  }

  /// Checks that every market `0..<markets` is in exactly one fund and the shares are
  /// positive and sum to 1 (within 1e-9).
  public func validate(markets: Int) throws {
    guard let funds = funds(markets: markets) else { return }
    var owner = Array(repeating: -1, count: markets)
    for (g, fund) in funds.enumerated() {
      guard fund.share.isFinite, fund.share > 0 else {
        throw FundRuleError.groupShare(group: g, share: fund.share)
      }
      guard !fund.markets.isEmpty else {
        throw FundRuleError.groupWithoutMarkets(group: g)
      }
      for k in fund.markets {
        guard (0..<markets).contains(k) else {
          throw FundRuleError.groupMarketUnknown(group: g, market: k, markets: markets)
        }
        guard owner[k] < 0 else {
          throw FundRuleError.groupMarketTwice(group: g, market: k, firstGroup: owner[k])
        }
        owner[k] = g
      }
    }
    if let k = owner.firstIndex(of: -1) {
      throw FundRuleError.marketWithoutFund(market: k)
    }
    let total = funds.reduce(0) { $0 + $1.share }
    guard abs(total - 1) <= 1e-9 else {
      throw FundRuleError.groupSharesSum(total)
    }
  }
}

/// One fund of a ``FundScope``: the markets it covers (indices) and its share of the
/// balance and threshold.
public struct FundGroup: Sendable, Equatable, Codable {
  public var markets: [Int]
  public var share: Double

  public init(markets: [Int], share: Double) {
    self.markets = markets
    self.share = share
  }
}
