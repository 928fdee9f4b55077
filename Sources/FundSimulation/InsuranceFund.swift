/// The insurance fund shared by every market of one margin currency, on one path.
///
/// It records the lowest balance and the first step at or below the depletion threshold at
/// every payment, so a fund drained and refilled within one cascade still counts as
/// depleted, and (for the OKX/Bybit-style trigger) its balance changes within a window.
struct InsuranceFund {
  private(set) var balance: Double
  let initial: Double
  let threshold: Double
  private(set) var minimum: Double
  private(set) var depletionStep: Int?

  /// Balance change points `(step, balance)`, kept only for the drawdown trigger.
  private var changeSteps: [Int] = []
  private var changeBalances: [Double] = []
  private let tracksChanges: Bool

  init(balance: Double, threshold: Double, tracksChanges: Bool = false) {
    self.balance = balance
    initial = balance
    self.threshold = threshold
    minimum = balance
    depletionStep = balance <= threshold ? 0 : nil
    self.tracksChanges = tracksChanges
    if tracksChanges {
      changeSteps = [0]
      changeBalances = [balance]
    }
  }

  /// What the fund can pay before reaching the threshold.
  var available: Double { max(0, balance - threshold) }

  /// The step being simulated, for the depletion record.
  var step = 0

  /// Receives `amount` (negative amounts are payments).
  mutating func receive(_ amount: Double) {
    balance += amount
    if amount < 0 { recordLow() }
  }

  /// Pays `amount` (≤ ``available``, up to rounding).
  mutating func pay(_ amount: Double) {
    balance -= amount
    recordLow()
    if counterpartiesOpen { largestADLExposedOutflow = max(largestADLExposedOutflow, initial - balance) }
  }

  /// For the fund needed (``FundNeeded``): whether a shortfall paid now would go to ADL
  /// counterparties if the fund could not pay it (the opposite side holds positions), set
  /// by the cascade before each round; and the largest `initial − balance` after such a
  /// payment.
  var counterpartiesOpen = true
  private(set) var largestADLExposedOutflow = -Double.infinity

  /// Pays everything down to the threshold, exactly.
  mutating func payDownToThreshold() {
    balance = min(balance, threshold)
    recordLow()
  }

  private mutating func recordLow() {
    if balance < minimum { minimum = balance }
    if depletionStep == nil && balance <= threshold { depletionStep = step }
  }

  /// Records a balance change at `step` for the drawdown trigger.
  mutating func noteChange(step: Int) {
    guard tracksChanges else { return }
    changeSteps.append(step)
    changeBalances.append(balance)
  }

  /// Whether the balance is more than `fraction` below the highest balance held at any time
  /// within the last `window` steps (OKX/Bybit: 30% within 8 hours).
  ///
  /// - Complexity: O(changes within the window).
  func drawdownExceeds(_ fraction: Double, window: Int, step: Int) -> Bool {
    let start = step - window
    var peak = balance
    var j = changeSteps.count - 1
    while j >= 0 {
      peak = max(peak, changeBalances[j])
      if changeSteps[j] <= start { break }  // this balance lasted into the window; older ones did not
      j -= 1
    }
    return peak > 0 && (peak - balance) / peak > fraction
  }
}
