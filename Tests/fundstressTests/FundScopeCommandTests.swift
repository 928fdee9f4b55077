import Foundation
import Testing

/// Fund scopes end to end (docs/MODEL.md, "Fund scopes"): `funds.csv` only under a scope
/// other than shared, with each fund's depletion no higher than the path's "any fund"; and
/// shards merging to the same `funds.csv`; and `size` refusing the one-run method there and
/// bisecting instead.
@Suite struct FundScopeCommandTests {
  @Test func fundsCSVAndSizingUnderGroups() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Fixture.scenario())
    let shared = try await fundstress(
      ["run", "--scenario", "scenario.yaml", "--paths", "200", "--out", "shared", "--quiet"], in: scratch.url)
    try #require(shared.status == 0, "\(shared)")
    #expect(!scratch.exists("shared/funds.csv"))
    let scope = [
      "--set", "fund.scope=groups", "--set",
      "fund.groups=[{markets: [BTC, ETH], share: 0.7}, {markets: [SOL], share: 0.3}]",
    ]
    let grouped = try await fundstress(
      ["run", "--scenario", "scenario.yaml", "--paths", "200", "--out", "groups", "--quiet"] + scope, in: scratch.url)
    try #require(grouped.status == 0, "\(grouped)")
    let funds = try CSVParser.table(
      scratch.read("groups/funds.csv"),
      header: [
        "fund", "initial_balance", "depletion_probability", "depletion_ci_low", "depletion_ci_high",
        "mean_shortfall", "mean_fund_loss", "drawdown_p95", "drawdown_p99", "drawdown_p99_9",
      ])
    #expect(try funds.column("fund") == ["BTC+ETH", "SOL"])
    #expect(try funds.numbers("initial_balance") == [0.7 * Fixture.fund, 0.3 * Fixture.fund])
    let summary = try scratch.read("groups/summary.csv")
    let anyFund = try #require(
      summary.split(separator: "\n").first { $0.hasPrefix("depletion_probability,") }?.split(separator: ",")[1])
    for p in try funds.numbers("depletion_probability") { #expect(try #require(p) <= Double(anyFund)!) }

    // Shards merge to the same funds.csv (per-fund sums merge by addition).
    for shard in 0..<2 {
      let part = try await fundstress(
        [
          "run", "--scenario", "scenario.yaml", "--paths", "200", "--shard", "\(shard)/2", "--out", "p\(shard)",
          "--quiet",
        ]
          + scope, in: scratch.url)
      try #require(part.status == 0, "\(part)")
    }
    let merged = try await fundstress(["merge", "p0", "p1", "--out", "merged", "--quiet"], in: scratch.url)
    try #require(merged.status == 0, "\(merged)")
    #expect(try scratch.read("merged/funds.csv") == scratch.read("groups/funds.csv"))

    let refused = try await fundstress(
      ["size", "--scenario", "scenario.yaml", "--paths", "10", "--method", "one-run", "--out", "one"] + scope,
      in: scratch.url)
    #expect(refused.status == 1 && refused.stderr.contains("fund scope groups") && !scratch.exists("one"))
    let sized = try await fundstress(
      ["size", "--scenario", "scenario.yaml", "--paths", "20", "--levels", "2", "--out", "size", "--quiet"] + scope,
      in: scratch.url)
    try #require(sized.status == 0, "\(sized)")
    #expect(try scratch.read("size/targets.csv").contains(",bisection\n"))
  }
}
