/// The insurance fund shared by every market of one margin currency, on one path.
///
/// It records the lowest balance and the first step at or below the depletion threshold at
/// every payment, so a fund drained and refilled within one cascade still counts as
/// depleted. With the OKX/Bybit drawdown trigger it also keeps the peak of its recent
/// balances (``DrawdownFloor``), below which it pays nothing.
struct InsuranceFund {
  private(set) var balance: Double
  let initial: Double
  let threshold: Double
  private(set) var minimum: Double
  private(set) var depletionStep: Int?
  /// The drawdown trigger's floor, when the scenario sets one.
  private var drawdown: DrawdownFloor?
  /// Outflow caps per step and per market, when the scenario sets any.
  private var caps: OutflowCaps?

  /// - Parameters:
  ///   - drawdownTrigger: the fraction below its peak within `drawdownWindow` steps at
  ///     which the fund stops paying, or `nil`.
  init(balance: Double, threshold: Double, drawdownTrigger: Double? = nil, drawdownWindow: Int = 1) {
    self.balance = balance
    initial = balance
    self.threshold = threshold
    minimum = balance
    depletionStep = balance <= threshold ? 0 : nil
    drawdown = drawdownTrigger.map { DrawdownFloor(trigger: $0, window: drawdownWindow, balance: balance) }
  }

  /// Caps what the fund pays (``OutflowCaps``): `nil` for no cap of that kind.
  mutating func capOutflows(perStep: Double?, perMarket: Double?, markets: Int) {
    guard perStep != nil || perMarket != nil else { return }
    caps = OutflowCaps(perStep: perStep ?? .infinity, perMarket: perMarket ?? .infinity, markets: markets)
  }

  /// Whether outflow caps apply.
  var isCapped: Bool { caps != nil }

  /// The lowest balance the fund may pay down to now: the depletion threshold, or the
  /// drawdown floor `peak × (1 − trigger)` when that is higher.
  var floor: Double {
    guard let drawdown else { return threshold }
    return max(threshold, drawdown.floor(step: step))
  }

  /// What the fund can pay before reaching its ``floor``.
  var available: Double { max(0, balance - floor) }

  /// What the fund can pay for market `k`: ``available``, within the outflow caps.
  @inline(__always)
  func available(market k: Int) -> Double {
    guard let caps else { return available }
    return max(0, min(available, caps.room(market: k, step: step)))
  }

  /// The step being simulated, for the depletion record and the drawdown window.
  var step = 0

  /// Receives `amount` (negative amounts are payments).
  mutating func receive(_ amount: Double) {
    balance += amount
    if amount < 0 { recordLow() }
    drawdown?.record(balance, step: step)
  }

  /// Pays `amount` (≤ ``available(market:)``, up to rounding) for market `k`.
  mutating func pay(_ amount: Double, market k: Int) {
    balance -= amount
    recordLow()
    drawdown?.record(balance, step: step)
    caps?.record(amount, market: k, step: step)
    if counterpartiesOpen { largestADLExposedOutflow = max(largestADLExposedOutflow, initial - balance) }
  }

  /// For the fund needed (``FundNeeded``): whether a shortfall paid now would go to ADL
  /// counterparties if the fund could not pay it (the opposite side holds positions), set
  /// by the cascade before each round; and the largest `initial − balance` after such a
  /// payment.
  var counterpartiesOpen = true
  private(set) var largestADLExposedOutflow = -Double.infinity

  /// Pays everything down to the ``floor``, exactly.
  mutating func payDownToFloor() {
    balance = min(balance, floor)
    recordLow()
    drawdown?.record(balance, step: step)
  }

  private mutating func recordLow() {
    if balance < minimum { minimum = balance }
    if depletionStep == nil && balance <= threshold { depletionStep = step }
  }
}
