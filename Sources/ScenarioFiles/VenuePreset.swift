import FundSimulation

/// A venue's rules as one key, `venue: NAME` (docs/VENUES.md): each preset sets the fund
/// and ADL keys below for the keys the scenario leaves out; a key written in the scenario
/// overrides its preset. Presets set only mechanics fundstress models; balances, books,
/// margin tiers (per market) and fund scopes are the scenario's.
public enum VenuePreset: String, Sendable, CaseIterable {
  case defx, nomoex, dydx, hyperliquid, binance, bybit, okx, drift, bitmex

  /// One preset value: the scenario key, its value as written in YAML, and its source.
  public struct Parameter: Sendable, Equatable {
    public let key: String
    public let value: String
    public let source: String
  }

  /// The preset's parameters, in the order `fundstress venues` lists them.
  public var parameters: [Parameter] {
    switch self {
    case .defx:
      [
        .init("fund.waterfall", "market-close", "docs/MODEL.md, \"Waterfall, market close\" (Defx)"),
        .init("adl.ranking", "pnl-leverage", "docs/MODEL.md, \"ADL\""),
      ]
    case .nomoex:
      [
        .init("fund.waterfall", "takeover", "docs/MODEL.md, \"Waterfall, takeover\" (NomoEx)"),
        .init("adl.ranking", "pnl-leverage", "docs/MODEL.md, \"ADL\""),
      ]
    case .dydx:
      [
        .init("fund.waterfall", "market-close", Self.dydxLiquidations),
        .init(
          "fund.fee_cap", "0.015",
          "MaxLiquidationFeePpm 15 000, dydxprotocol/v4-chain protocol/testing/genesis.sh (read 2026-12)"),
        .init(
          "fund.step_outflow_cap", "1.0e6",
          "MaxQuantumsInsuranceLost 1 000 000 USDC per subaccount and block, protocol/testing/genesis.sh "
            + "(read 2026-12); applied to the fund per step"),
        .init("adl.ranking", "random-walk", Self.dydxDeleveraging),
        .init("adl.close_price", "bankruptcy", Self.dydxDeleveraging),
      ]
    case .hyperliquid:
      [
        .init(
          "fund.waterfall", "market-close", "https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations"),
        .init("fund.fee_cap", "0", "\"no clearance fee\": the same page (read 2026-12)"),
        .init(
          "fund.backstop", "{share: 0.6667, capital: fund.balance}",
          "liquidator vault below 2/3 of maintenance margin: the same page (read 2026-12)"),
        .init("adl.ranking", "hyperliquid", Self.hyperliquidADL),
        .init("adl.close_price", "mark", Self.hyperliquidADL),
      ]
    case .binance:
      [
        .init("fund.waterfall", "takeover", Self.binanceFund),
        .init("fund.takeover_notional_cap", "1", Self.binanceFund),
        .init(
          "adl.ranking", "binance", "https://dev.binance.vision/t/how-to-caculating-leverage-pnl-quantile/17801"),
        .init("adl.close_price", "bankruptcy", "https://www.binance.com/en/support/faq/360033525471 (read 2026-12)"),
      ]
    case .bybit:
      [
        .init("fund.waterfall", "market-close", "https://www.bybit.com/en/help-center/article/Insurance-Fund"),
        .init("adl.ranking", "pnl-leverage", "https://help.bybit.com/hc/en-us/articles/900000031623 (read 2026-12)"),
        .init("adl.close_price", "bankruptcy", "the same page"),
        .init("adl.drawdown_trigger", "0.3", Self.bybitPools),
        .init("adl.drawdown_window_hours", "8", Self.bybitPools),
      ]
    case .okx:
      [
        .init("fund.waterfall", "market-close", Self.okxADL),
        .init("adl.ranking", "pnl-leverage", Self.okxADL),
        .init("adl.close_price", "mark", Self.okxADL),
        .init("adl.drawdown_trigger", "0.3", Self.okxADL),
        .init("adl.drawdown_window_hours", "8", Self.okxADL),
      ]
    case .drift:
      [
        .init(
          "fund.waterfall", "market-close",
          "drift-labs/protocol-v2 programs/drift/src/controller/liquidation.rs (read 2026-12)"),
        .init(
          "adl.ranking", "pro-rata",
          "calculate_funding_rate_deltas_to_resolve_bankruptcy, programs/drift/src/math/liquidation.rs"),
      ]
    case .bitmex:
      [
        .init("fund.waterfall", "market-close", Self.bitmexADL),
        .init("adl.ranking", "pnl-leverage", Self.bitmexADL),
        .init("adl.close_price", "bankruptcy", Self.bitmexADL),
      ]
    }
  }

  private static let dydxLiquidations =
    "dydxprotocol/v4-chain protocol/x/clob/keeper/liquidations.go, commit 002f3fa4 (read 2026-12)"
  private static let dydxDeleveraging =
    "dydxprotocol/v4-chain protocol/x/clob/keeper/deleveraging.go, commit 002f3fa4 (read 2026-12)"
  private static let hyperliquidADL =
    "https://hyperliquid.gitbook.io/hyperliquid-docs/trading/auto-deleveraging (read 2026-12)"
  private static let binanceFund = "https://www.binance.com/en/support/articles/360033525371 (read 2026-12)"
  private static let bybitPools = "https://bybit-exchange.github.io/docs/v5/market/adl-alert (read 2026-12)"
  private static let okxADL = "https://www.okx.com/help/iv-introduction-to-auto-deleveraging-adl (read 2026-12)"
  private static let bitmexADL = "https://www.bitmex.com/app/autoDeleveraging (read 2026-12)"

  /// Sets the preset's values on `fund` and `adl` where `written(key)` is false.
  func apply(to fund: inout FundRules, adl: inout ADLInput, written: (String) -> Bool) {
    for parameter in parameters where !written(parameter.key) {
      switch parameter.key {
      case "fund.waterfall": fund.waterfall = WaterfallMechanic(rawValue: parameter.value) ?? fund.waterfall
      case "fund.fee_cap": fund.feeCap = Double(parameter.value)
      case "fund.step_outflow_cap": fund.stepOutflowCap = Double(parameter.value)
      case "fund.takeover_notional_cap": fund.takeoverNotionalCap = Double(parameter.value)
      case "fund.backstop": fund.backstop = BackstopVault(share: 2.0 / 3, capital: fund.balance)
      case "adl.ranking": adl.ranking = ADLRanking(rawValue: parameter.value) ?? adl.ranking
      case "adl.close_price": adl.closePrice = ADLClosePrice(rawValue: parameter.value) ?? adl.closePrice
      case "adl.drawdown_trigger": adl.drawdownTrigger = Double(parameter.value)
      case "adl.drawdown_window_hours": adl.drawdownWindowHours = Double(parameter.value) ?? adl.drawdownWindowHours
      default: preconditionFailure("preset key \(parameter.key) has no field")
      }
    }
  }
}

extension VenuePreset.Parameter {
  init(_ key: String, _ value: String, _ source: String) {
    self.init(key: key, value: value, source: source)
  }
}

extension ScenarioLoader {
  /// The embedded default scenario under a venue preset: `venue: NAME` is added before the
  /// fund block and every line that sets a key of the preset is commented out, so the
  /// preset's value applies (a key left in would override it).
  public static func defaultYAML(venue: VenuePreset) -> String {
    let keys = Set(venue.parameters.map(\.key))
    var section = ""
    var lines: [String] = []
    for line in defaultYAML.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if let first = line.first, first != " ", first != "#", line.hasSuffix(":") {
        section = String(line.dropLast())
        if section == "fund" {
          lines.append(
            "venue: \(venue.rawValue)    # preset: fund and adl keys left out take its values (docs/VENUES.md)")
          lines.append("")
        }
      }
      let trimmed = line.drop { $0 == " " }
      if line.hasPrefix("  "), !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":"),
        keys.contains("\(section).\(trimmed[..<colon])")
      {
        lines.append("  # " + trimmed + "  (set by venue)")
      } else {
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }
}
