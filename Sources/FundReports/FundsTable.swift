/// `funds.csv`: one row per fund under a ``FundSimulation/FundScope`` other than shared
/// (docs/MODEL.md, "Fund scopes"). Numbers and quoting follow ``CSVField``.
///
/// Columns: the fund (its markets joined by `+`), its initial balance, the probability it
/// was depleted with its Wilson 95% interval, the mean shortfall it paid and the mean
/// `initial − final` per path, and its drawdown `initial − lowest balance` at the 95th,
/// 99th and 99.9th percentiles (type 7, within 0.1%). summary.csv's rows keep meaning the
/// whole: "depleted" is any fund depleted, balances and losses are the funds' total.
public enum FundsTable {
  public static let columns = [
    "fund", "initial_balance", "depletion_probability", "depletion_ci_low", "depletion_ci_high", "mean_shortfall",
    "mean_fund_loss", "drawdown_p95", "drawdown_p99", "drawdown_p99_9",
  ]

  /// The fund's name: its markets' symbols joined by `+`, e.g. `BTC+ETH`.
  public static func name(_ fund: FundTotals, symbols: [String]) -> String {
    fund.markets.map { symbols[$0] }.joined(separator: "+")
  }

  /// - Complexity: O(funds × sketch buckets).
  public static func csv(_ funds: [FundTotals], symbols: [String]) -> String {
    var text = CSVField.record(columns)
    for fund in funds {
      let depletion = fund.depletion
      let numbers: [Double?] = [
        fund.initial, depletion.value, depletion.low, depletion.high, fund.meanShortfall, fund.meanLoss,
        fund.drawdownQuantile(0.95), fund.drawdownQuantile(0.99), fund.drawdownQuantile(0.999),
      ]
      text += CSVField.record([CSVField.quoted(name(fund, symbols: symbols))] + numbers.map(CSVField.format))
    }
    return text
  }

  /// The per-fund table of `report.md`: one format per column
  /// (``ReadableNumber/init(_:fitting:digits:)``).
  static func readable(_ summary: RunSummary) -> ReportTable {
    let currency = ReportDocument.inline(summary.currency)
    let columns: [(String, ReadableNumber.Kind, (FundTotals) -> Double?)] = [
      ("Initial balance (\(currency))", .quantity, \.initial),
      ("Depletion probability", .percent, { $0.depletion.value }),
      ("Shortfall paid (\(currency))", .quantity, \.meanShortfall),
      ("Fund loss (\(currency))", .quantity, \.meanLoss),
      ("Drawdown p99 (\(currency))", .quantity, { $0.drawdownQuantile(0.99) }),
    ]
    let formats = columns.map { _, kind, field in ReadableNumber(kind, fitting: summary.funds.map(field)) }
    let rows = summary.funds.map { fund in
      [ReportDocument.inline(name(fund, symbols: summary.symbols))]
        + zip(columns, formats).map { column, format in format.string(column.2(fund)) }
    }
    return ReportTable(
      header: ["Fund"] + columns.map(\.0), rightAligned: [false] + columns.map { _ in true }, rows: rows)
  }
}
