import FundSimulation
import PricePaths

extension ScenarioRecord {
  /// One market: its price model and its rules.
  public struct MarketRecord: Encodable, Sendable, Equatable {
    public var model: MarketModel
    public var rules: MarketRules

    enum CodingKeys: String, CodingKey {
      case symbol, price, volatility, drift, returns
      case maintenanceMargin = "maintenance_margin"
      case depth, resilience
      case permanentImpact = "permanent_impact"
      case maxLeverage = "max_leverage"
      case marginTiers = "margin_tiers"
      case partialLiquidation = "partial_liquidation"
    }
    enum TierKeys: String, CodingKey { case from, rate }
    enum PartialKeys: String, CodingKey {
      case rule, share, above, fee
      case cooldownSeconds = "cooldown_seconds"
    }
    enum ReturnsKeys: String, CodingKey { case model, dof, beta, omega, alpha }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(model.symbol, forKey: .symbol)
      try c.encode(model.price, forKey: .price)
      try c.encode(model.volatility, forKey: .volatility)
      try c.encode(model.drift, forKey: .drift)
      var returns = c.nestedContainer(keyedBy: ReturnsKeys.self, forKey: .returns)
      try returns.encode(model.returns.name, forKey: .model)
      try returns.encode(model.returns.dof, forKey: .dof)
      if case .jumps(let beta, _) = model.returns { try returns.encode(beta, forKey: .beta) }
      if let garch = model.returns.garch {
        try returns.encode(garch.omega, forKey: .omega)
        try returns.encode(garch.alpha, forKey: .alpha)
        try returns.encode(garch.beta, forKey: .beta)
      }
      try c.encode(rules.maintenanceMargin, forKey: .maintenanceMargin)
      if rules.depth.isFinite {
        try c.encode(rules.depth, forKey: .depth)
      } else {
        try c.encode(".inf", forKey: .depth)
      }
      try c.encode(rules.resilience, forKey: .resilience)
      try c.encode(rules.permanentImpact, forKey: .permanentImpact)
      try c.encode(rules.maxLeverage, forKey: .maxLeverage)
      if !rules.marginTiers.isEmpty {
        var tiers = c.nestedUnkeyedContainer(forKey: .marginTiers)
        for tier in rules.marginTiers {
          var t = tiers.nestedContainer(keyedBy: TierKeys.self)
          try t.encode(tier.notionalFloor, forKey: .from)
          try t.encode(tier.rate, forKey: .rate)
        }
      }
      if let partial = rules.partialLiquidation {
        var p = c.nestedContainer(keyedBy: PartialKeys.self, forKey: .partialLiquidation)
        try p.encode(partial.share, forKey: .share)
        try p.encode(partial.above, forKey: .above)
        try p.encode(partial.cooldownSeconds, forKey: .cooldownSeconds)
      }
      if let reduction = rules.marginReduction {
        var p = c.nestedContainer(keyedBy: PartialKeys.self, forKey: .partialLiquidation)
        try p.encode("reduce", forKey: .rule)
        try p.encode(reduction.fee, forKey: .fee)
        try p.encode(reduction.above, forKey: .above)
      }
    }
  }
}
