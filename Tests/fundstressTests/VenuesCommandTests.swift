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
    // Every parameter line names a source.
    for line in listed.stdout.split(separator: "\n") where line.hasPrefix("  ") {
      #expect(line.contains("    # "), "no source: \(line)")
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
}
