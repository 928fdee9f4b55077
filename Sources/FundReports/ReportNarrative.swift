/// The opening paragraph of a report in plain words: the fund, the chance it runs dry, how
/// often ADL strikes, the fund needed for 99% survival and the markets that drive the
/// losses. Numbers follow ``ReadableNumber``; each comes from one summary metric or market
/// row, so the paragraph and `summary.csv` agree after rounding.
public enum ReportNarrative {
  /// The paragraph (Markdown inline text: `**strong**` spans only).
  ///
  /// - Complexity: O(markets log markets).
  public static func opening(_ summary: RunSummary) -> String {
    let currency = summary.currency
    let fund = money(summary.initialFund, currency: currency)
    let hours = summary.fundQuantiles.last?.hours ?? 0
    let period = hours == 24 ? "days" : "simulated \(ChartAxis.trimmed(hours, decimals: 2))-hour periods"
    let threshold =
      summary.depletionThreshold == 0
      ? "runs dry"
      : "falls to its depletion threshold of \(money(summary.depletionThreshold, currency: currency))"
    var sentences: [String] = []
    sentences.append(
      "With its \(fund) insurance fund, this exchange's fund \(threshold) on "
        + "**\(estimate("depletion_probability", summary))** of \(period) like this scenario's.")
    var adl =
      "Auto-deleveraging (ADL) closes profitable traders' positions on **\(estimate("adl_probability", summary))** of them"
    if let notional = summary["adl_notional_mean"]?.value, notional > 0 {
      adl += ", \(money(notional, currency: currency)) of notional per \(hours == 24 ? "day" : "period") on average"
    }
    sentences.append(adl + ".")
    if let needed = summary["fund_needed_p99"], needed.value != nil {
      // The fund each path needed (threshold included), where one run tells it: market close
      // without a drawdown trigger (docs/MODEL.md, "The fund needed").
      sentences.append(
        "Surviving 99% of them takes a fund of **\(estimate("fund_needed_p99", summary))** "
          + "(`fundstress size` finds the fund for any target).")
    } else if let drawdown = summary["fund_drawdown_var_99"], let value = drawdown.value {
      let capacity = summary.initialFund - summary.depletionThreshold
      if value >= capacity, capacity > 0 {
        sentences.append(
          "Surviving 99% of them would take **more than the whole \(fund) fund**: on more than 1% the fund is drawn "
            + "down to its threshold.")
      } else {
        sentences.append(
          "Surviving 99% of them takes a fund of about **\(estimate("fund_drawdown_var_99", summary))** above "
            + "the threshold (the 99% quantile of the drawdown, ignoring feedback).")
      }
    }
    sentences.append(drivers(summary))
    return sentences.joined(separator: " ")
  }

  /// `2.66% (95% CI 2.56–2.76%)` for a summary metric, `–` when absent.
  static func estimate(_ name: String, _ summary: RunSummary) -> String {
    summary[name].map(ReportDocument.readableEstimate) ?? "–"
  }

  /// `10M USDC`.
  static func money(_ value: Double, currency: String) -> String {
    ReadableNumber.single(value, .quantity, digits: 3) + " " + currency
  }

  /// The markets that together pay at least half of the shortfall (at most three).
  static func drivers(_ summary: RunSummary) -> String {
    let ranked = summary.markets.filter { ($0.shortfallShare ?? 0) > 0 }
      .sorted { ($0.shortfallShare ?? 0) > ($1.shortfallShare ?? 0) }
    guard !ranked.isEmpty else { return "No market left a shortfall for the fund to pay." }
    var chosen: [MarketSummary] = []
    var total = 0.0
    for market in ranked where total < 0.5 && chosen.count < 3 {
      chosen.append(market)
      total += market.shortfallShare ?? 0
    }
    let format = ReadableNumber(.percent, fitting: chosen.map(\.shortfallShare))
    let names = chosen.map { "\($0.market) (\(format.string($0.shortfallShare)))" }
    let list =
      names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    return "Most of the shortfall the fund pays comes from \(list)."
  }
}
