/// The standardised residuals of a price history under given volatility filters: the
/// innovations of filtered historical simulation (Barone-Adesi, Giannopoulos & Vosper,
/// J. Futures Markets 19 (1999); Hull & White, J. Risk 1 (1998)).
///
/// For each market, `xₜ = rₜ − r̄` (demeaned, as in the fits) and
/// * with a GARCH filter: `zₜ = xₜ/√hₜ`, `hₜ` from ``GARCHFilter`` started at the sample
///   variance, with the scenario's own `ω, α, β` — the filter the paths then run forward,
///   so the draws are rescaled by the same model that removed the history's volatility;
/// * without one (a constant-volatility market): `zₜ = xₜ/s`, `s` the sample standard
///   deviation.
///
/// Row `k` holds every market's residual of return row `k`: the same historical step.
public enum FilteredResiduals {
  /// - Parameters:
  ///   - columns: the history's column of each scenario market, in market order.
  ///   - filters: each market's per-step GARCH filter, or `nil` for constant volatility.
  /// - Returns: `returnCount` rows of `columns.count` residuals.
  /// - Throws: ``CalibrationError`` for a market with constant prices or under two returns.
  /// - Complexity: O(returns × markets).
  public static func rows(_ history: PriceHistory, columns: [Int], filters: [GARCHFilter?]) throws -> [[Double]] {
    let perMarket = try zip(columns, filters).map { column, filter -> [Double] in
      let series = try ReturnSeries(
        symbol: history.symbols[column], returns: history.returns(market: column), intervalYears: history.intervalYears)
      guard let filter else {
        let s = series.sampleVariance.squareRoot()
        return series.values.map { $0 / s }
      }
      let (variances, _) = filter.variances(series.values, backcast: series.sampleVariance)
      return zip(series.values, variances).map { $0 / $1.squareRoot() }
    }
    return (0..<history.returnCount).map { k in perMarket.map { $0[k] } }
  }
}
