import FundSimulation
import PricePaths

/// The `markets:` list: each market's price dynamics (``MarketModel``) and its margin and
/// liquidity rules (``MarketRules``).
///
/// ```yaml
/// markets:
///   - symbol: BTC
///     price: 90000               # initial mark price, margin currency
///     volatility: 0.55           # annualised, fraction (year = 365 days of 24 h)
///     drift: 0.0                 # annualised expected return (default 0)
///     returns: {model: jumps, dof: 4, beta: 1.0}   # gbm | student-t | jumps | garch (default gbm)
///     maintenance_margin: 0.01   # fraction of notional
///     depth: 4.0e7               # notional that moves the price 1%; .inf for no impact
///     resilience: 0.2            # share of remaining impact that decays per step
///     permanent_impact: 0.5      # share of a liquidation's walk that stays in the mark
///     max_leverage: 50           # caps the synthetic book's leverage
/// ```
extension ScenarioParser {
  static let marketKeys = [
    "symbol", "price", "volatility", "drift", "returns", "maintenance_margin", "depth", "resilience",
    "permanent_impact", "max_leverage", "margin_tiers", "partial_liquidation",
  ]
  static let returnModels = ["gbm", "student-t", "jumps", "garch"]

  /// The markets in file order, with their rules in the same order.
  func parseMarkets(_ value: YAMLValue) throws -> ([MarketModel], [MarketRules]) {
    var models: [MarketModel] = []
    var rules: [MarketRules] = []
    for item in try value.items(expected: "a list of markets") {
      let block = try item.mapping(allowedKeys: Self.marketKeys)
      let symbolNode = try block.required("symbol", fix: "the market's ticker, e.g. BTC")
      let symbol = try symbolNode.text()
      // Here, before the book's keys are read by symbol (which would report a repeated symbol
      // as an unknown open-interest key whose allowed keys repeat it).
      if let first = models.firstIndex(where: { $0.symbol == symbol }) {
        throw symbolNode.error("'\(symbol)' repeats markets[\(first)]", fix: "give each market a unique symbol")
      }
      models.append(
        MarketModel(
          symbol: symbol,
          price: try block.number("price", fix: "the initial price in the margin currency, e.g. 90000"),
          volatility: try block.number("volatility", fix: "the annualised volatility as a fraction, e.g. 0.55"),
          drift: try block.number("drift", default: ScenarioDefaults.drift),
          returns: try parseReturns(block.optional("returns"))))
      rules.append(
        MarketRules(
          maintenanceMargin: try block.number(
            "maintenance_margin", fix: "the maintenance-margin rate as a fraction of notional, e.g. 0.01"),
          depth: try block.number(
            "depth", fix: "the notional that moves the price by 1%, e.g. 3.0e7 (or .inf for no impact)",
            infinityAllowed: true),
          resilience: try block.number("resilience", default: ScenarioDefaults.resilience),
          permanentImpact: try block.number("permanent_impact", default: ScenarioDefaults.permanentImpact),
          maxLeverage: try block.number("max_leverage", default: ScenarioDefaults.maxLeverage),
          marginTiers: try parseMarginTiers(block), partialLiquidation: try parsePartialLiquidation(block),
          marginReduction: try parseMarginReduction(block)))
    }
    return (models, rules)
  }

  /// `returns:` a block `{model, dof, beta}` or just the model name; absent means `gbm`.
  ///
  /// * `gbm` takes no other key;
  /// * `student-t` needs `dof` (> 2, checked by ``MarketModel``);
  /// * `jumps` takes an optional `dof` (Student-t diffusion instead of Gaussian) and `beta`
  ///   (the loading on the common crash factor, default 1.0);
  /// * `garch` needs `omega` (annualised), `alpha` and `beta` (per step) and takes an
  ///   optional `dof` (Student-t innovations); the market's `volatility` is the starting
  ///   conditional volatility.
  func parseReturns(_ value: YAMLValue?) throws -> ReturnModel {
    guard let value else { return .gbm }
    if case .scalar = value.node {
      let model = try value.choice(Self.returnModels)
      switch model {
      case "gbm": return .gbm
      case "jumps": return .jumps(beta: ScenarioDefaults.jumpBeta, dof: nil)
      case "garch":
        throw value.error(
          "garch needs its parameters",
          fix:
            "write `returns: {model: garch, omega: 0.05, alpha: 0.05, beta: 0.9, dof: 5}` (`fundstress calibrate` fits them)"
        )
      default:
        throw value.error(
          "student-t needs its degrees of freedom", fix: "write `returns: {model: student-t, dof: 4}`")
      }
    }
    let block = try value.mapping(allowedKeys: ["model", "dof", "beta", "omega", "alpha"])
    let model = try block.choice("model", Self.returnModels, default: "gbm")
    func refuse(_ key: String, fix: String) throws {
      if let entry = block.entries[key] {
        throw entry.error("does not apply to the \(model) model", fix: fix)
      }
    }
    if model != "garch" {
      for key in ["omega", "alpha"] {
        try refuse(key, fix: "remove it, or use `model: garch` for a conditional variance")
      }
    }
    switch model {
    case "garch":
      return .garch(
        GARCHParameters(
          omega: try block.number("omega", fix: "ω, the GARCH constant as an annualised variance, e.g. 0.05"),
          alpha: try block.number("alpha", fix: "α, the weight of the last squared shock, e.g. 0.05"),
          beta: try block.number("beta", fix: "β, the weight of the last variance, e.g. 0.9"),
          dof: try block.optionalNumber("dof")))
    case "student-t":
      try refuse("beta", fix: "remove it, or use `model: jumps` for a crash-factor loading")
      let dof = try block.number("dof", fix: "the Student-t degrees of freedom, more than 2, e.g. 4")
      return .studentT(dof: dof)
    case "jumps":
      return .jumps(
        beta: try block.number("beta", default: ScenarioDefaults.jumpBeta), dof: try block.optionalNumber("dof"))
    default:
      try refuse("dof", fix: "remove it, or use `model: student-t` for heavy tails")
      try refuse("beta", fix: "remove it, or use `model: jumps` for a crash-factor loading")
      return .gbm
    }
  }
}
