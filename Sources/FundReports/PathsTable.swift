import FundSimulation

/// `paths.csv`: one row per path, streamed by the caller chunk by chunk.
///
/// Columns (the eleven of docs/REPORTS.md, then extensions): `path, min_fund, final_fund, depleted,
/// depletion_step, liquidations, liquidated_notional, shortfall, adl_events, adl_notional,
/// max_cascade_rounds, bad_debt, fund_inflow, vault_inflow, adl_positions, round_cap_hits,
/// fund_needed, adl_overshoot, adl_haircut, backstop_pnl, backstop_takeovers`. `fund_needed`
/// is empty where the run cannot tell it (``PathOutcome/fundNeeded``).
/// `depleted` is `1`/`0`; `depletion_step` is empty for a path never depleted. Numbers
/// follow ``CSVField``.
///
/// The row functions are pure (no shared state), so worker threads can format their own
/// chunks concurrently and the caller concatenates the buffers in path order.
public enum PathsTable {
  /// Column names, in order.
  public static let columns = [
    "path", "min_fund", "final_fund", "depleted", "depletion_step", "liquidations", "liquidated_notional",
    "shortfall", "adl_events", "adl_notional", "max_cascade_rounds", "bad_debt", "fund_inflow", "vault_inflow",
    "adl_positions", "round_cap_hits", "fund_needed", "adl_overshoot", "adl_haircut", "backstop_pnl",
    "backstop_takeovers",
  ]

  /// The header record, `\n`-terminated.
  public static let header = CSVField.record(columns)

  /// Appends one path's record (`\n`-terminated) to a byte buffer.
  ///
  /// - Complexity: O(1); about 1 µs per row, allocation-free for integral values.
  public static func appendRow(_ outcome: PathOutcome, to bytes: inout [UInt8]) {
    let comma: UInt8 = 0x2C
    CSVField.append(outcome.path, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.minFund, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.finalFund, to: &bytes)
    bytes.append(comma)
    bytes.append(outcome.depletionStep == nil ? 0x30 : 0x31)
    bytes.append(comma)
    if let step = outcome.depletionStep { CSVField.append(step, to: &bytes) }
    bytes.append(comma)
    CSVField.append(outcome.liquidations, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.liquidatedNotional, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.shortfall, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.adlEvents, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.adlNotional, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.maxCascadeRounds, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.badDebt, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.fundInflow, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.vaultInflow, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.adlPositionsHit, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.roundCapHits, to: &bytes)
    bytes.append(comma)
    if let needed = outcome.fundNeeded { CSVField.append(needed, to: &bytes) }
    bytes.append(comma)
    CSVField.append(outcome.adlOvershoot, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.adlHaircut, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.backstopPnL, to: &bytes)
    bytes.append(comma)
    CSVField.append(outcome.backstopTakeovers, to: &bytes)
    bytes.append(0x0A)
  }

  /// Appends one path's record to a string.
  ///
  /// - Complexity: O(1).
  public static func appendRow(_ outcome: PathOutcome, to text: inout String) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(192)
    appendRow(outcome, to: &bytes)
    text += String(decoding: bytes, as: UTF8.self)
  }
}
