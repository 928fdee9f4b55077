import PricePaths
import RealModule

/// Margin reduction (Binance's liquidation protocol; docs/MODEL.md, "Partial liquidation"):
/// a crossed position first has only the smallest share of its size sold into the book that
/// leaves the rest margin compliant after the liquidation fee; the rest keeps all the margin
/// left. A position no such share saves is liquidated whole by the scenario's mechanic.
///
/// Binance: "The system will first cancel all open orders, then attempt to reduce the user's
/// margin [requirement] with one large Immediate or Cancel order without fully liquidating the
/// user. If the user is margin compliant after calculating the realized losses and
/// liquidation fee deductions, the liquidation will stop. If the user is still margin
/// deficient, the user's position will be closed at the bankruptcy price and the Insurance
/// Fund will take over the position", and "a liquidation fee will be charged on the amount
/// liquidated only (not the notional value of the position)"
/// (https://www.binance.com/en/support/faq/360033525271, mirrored at
/// https://docs.traderwagon.com/faq/futures-trading-introduction/liquidation-protocol, read
/// 2026-12).
public struct MarginReduction: Sendable, Equatable, Codable {
  /// The liquidation fee, a rate of the reduced slice's notional at its fill, in [0, 1).
  public var fee: Double
  /// Notional at the mark (margin currency) at or below which a crossed position is
  /// liquidated whole without a reduction; 0: every position is tried.
  public var above: Double

  public init(fee: Double = 0, above: Double = 0) {
    self.fee = fee
    self.above = above
  }

  func validate(market k: Int) throws {
    guard fee.isFinite, fee >= 0, fee < 1 else { throw MarketRuleError.reductionFee(market: k, rate: fee) }
    guard above.isFinite, above >= 0 else { throw MarketRuleError.reductionAbove(market: k, notional: above) }
  }

  /// Margin reduction is modelled under both mechanics, without a backstop vault (the vault
  /// takes over whole positions) and not together with the slice rule on one market.
  static func validate(rules: [MarketRules], fund: FundRules) throws {
    for (k, rule) in rules.enumerated() where rule.marginReduction != nil {
      guard rule.partialLiquidation == nil else { throw MarketRuleError.reductionWithSlice(market: k) }
      guard fund.backstop == nil else { throw MarketRuleError.reductionWithBackstop(market: k) }
    }
  }

  /// A position is margin deficient when its equity is below its maintenance margin by more
  /// than this share of its notional (rounding: a rest reduced to the boundary is compliant).
  static let tolerance = 1e-12
}

extension MarginSchedule {
  /// The smallest share `f` of a position with equity `e > 0` and notional `N = q·P` at the
  /// mark whose sale leaves the rest compliant after the fee, `e − fee·f·N ≥ MM((1 − f)·N)`,
  /// or `nil` when no `f < 1` does (or `e ≤ 0`). Flat rate `m`:
  /// `f = (m·N − e)/((m − fee)·N)`.
  ///
  /// In the rest's notional `x = (1 − f)·N`, `h(x) = e − fee·(N − x) − MM(x)` is linear in
  /// each tier `n` (`Lₙ ≤ x < Lₙ₊₁`): `h(x) = e − fee·N + dₙ − (rₙ − fee)·x`. `MM` is
  /// continuous, so the largest `x` with `h(x) ≥ 0` is found tier by tier from `N` down: the
  /// root `(e − fee·N + dₙ)/(rₙ − fee)` when `h` falls with `x` (`rₙ > fee`), else the tier's
  /// top. A fee at or above every rate never helps (the fee costs more than the margin freed).
  ///
  /// - Complexity: O(tiers).
  func reductionShare(equity e: Double, notional n: Double, fee: Double) -> Double? {
    guard e > 0, n > 0 else { return nil }
    var k = floors.count - 1
    while k > 0 && floors[k] >= n { k -= 1 }
    while true {
      let level = e - fee * n + deductions[k]
      let slope = rates[k] - fee
      let low = floors[k]
      let high = k + 1 < floors.count ? min(n, floors[k + 1]) : n
      var rest: Double? = nil
      if slope > 0 {
        let root = level / slope
        if root >= low { rest = min(root, high) }
      } else if level - slope * high >= 0 {
        rest = high
      }
      if let rest { return rest > 0 ? max(0, 1 - rest / n) : nil }
      if k == 0 { return nil }
      k -= 1
    }
  }
}

extension LiquidationLadder {
  /// The bankruptcy price of `rung` carrying `extra` margin per unit of its remaining share
  /// (``SimulationWorkspace/extraMargin``): `Pb − s·extra/q`, the same at any share.
  @inline(__always)
  func bankruptcyPrice(_ rung: Int, extraMargin extra: Double) -> Double {
    bankruptcyPrice[rung] - side.sign * extra / size[rung]
  }

  /// The equity at `price` of `rung`, with its remaining share and extra margin.
  @inline(__always)
  func equity(_ rung: Int, share: Double, extraMargin extra: Double, at price: Double) -> Double {
    (margin[rung] + extra) * share + side.sign * size[rung] * share * (price - entryPrice[rung])
  }

  /// Whether `rung` is margin deficient at `price` (``MarginReduction/tolerance``).
  @inline(__always)
  func isDeficient(_ rung: Int, share: Double, extraMargin extra: Double, at price: Double) -> Bool {
    let notional = size[rung] * share * price
    return equity(rung, share: share, extraMargin: extra, at: price)
      < margins.maintenanceMargin(notional: notional) - MarginReduction.tolerance * notional
  }
}
