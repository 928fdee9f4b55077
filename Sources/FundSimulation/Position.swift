/// The side of a position: `+1` long, `−1` short.
public enum Side: Int8, Sendable, Codable, CaseIterable {
  case long = 1
  case short = -1

  /// `s` in the formulas: +1 for long, −1 for short.
  @inlinable public var sign: Double { Double(rawValue) }
  public var opposite: Side { self == .long ? .short : .long }
  public var name: String { self == .long ? "long" : "short" }
}

/// An isolated-margin position in a linear, margin-currency-settled perpetual (docs/MODEL.md,
/// "Positions and prices").
public struct Position: Sendable, Equatable, Codable {
  /// The account that holds it (free text from the positions file).
  public var account: String
  /// Index of the market in the scenario's market list.
  public var market: Int
  public var side: Side
  /// Size `q > 0` in base units.
  public var size: Double
  /// Entry price `E > 0`.
  public var entryPrice: Double
  /// Isolated margin `M > 0` in the margin currency.
  public var margin: Double

  public init(account: String, market: Int, side: Side, size: Double, entryPrice: Double, margin: Double) {
    self.account = account
    self.market = market
    self.side = side
    self.size = size
    self.entryPrice = entryPrice
    self.margin = margin
  }

  /// Equity at price `p`: `M + s·q·(p − E)`.
  @inlinable public func equity(at price: Double) -> Double {
    margin + side.sign * size * (price - entryPrice)
  }

  /// The bankruptcy price `Pb`, where equity is zero: long `E − M/q`, short `E + M/q`.
  @inlinable public var bankruptcyPrice: Double {
    FundSimulation.bankruptcyPrice(side: side, entryPrice: entryPrice, margin: margin, size: size)
  }

  /// The liquidation price `Pl` for maintenance-margin rate `m`.
  @inlinable public func liquidationPrice(maintenanceMargin m: Double) -> Double {
    FundSimulation.liquidationPrice(side: side, bankruptcyPrice: bankruptcyPrice, maintenanceMargin: m)
  }

  /// Notional at the entry price, `q·E`.
  public var entryNotional: Double { size * entryPrice }
}

/// Bankruptcy price of an isolated position: `Pb = E − s·M/q` (long `E − M/q`, short
/// `E + M/q`). Equity `M + s·q·(P − E)` is zero there.
///
/// Domain: `q > 0`. A long with `M ≥ q·E` has `Pb ≤ 0` and can never be liquidated.
@inlinable
public func bankruptcyPrice(side: Side, entryPrice: Double, margin: Double, size: Double) -> Double {
  entryPrice - side.sign * margin / size
}

/// Liquidation price, where equity equals the maintenance requirement `m·q·P`:
/// long `Pl = Pb/(1 − m)`, short `Pl = Pb/(1 + m)` (docs/MODEL.md, "Positions and prices").
///
/// Check (Hyperliquid's documented example): long 1 BTC at 100 000 with margin 10 000 and
/// `m = 1.25%`: `Pb = 90 000`, `Pl = 90 000 / 0.9875 = 91 139.24`.
/// A long with `Pb ≤ 0` returns a non-positive price: never liquidated.
@inlinable
public func liquidationPrice(side: Side, bankruptcyPrice pb: Double, maintenanceMargin m: Double) -> Double {
  side == .long ? pb / (1 - m) : pb / (1 + m)
}
