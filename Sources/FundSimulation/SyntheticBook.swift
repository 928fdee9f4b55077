import Foundation
import PricePaths
import RealModule

/// A synthetic position book: per market, `positionsPerMarket` positions whose long and
/// short notionals each add up to the market's open interest.
///
/// Each position draws a side (long with probability `longShare`), a leverage log-uniform
/// on [`minLeverage`, min(`maxLeverage`, market max)], a lognormal notional weight
/// (`sizeDispersion` is σ of its log) and an entry price `price · exp(entryDispersion · Z)`,
/// so positions carry profit and loss. Margin is `q·E / leverage`. A draw already at or past
/// its liquidation price at the initial price is redrawn. Sizes are then scaled per side
/// so long and short open interest both equal the market's `openInterest` (every contract
/// has two sides).
///
/// A book holds at most ``maximumPositionsPerMarket`` positions per market and
/// ``maximumPositions`` in all (``validate(symbols:rules:)``).
public struct SyntheticBook: Sendable, Equatable, Codable {
  public var positionsPerMarket: Int
  /// Open interest per market symbol: notional of one side at the initial price.
  public var openInterest: [String: Double]
  public var minLeverage: Double
  public var maxLeverage: Double
  public var longShare: Double
  public var entryDispersion: Double
  public var sizeDispersion: Double

  public init(
    positionsPerMarket: Int, openInterest: [String: Double], minLeverage: Double = 2, maxLeverage: Double = 50,
    longShare: Double = 0.5, entryDispersion: Double = 0.03, sizeDispersion: Double = 1.5
  ) {
    self.positionsPerMarket = positionsPerMarket
    self.openInterest = openInterest
    self.minLeverage = minLeverage
    self.maxLeverage = maxLeverage
    self.longShare = longShare
    self.entryDispersion = entryDispersion
    self.sizeDispersion = sizeDispersion
  }

  /// The most positions one market may draw (`book.synthetic.positions_per_market`).
  public static let maximumPositionsPerMarket = 1_000_000

  /// The most positions the whole book may hold: `positions_per_market` times the markets
  /// with open interest above 0. Ten million positions take about 0.6 GB as ``Position``s
  /// alone, and the simulation keeps further per-position arrays; 300 markets of a million
  /// positions each (16.8 GB) are refused instead of exhausting memory.
  public static let maximumPositions = 10_000_000

  /// How far (as a fraction of the price) a drawn position's liquidation price must be from
  /// the initial price; closer draws are redrawn.
  public static let minimumStartingDistance = 0.001

  /// The leverage at and above which a position opened at the initial price starts within
  /// ``minimumStartingDistance`` `d` of its liquidation price, so the draw would redraw it:
  /// `1/(d + (1 + d)·m)`. From the short's `Pl = P·(1 + 1/L)/(1 + m) > P·(1 + d)`, which binds
  /// before the long's `Pl = P·(1 − 1/L)/(1 − m) < P·(1 − d)`.
  public static func redrawnLeverage(maintenanceMargin m: Double) -> Double {
    let d = minimumStartingDistance
    return 1 / (d + (1 + d) * m)
  }

  /// The least share of a market's leverage range (in log) that must lie below
  /// ``redrawnLeverage(maintenanceMargin:)``: below it nearly every draw would be redrawn.
  public static let minimumFeasibleShare = 0.01

  /// The share of the log-uniform leverage range `[lower, upper]` in which a position opened
  /// at the initial price starts more than ``minimumStartingDistance`` from its liquidation
  /// price:
  ///
  ///     share = log(min(upper, L*) / lower) / log(upper / lower),   L* = redrawnLeverage(m)
  ///
  /// 0 when `lower ≥ L*`; 1 when `upper ≤ L*` (also for `lower = upper < L*`).
  ///
  /// Derived from the draw's rule: with entry `E = P`, a short is kept iff
  /// `P·(1 + 1/L)/(1 + m) > P·(1 + d)`, that is `L < L* = 1/(d + (1 + d)·m)`, and a long iff
  /// `P·(1 − 1/L)/(1 − m) < P·(1 − d)`, that is `L < 1/(d + (1 − d)·m)`, a larger bound. So
  /// `share` is the chance that a short drawn at the price is kept, and at most a long's.
  /// With entry dispersion `σ > 0` a draw at `L < L*` is kept with probability above 1/2 on
  /// either side (its entry only needs to fall on the price's side of a bound beyond it), so
  /// whatever `σ` and `long_share`, a draw is kept with probability at least `share / 2`:
  /// a kept position costs on average at most `2 / share` draws.
  public static func feasibleShare(lower: Double, upper: Double, maintenanceMargin m: Double) -> Double {
    let limit = redrawnLeverage(maintenanceMargin: m)
    guard lower < limit else { return 0 }
    guard upper > limit else { return 1 }
    return Double.log(limit / lower) / Double.log(upper / lower)
  }

  /// Checks the parameters against the scenario's markets, naming the key of the first
  /// problem.
  ///
  /// The markets' own rules come first (``MarketRules/validate(index:)``): the draw is
  /// bounded by them, and a `max_leverage` of 0 or a `maintenance_margin` outside (0, 1)
  /// would keep it redrawing forever. Then, in every market with open interest, the leverage
  /// range as drawn (`[min, max]` capped by the market's `max_leverage`) is refused when
  /// nearly every position drawn in it would start at its liquidation price — the draw would
  /// redraw nearly every position, might never finish, and would keep more longs than shorts
  /// (a long is kept up to a slightly higher leverage):
  ///
  /// * a range wholly at or above ``redrawnLeverage(maintenanceMargin:)``, at `leverage.min`
  ///   (or at the market's `max_leverage` when that cap is the lowest leverage);
  /// * a range with less than ``minimumFeasibleShare`` of it below
  ///   (``feasibleShare(lower:upper:maintenanceMargin:)``), at `leverage`, quoting a `max`
  ///   (or `min`) that is accepted.
  public func validate(symbols: [String], rules: [MarketRules]) throws {
    precondition(symbols.count == rules.count, "one rule set per market")
    for (k, rule) in rules.enumerated() { try rule.validate(index: k) }
    try validate(symbols: symbols)
    for (k, rule) in rules.enumerated() where (openInterest[symbols[k]] ?? 0) > 0 {
      // As drawn: log-uniform on [lower, upper].
      let upper = min(maxLeverage, rule.maxLeverage)
      let lower = min(minLeverage, upper)
      let m = rule.maintenanceMargin
      let limit = Self.redrawnLeverage(maintenanceMargin: m)
      guard lower < limit else {
        throw SyntheticBookError.noLeverageBelowLimit(
          symbol: symbols[k], market: k, bookMinimum: lower == minLeverage, limit: limit, maintenanceMargin: m)
      }
      let share = Self.feasibleShare(lower: lower, upper: upper, maintenanceMargin: m)
      guard share >= Self.minimumFeasibleShare else {
        // How to bring at least `t` of the range below `limit` `L*`: the top at most
        // `lower·(L*/lower)^(1/t)`, or the floor at most `exp((log L* − t·log upper)/(1 − t))`
        // when that is 1 or more.
        let t = Self.minimumFeasibleShare
        let floor = Double.exp((Double.log(limit) - t * Double.log(upper)) / (1 - t))
        throw SyntheticBookError.fewFeasibleDraws(
          symbol: symbols[k], share: share, lower: lower, upper: upper, limit: limit, maintenanceMargin: m,
          bookMaximum: upper == maxLeverage, maxAtMost: Self.quoted(lower * Double.pow(limit / lower, 1 / t)),
          minAtMost: floor >= 1 ? Self.quoted(floor) : nil)
      }
    }
  }

  /// `x > 0` rounded down to four significant digits, so that the quoted value is itself
  /// accepted.
  static func quoted(_ x: Double) -> Double {
    QuotedLimit.roundedDown(x, significantDigits: 4)
  }

  /// Checks the parameters on their own: `positions_per_market` between 1 and
  /// ``maximumPositionsPerMarket`` and at most ``maximumPositions`` over the markets with
  /// open interest, an open interest for every market, leverage, shares and dispersions in
  /// range.
  func validate(symbols: [String]) throws {
    guard (1...Self.maximumPositionsPerMarket).contains(positionsPerMarket) else {
      throw SyntheticBookError.positionsPerMarket(positionsPerMarket)
    }
    for symbol in openInterest.keys.sorted() where !symbols.contains(symbol) {
      throw SyntheticBookError.openInterestUnknownMarket(symbol: symbol, markets: symbols)
    }
    for symbol in symbols {
      guard let oi = openInterest[symbol] else {
        throw SyntheticBookError.openInterestMissing(symbol: symbol)
      }
      guard oi.isFinite, oi >= 0 else {
        throw SyntheticBookError.openInterest(symbol: symbol, notional: oi)
      }
      guard MoneyLimit.admits(oi) else {
        throw SyntheticBookError.openInterestAboveLimit(symbol: symbol, notional: oi)
      }
    }
    let drawnMarkets = symbols.filter { openInterest[$0, default: 0] > 0 }.count
    let total = drawnMarkets * positionsPerMarket
    guard total <= Self.maximumPositions else {
      throw SyntheticBookError.tooManyPositions(perMarket: positionsPerMarket, markets: drawnMarkets)
    }
    guard minLeverage.isFinite, minLeverage >= 1, maxLeverage.isFinite, maxLeverage >= minLeverage else {
      throw SyntheticBookError.leverageRange(min: minLeverage, max: maxLeverage)
    }
    guard longShare.isFinite, longShare > 0, longShare < 1 else {
      throw SyntheticBookError.longShare(longShare)
    }
    guard entryDispersion.isFinite, (0...1).contains(entryDispersion) else {
      throw SyntheticBookError.entryDispersion(entryDispersion)
    }
    guard sizeDispersion.isFinite, (0...5).contains(sizeDispersion) else {
      throw SyntheticBookError.sizeDispersion(sizeDispersion)
    }
  }

  /// The most draws one market may take: 1000 per position plus 100 000.
  ///
  /// A validated book keeps a draw with probability at least ``minimumFeasibleShare``/2
  /// (``feasibleShare(lower:upper:maintenanceMargin:)``): at most 200 draws per kept position
  /// on average, so it reaches this limit with probability below `e⁻¹⁶⁰` (Chernoff: `n`
  /// positions need `n` kept of at least `5n + 500` expected). The limit stops a book drawn
  /// without ``validate(symbols:rules:)`` from redrawing for ever.
  public var drawLimit: Int { 1000 * positionsPerMarket + 100_000 }

  /// Draws the book.
  ///
  /// Call ``validate(symbols:rules:)`` first: with a leverage floor at or above
  /// ``redrawnLeverage(maintenanceMargin:)`` and no entry dispersion, every draw is redrawn.
  ///
  /// - Throws: ``SyntheticBookError/drawLimit(symbol:kept:wanted:draws:limit:)`` when a market takes more than
  ///   ``drawLimit`` draws (never for a validated book, in practice).
  /// - Complexity: O(markets × positionsPerMarket); room is reserved for the markets with
  ///   open interest only.
  public func draw<G: RandomNumberGenerator>(
    markets: [MarketModel], rules: [MarketRules], using rng: inout G
  ) throws -> [Position] {
    var book: [Position] = []
    book.reserveCapacity(markets.lazy.filter { openInterest[$0.symbol, default: 0] > 0 }.count * positionsPerMarket)
    for (k, market) in markets.enumerated() {
      let oi = openInterest[market.symbol] ?? 0
      guard oi > 0 else { continue }
      let m = rules[k].maintenanceMargin
      let upper = min(maxLeverage, rules[k].maxLeverage)
      let lower = min(minLeverage, upper)
      let logSpan = Double.log(upper / lower)
      var drawn: [Position] = []
      drawn.reserveCapacity(positionsPerMarket)
      var draws = 0
      while drawn.count < positionsPerMarket {
        guard draws < drawLimit else {
          throw SyntheticBookError.drawLimit(
            symbol: market.symbol, kept: drawn.count, wanted: positionsPerMarket, draws: draws,
            limit: Self.redrawnLeverage(maintenanceMargin: m))
        }
        draws += 1
        let side: Side = uniform(&rng) < longShare ? .long : .short
        let leverage = lower * Double.exp(logSpan * uniform(&rng))
        let weight = Double.exp(sizeDispersion * ZigguratNormal.next(using: &rng))
        let entry = market.price * Double.exp(entryDispersion * ZigguratNormal.next(using: &rng))
        let size = weight / market.price
        // Named below, once kept: a redrawn position costs no string.
        let position = Position(
          account: "", market: k, side: side, size: size, entryPrice: entry, margin: size * entry / leverage)
        let pl = rules[k].liquidationPrice(of: position)
        let distance = Self.minimumStartingDistance
        let safe = side == .long ? pl < market.price * (1 - distance) : pl > market.price * (1 + distance)
        if safe { drawn.append(position) }
      }
      for side in Side.allCases {
        let total = drawn.lazy.filter { $0.side == side }.reduce(0.0) { $0 + $1.size * market.price }
        guard total > 0 else { continue }
        let scale = oi / total
        for i in drawn.indices where drawn[i].side == side {
          drawn[i].size *= scale
          drawn[i].margin *= scale
        }
      }
      if !rules[k].marginTiers.isEmpty {
        try checkTiers(drawn, market: k, symbol: market.symbol, price: market.price, rules: rules[k])
      }
      for i in drawn.indices { drawn[i].account = "\(market.symbol)-\(i + 1)" }
      book.append(contentsOf: drawn)
    }
    return book
  }

  /// Draws are kept against the base rate at a notional of about 1; scaled to the open
  /// interest, a large position may fall in a higher margin tier (``MarginTier``) that puts
  /// it at or near its liquidation price. Such a book is refused, naming the tier's leverage
  /// limit, rather than left to be refused position by position.
  ///
  /// - Complexity: O(positions × tiers).
  private func checkTiers(
    _ drawn: [Position], market k: Int, symbol: String, price: Double, rules: MarketRules
  )
    throws
  {
    let distance = Self.minimumStartingDistance
    for p in drawn {
      let pl = rules.liquidationPrice(of: p)
      let safe = p.side == .long ? pl < price * (1 - distance) : pl > price * (1 + distance)
      guard !safe else { continue }
      let notional = p.size * price
      let rate = rules.marginTiers.last { $0.notionalFloor <= notional }?.rate ?? rules.maintenanceMargin
      throw SyntheticBookError.pastTieredLiquidation(
        symbol: symbol, market: k, leverage: p.size * p.entryPrice / p.margin, notional: notional, rate: rate,
        limit: Self.redrawnLeverage(maintenanceMargin: rate))
    }
  }

  @inline(__always)
  private func uniform<G: RandomNumberGenerator>(_ rng: inout G) -> Double {
    Double(rng.next() >> 11) * 0x1.0p-53
  }
}
