/// Every model fitted to one market, for the diagnostics and the scenario fragment.
public struct MarketCalibration: Sendable, Equatable {
  public var symbol: String
  /// The last price of the history: the scenario's starting price.
  public var lastPrice: Double
  public var series: ReturnSeries
  /// Always fitted.
  public var gaussian: ModelFit
  /// Fitted when the series is long enough; ``notes`` says why not otherwise.
  public var studentT: ModelFit?
  public var garch: GARCHFit?
  /// The EWMA volatility, when asked for.
  public var ewmaVolatility: Double?
  /// Why a model was not fitted (`student-t: did not converge …`).
  public var notes: [String]

  /// The fitted models, in the order gbm, student-t, garch.
  public var fits: [ModelFit] { [gaussian, studentT, garch?.summary].compactMap { $0 } }

  /// The model with the lowest AIC.
  public var bestModel: String { fits.min { $0.aic < $1.aic }!.model }
}
