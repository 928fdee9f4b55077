/// The one place a path's money moves (docs/MODEL.md, "Money").
///
/// Every flow of a liquidation is posted here, and each method moves one amount between
/// two parties and records it everywhere it counts — the fund's balance, the path's totals,
/// the market's totals and the traders' loss — so the identity
///
///     traders' loss = Δ fund + vault inflow + ADL counterparties' gain
///
/// holds by construction: the traders' loss is the sum of the amounts the other three
/// received, posted with them. The waterfall stages and ADL rankings decide amounts; they
/// never touch a total themselves.
///
/// Each total receives its amounts in the same order, and as the same expressions, as
/// before the ledger existed, so every CSV is unchanged to the byte (docs/PERFORMANCE.md,
/// "Issue 20").
struct PathLedger {
  /// The fund every flow posts to: the shared fund, or under another ``FundScope`` the
  /// fund of the market being liquidated (``useFund(_:)``).
  var fund: InsuranceFund
  var outcome: PathOutcome
  /// Under a scope other than shared, every fund in fund order, except that the entry of
  /// the one in use (``activeFund``) is a placeholder until ``parkActiveFund()``. Empty for
  /// the shared fund, which therefore costs no indirection.
  private(set) var funds: [InsuranceFund] = []
  private(set) var activeFund = 0

  init(fund: InsuranceFund, outcome: PathOutcome) {
    self.fund = fund
    self.outcome = outcome
  }

  /// A ledger over several funds, the first in use.
  init(funds: [InsuranceFund], outcome: PathOutcome) {
    self.init(fund: funds[0], outcome: outcome)
    self.funds = funds
    self.funds[0] = Self.placeholder
  }

  /// What the slot of the fund in use holds: a fund with no heap storage, so that moving
  /// funds in and out by swapping leaves each one's drawdown queue and caps uniquely held
  /// (no copy on the next write).
  private static let placeholder = InsuranceFund(balance: 0, threshold: 0)

  /// Makes fund `g` the one flows post to, at the current step.
  @inline(__always)
  mutating func useFund(_ g: Int) {
    guard g != activeFund else { return }
    let step = fund.step
    swap(&fund, &funds[activeFund])
    swap(&fund, &funds[g])
    fund.step = step
    activeFund = g
  }

  /// Writes the fund in use back into ``funds``, which then holds every fund's state.
  mutating func parkActiveFund() {
    if !funds.isEmpty { funds[activeFund] = fund }
  }

  /// The balance of all funds together (in fund order), or of the one shared fund.
  var totalBalance: Double {
    guard !funds.isEmpty else { return fund.balance }
    var total = 0.0
    for g in funds.indices { total += g == activeFund ? fund.balance : funds[g].balance }
    return total
  }

  /// `count` positions of market `k` were liquidated, of size × mark `notional` in all.
  @inline(__always)
  mutating func liquidated(market k: Int, count: Int, notional: Double) {
    outcome.liquidations += count
    outcome.liquidatedNotional += notional
    outcome.markets[k].liquidations += count
    outcome.markets[k].liquidatedNotional += notional
  }

  /// A liquidation left residual margin of which `penalty ≥ 0` is taken from the trader:
  /// the fund receives `toFund`, the market-making vault `penalty − toFund`.
  @inline(__always)
  mutating func penalty(_ penalty: Double, toFund: Double, market k: Int) {
    fund.receive(toFund)
    outcome.fundInflow += toFund
    outcome.markets[k].fundInflow += toFund
    outcome.vaultInflow += penalty - toFund
    outcome.markets[k].vaultInflow += penalty - toFund
    outcome.traderLoss += toFund
    outcome.traderLoss += penalty - toFund
  }

  /// The fund pays `amount ≥ 0` of a loss beyond the bankruptcy price (shortfall); the
  /// trader's equity gives up `−amount`.
  @inline(__always)
  mutating func fundPays(_ amount: Double, market k: Int) {
    fund.pay(amount, market: k)
    outcome.shortfall += amount
    outcome.markets[k].shortfall += amount
    outcome.traderLoss -= amount
  }

  /// The fund pays everything it may pay, `available` (``InsuranceFund/available(market:)``,
  /// read just before): the part of a shortfall it can cover. Without outflow caps that is
  /// everything above its floor, paid down to the floor exactly.
  @inline(__always)
  mutating func fundPaysToFloor(_ available: Double, market k: Int) {
    let before = fund.balance
    if fund.isCapped {
      fund.pay(available, market: k)
    } else if available > 0 {
      fund.payDownToFloor()
    }
    outcome.shortfall += available
    outcome.markets[k].shortfall += available
    outcome.traderLoss += fund.balance - before
  }

  /// The fund receives `amount ≥ 0` from a liquidation (a takeover closed better than the
  /// bankruptcy price).
  @inline(__always)
  mutating func fundReceives(_ amount: Double, market k: Int) {
    fund.receive(amount)
    outcome.fundInflow += amount
    outcome.markets[k].fundInflow += amount
    outcome.traderLoss += amount
  }

  /// ADL closed `matched` units of counterparties, `hits` positions, against a liquidated
  /// position at `closePrice`; each unit moves `perUnit` (`s·(P − Pb)` at the bankruptcy
  /// price) from the liquidated trader to the counterparty, valued at the mark (negative:
  /// bad debt).
  @inline(__always)
  mutating func adlTransfer(matched: Double, perUnit: Double, closePrice: Double, hits: Int, market k: Int) {
    if matched > 0 {
      // An ADL event is a liquidation that deleveraged at least one counterparty.
      outcome.adlEvents += 1
      outcome.markets[k].adlEvents += 1
    }
    let gain = matched * perUnit
    outcome.adlCounterpartyGain += gain
    outcome.traderLoss += gain
    outcome.badDebt += max(0, -gain)
    outcome.markets[k].badDebt += max(0, -gain)
    outcome.adlNotional += matched * closePrice
    outcome.markets[k].adlNotional += matched * closePrice
    outcome.adlPositionsHit += hits
  }

  /// An ADL event's overshoot and haircut (``PathOutcome/adlOvershoot``,
  /// ``PathOutcome/adlHaircut``): measures, not flows.
  @inline(__always)
  mutating func adlMetrics(overshoot: Double, haircut: Double) {
    outcome.adlOvershoot += overshoot
    outcome.adlHaircut += haircut
  }

  /// The backstop vault took over a position with equity `equity` at the mark (either sign;
  /// ``BackstopVault``): the trader gives it up, the vault books it.
  @inline(__always)
  mutating func backstopTakesOver(equity: Double, market k: Int) {
    outcome.backstopPnL += equity
    outcome.backstopLoss += max(0, -equity)
    outcome.backstopTakeovers += 1
    outcome.traderLoss += equity
  }

  /// With no counterparty left, the fund takes a position's remainder at the ADL transfer
  /// `transfer` (either sign): a loss counts as shortfall, a gain as inflow.
  @inline(__always)
  mutating func fundTakesRemainder(_ transfer: Double, market k: Int) {
    if transfer < 0 { fundPays(-transfer, market: k) } else { fundReceives(transfer, market: k) }
  }
}
