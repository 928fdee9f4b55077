/// How a venue's published symbols are matched with a scenario's markets: case-insensitive,
/// with the quote and contract suffixes a venue adds left out, so `BTC`, `btc`, `BTCUSDT`,
/// `BTC-USD`, `BTC/USDC`, `BTC-PERP` and `BTC-USDT-SWAP` all name BTC (docs/VENUES.md).
enum VenueSymbol {
  /// Contract suffixes, removed first (with a separator before them, or none).
  static let contractSuffixes = ["PERP", "SWAP"]
  /// Quote currencies, removed next; the longest first, so `BTCUSDT` is not read as `BTCUSD` + `T`.
  static let quoteSuffixes = ["USDT", "USDC", "BUSD", "USD"]
  static let separators: Set<Character> = ["-", "/", "_", ":"]

  /// `symbol` upper-cased without its contract and quote suffixes; the upper-cased symbol
  /// itself when removing them would leave nothing (a market named `USDC`).
  ///
  /// - Complexity: O(length of the symbol).
  static func base(_ symbol: String) -> String {
    let upper = symbol.uppercased()
    var base = Substring(upper)
    for suffixes in [contractSuffixes, quoteSuffixes] {
      if let suffix = suffixes.first(where: { base.hasSuffix($0) && base.count > $0.count }) {
        base = base.dropLast(suffix.count)
        while let last = base.last, separators.contains(last) { base = base.dropLast() }
      }
    }
    return base.isEmpty ? upper : String(base)
  }

  /// Whether a scenario's `symbol` is the venue's `published` symbol.
  static func matches(_ symbol: String, _ published: String) -> Bool {
    base(symbol) == base(published)
  }
}
