import Foundation
import Testing

/// `fundstress venues` and `fundstress scenario default --venue NAME`.
@Suite struct VenuesCommandTests {
  @Test func listsEveryPresetWithSources() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let listed = try await fundstress(["venues"], in: scratch.url)
    try #require(listed.status == 0, "\(listed)")
    for venue in ["defx", "nomoex", "dydx", "hyperliquid", "binance", "bybit", "okx", "drift", "bitmex"] {
      #expect(listed.stdout.contains("\n\(venue)\n") || listed.stdout.hasPrefix("\(venue)\n"), "\(venue)")
    }
    // The scope, tiers and partial liquidation are listed too, per market where they are.
    for line in [
      "  fund.groups: BTC | ETH | every other market", "  fund.scope: per-market",
      "  markets.margin_tiers: BTC: 40× (MM 1.25%) to 150M, 20× (2.5%) above;",
      "  markets.partial_liquidation: {share: 0.2, above: 100k, cooldown_seconds: 30}",
    ] {
      #expect(listed.stdout.contains(line), "\(line)")
    }
    // Every parameter line names a source; a public one with the date it was read.
    for line in listed.stdout.split(separator: "\n") where line.hasPrefix("  ") {
      #expect(line.contains("    # "), "no source: \(line)")
      let source = line.split(separator: "    # ", maxSplits: 1).last ?? ""
      if source.contains("http") || source.contains("/") && !source.hasPrefix("docs/") {
        #expect(source.contains("(read 2026-12)") || source.hasPrefix("the same page"), "no date: \(line)")
      }
    }
  }

  /// The default under a preset passes its check and runs (a few paths), and a wrong name
  /// is a usage error.
  @Test func defaultUnderAPresetRuns() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let printed = try await fundstress(["scenario", "default", "--venue", "binance"], in: scratch.url)
    try #require(printed.status == 0, "\(printed)")
    #expect(printed.stdout.contains("\nvenue: binance"))
    try scratch.write("binance.yaml", printed.stdout)
    let run = try await fundstress(
      ["run", "--scenario", "binance.yaml", "--paths", "64", "--out", "out", "--quiet"], in: scratch.url)
    #expect(run.status == 0, "\(run)")
    let json = try String(contentsOf: scratch.url.appendingPathComponent("out/run.json"), encoding: .utf8)
    #expect(json.contains("\"takeover_notional_cap\" : 1"))
    let wrong = try await fundstress(["scenario", "default", "--venue", "ftx"], in: scratch.url)
    #expect(wrong.status == 64)
  }

  /// Hyperliquid's tiers, partial liquidation and vault together, and OKX's per-market funds
  /// split by open interest, run on the default's book; the record names what applied.
  /// Every preset runs the embedded default's book as `scenario default --venue` prints it
  /// and writes a report that names the preset and the rules it set (docs/VENUES.md).
  @Test(arguments: ["defx", "nomoex", "dydx", "hyperliquid", "binance", "bybit", "okx", "drift", "bitmex"])
  func defaultUnderEveryPresetRunsAndReports(venue: String) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let printed = try await fundstress(["scenario", "default", "--venue", venue], in: scratch.url)
    try #require(printed.status == 0, "\(printed)")
    try scratch.write("\(venue).yaml", printed.stdout)
    let run = try await fundstress(
      ["run", "--scenario", "\(venue).yaml", "--paths", "32", "--out", "out", "--quiet"], in: scratch.url)
    try #require(run.status == 0, "\(run)")
    let json = try String(contentsOf: scratch.url.appendingPathComponent("out/run.json"), encoding: .utf8)
    let report = try String(contentsOf: scratch.url.appendingPathComponent("out/report.md"), encoding: .utf8)
    #expect(json.contains("\"venue\" : \"\(venue)\""))
    #expect(report.contains("- Venue preset: \(venue) (docs/VENUES.md)"))
    let funds = FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/funds.csv").path)
    switch venue {
    case "okx", "bitmex":
      #expect(json.contains("\"scope\" : \"groups\"") && funds)
      #expect(report.contains("- Fund scope: groups, BTC "))
    case "binance":
      #expect(funds && report.contains("- Fund scope: groups, BTC ") && report.contains("; ETH "))
      #expect(report.contains("- Partial liquidation (reduce first): BTC, ETH, SOL"))
    case "hyperliquid":
      #expect(json.contains("\"partial_liquidation\"") && !funds)
      #expect(report.contains("- Backstop vault: below 66.67% of maintenance margin"))
      #expect(report.contains("- Margin tiers: BTC, ETH") && report.contains("- Partial liquidation (slice): BTC"))
    default:
      #expect(!funds && !report.contains("- Fund scope:") && !report.contains("- Partial liquidation"))
    }
  }
}
