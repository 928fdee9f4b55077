/// NomoEx: the takeover mechanic fundstress was designed around (docs/MODEL.md).
extension VenueRules {
  static let nomoex = VenueRules(
    keys: [
      .init("fund.waterfall", "takeover", "docs/MODEL.md, \"Waterfall, takeover\" (NomoEx)"),
      .init("adl.ranking", "pnl-leverage", "docs/MODEL.md, \"ADL\""),
    ],
    scope: VenueFundScope(kind: .shared, source: "docs/MODEL.md, \"Fund scopes\" (one fund, NomoEx)"))
}
