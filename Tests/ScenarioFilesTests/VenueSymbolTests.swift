import FundSimulation
import Testing

@testable import ScenarioFiles

/// A venue's symbols match a scenario's markets case-insensitively, without quote and
/// contract suffixes (docs/VENUES.md).
@Suite("VenueSymbol")
struct VenueSymbolTests {
  @Test func suffixesAndCase() {
    for symbol in ["BTC", "btc", "BTCUSDT", "BTC-USD", "BTC/USDC", "BTC-PERP", "BTC-USDT-SWAP", "btc_usdt", "BTCPERP"] {
      #expect(VenueSymbol.base(symbol) == "BTC", "\(symbol)")
    }
    #expect(VenueSymbol.matches("kpepe-usd", "kPEPE"))
    #expect(VenueSymbol.matches("ETHUSDT", "ETH"))
    // Another contract, not BTC; a symbol that is only a quote currency keeps its name.
    #expect(!VenueSymbol.matches("BTCDOM", "BTC"))
    #expect(!VenueSymbol.matches("WBTC", "BTC"))
    #expect(VenueSymbol.base("USDC") == "USDC")
  }

  /// Binance's funds: BTC, ETH and every other market, by symbol; a group with none of the
  /// scenario's markets is dropped, and one fund left is the shared fund.
  @Test func binanceGroups() {
    let scope = VenueRules.binance.scope
    let third = 1.0 / 3
    let four: [FundGroup] = [
      FundGroup(markets: [2], share: third), FundGroup(markets: [1], share: third),
      FundGroup(markets: [0, 3], share: third),
    ]
    #expect(scope.scope(symbols: ["SOLUSDT", "ETHUSDT", "BTCUSDT", "XRP"]) == .groups(four))
    let two: [FundGroup] = [FundGroup(markets: [0], share: 0.5), FundGroup(markets: [1], share: 0.5)]
    #expect(scope.scope(symbols: ["BTC", "SOL"]) == .groups(two))
    #expect(scope.scope(symbols: ["SOL", "XRP"]) == .shared)
  }
}
