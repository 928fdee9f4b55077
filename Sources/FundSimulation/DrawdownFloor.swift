import DequeModule

/// The OKX/Bybit drawdown trigger as a floor under the insurance fund: the fund pays no
/// further than `peak × (1 − trigger)`, where `peak` is the highest balance it held within
/// the last `window` steps; what it does not pay goes to ADL, as at the depletion threshold.
///
/// OKX: ADL fires on "a 30% straight-line drop from the fund's peak within 8 h"
/// (https://www.okx.com/help/iv-introduction-to-auto-deleveraging-adl, read 2026-12);
/// Bybit's pooled funds: "a pair's 8-hour drawdown exceeds 30%"
/// (https://bybit-exchange.github.io/docs/v5/market/adl-alert, read 2026-12). Treating the
/// trigger as a floor rather than a switch stops one payment from carrying the fund past it
/// (a 30% trigger tripped by a payment that took the fund 34.9% below its peak).
///
/// How the peak is sampled (docs/MODEL.md, "Drawdown trigger"):
/// * every balance the fund holds counts, after each payment and each receipt, including
///   those within a cascade round;
/// * the window at step `t` is the `window` most recent steps, `t − window + 1 … t`, with
///   `window` the scenario's hours rounded to whole steps (at least one); the balance carried
///   into it (the balance at the end of step `t − window`) counts too;
/// * the floor is read before each payment, so the balance about to be paid from is part of
///   the peak.
///
/// A peak at or below zero sets no floor (the depletion threshold still applies).
///
/// Kept as a monotonic queue of the balances that can still be a window's peak: each is
/// recorded with the step it was reached and the step it was replaced (`until`); a balance
/// no higher than a later one can never be a peak again and is dropped.
///
/// - Complexity: O(1) amortised per recorded balance; a read skips the balances whose time
///   has left the window, each once.
struct DrawdownFloor {
  /// The drawdown, as a fraction of the peak, at which the fund stops paying (0.3 = 30%).
  let trigger: Double
  /// The window in whole steps, at least 1.
  let window: Int

  private struct Held {
    /// The step in which the balance was reached.
    var step: Int
    var balance: Double
    /// The step in which it was replaced (`Int.max` while it is the current balance).
    var until: Int
  }

  /// Candidate peaks: steps increasing, balances strictly decreasing.
  private var held: Deque<Held>

  init(trigger: Double, window: Int, balance: Double) {
    self.trigger = trigger
    self.window = max(1, window)
    held = [Held(step: 0, balance: balance, until: .max)]
  }

  /// Records the balance reached in `step` (steps never decrease).
  mutating func record(_ balance: Double, step: Int) {
    held[held.count - 1].until = step
    while let last = held.last, last.balance <= balance { held.removeLast() }
    held.append(Held(step: step, balance: balance, until: .max))
    // Balances replaced at or before the current window's start cannot be read again.
    let start = step - window
    while held.count > 1, held[0].until <= start { held.removeFirst() }
  }

  /// The highest balance held within the window of `step`: balances replaced after the
  /// window's start, `step − window` (the one held at its end included).
  func peak(step: Int) -> Double {
    let start = step - window
    for entry in held where entry.until > start { return entry.balance }
    return held[held.count - 1].balance
  }

  /// `peak × (1 − trigger)`, or −∞ when the peak is not positive.
  func floor(step: Int) -> Double {
    let peak = peak(step: step)
    return peak > 0 ? peak * (1 - trigger) : -.infinity
  }
}
