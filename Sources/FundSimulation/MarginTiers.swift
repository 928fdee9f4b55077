/// Maintenance margin by notional bracket (Hyperliquid, Binance, Bybit and OKX publish such
/// tiers): a market's `maintenance_margin` `r₀` applies from notional 0, and each further
/// tier `n` applies its rate `rₙ` from its notional floor `Lₙ` up:
///
///     MM(N) = N·rₙ − dₙ   for Lₙ ≤ N < Lₙ₊₁,   d₀ = 0,   dₙ = dₙ₋₁ + Lₙ·(rₙ − rₙ₋₁)
///
/// The deduction `dₙ` makes `MM` continuous in the position's notional `N = q·P`, so a
/// larger position needs more margin per unit of notional only on its notional above each
/// floor. Source: https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers
/// (read 2026-12): "maintenance_margin = notional_position_value * maintenance_margin_rate −
/// maintenance_deduction" with the deduction defined as above; Binance's "maintenance
/// amount" is the same deduction (https://www.binance.com/en/futures/trading-rules/perpetual/leverage-margin).
///
/// The notional is taken at the price being tested, so the liquidation price solves
/// `M + s·q·(P − E) = MM(q·P)` (docs/MODEL.md, "Positions and prices").
public struct MarginTier: Sendable, Equatable, Codable {
  /// The notional `Lₙ` (margin currency) from which the tier applies.
  public var notionalFloor: Double
  /// The maintenance-margin rate `rₙ` of the tier.
  public var rate: Double

  public init(notionalFloor: Double, rate: Double) {
    self.notionalFloor = notionalFloor
    self.rate = rate
  }
}

/// A market's tiers with their deductions, from the base rate up.
struct MarginSchedule: Sendable {
  /// Floors `L₀ = 0, L₁, …`, rates `r₀, r₁, …` and deductions `d₀ = 0, d₁, …`.
  let floors: [Double]
  let rates: [Double]
  let deductions: [Double]

  init(baseRate: Double, tiers: [MarginTier]) {
    var floors = [0.0]
    var rates = [baseRate]
    var deductions = [0.0]
    for tier in tiers {
      deductions.append(deductions[deductions.count - 1] + tier.notionalFloor * (tier.rate - rates[rates.count - 1]))
      floors.append(tier.notionalFloor)
      rates.append(tier.rate)
    }
    self.floors = floors
    self.rates = rates
    self.deductions = deductions
  }

  /// `MM(N)`.
  func maintenanceMargin(notional n: Double) -> Double {
    var k = 0
    while k + 1 < floors.count && n >= floors[k + 1] { k += 1 }
    return n * rates[k] - deductions[k]
  }

  /// The price at which equity equals `MM(q·P)`: in tier `n`, `Pₙ = (Pb − s·dₙ/q)/(1 − s·rₙ)`
  /// (long `(Pb − dₙ/q)/(1 − rₙ)`, short `(Pb + dₙ/q)/(1 + rₙ)`), the one whose notional
  /// `q·Pₙ` lies in its tier. Equity minus `MM` is monotone in `P` (slope `s·q − q·rₙ`, rates
  /// below 1), so exactly one tier holds the root. A long with no positive root is never
  /// liquidated (0 or less is returned).
  ///
  /// - Complexity: O(tiers).
  func liquidationPrice(of p: Position) -> Double {
    let s = p.side.sign
    let pb = p.bankruptcyPrice
    for k in rates.indices {
      let price = (pb - s * deductions[k] / p.size) / (1 - s * rates[k])
      let notional = p.size * price
      let upper = k + 1 < floors.count ? floors[k + 1] : .infinity
      if notional < upper && (notional >= floors[k] || k == 0) { return price }
    }
    return p.liquidationPrice(maintenanceMargin: rates[0])
  }
}

extension MarketRules {
  /// The liquidation price of `position` under this market's margin: the flat rate
  /// (``Position/liquidationPrice(maintenanceMargin:)``) without tiers, the tiered schedule
  /// (``MarginTier``) with them.
  public func liquidationPrice(of position: Position) -> Double {
    guard !marginTiers.isEmpty else { return position.liquidationPrice(maintenanceMargin: maintenanceMargin) }
    return MarginSchedule(baseRate: maintenanceMargin, tiers: marginTiers).liquidationPrice(of: position)
  }
}
