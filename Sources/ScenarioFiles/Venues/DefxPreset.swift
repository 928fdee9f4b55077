/// Defx: the market-close mechanic fundstress was designed around (docs/MODEL.md).
extension VenueRules {
  static let defx = VenueRules(
    keys: [
      .init("fund.waterfall", "market-close", "docs/MODEL.md, \"Waterfall, market close\" (Defx)"),
      .init("adl.ranking", "pnl-leverage", "docs/MODEL.md, \"ADL\""),
    ],
    scope: VenueFundScope(kind: .shared, source: "docs/MODEL.md, \"Fund scopes\" (one fund, Defx)"))
}
