import Foundation
import Testing

/// `fundstress calibrate`: the fragment and the report on good input; on bad input a
/// one-line error naming the file, the place (line and column, or market and model), a
/// non-zero exit and no output.
@Suite struct CalibrateCommandTests {
  /// `rows` hourly prices of two markets from a deterministic light-tailed walk (each step
  /// a sum of 12 uniforms of a linear congruential generator, less 6: mean 0, variance 1,
  /// lighter tails than the normal), `timestamp,A,B` with ISO 8601 times.
  /// With `uniform`, each step is one uniform less ½ (kurtosis 1.8: no tails at all).
  static func prices(rows: Int, constantB: Bool = false, uniform: Bool = false) -> String {
    var state: UInt64 = 12_345
    func uniformDraw() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) * 0x1.0p-53
    }
    func shock() -> Double {
      uniform ? 3.46 * (uniformDraw() - 0.5) : (0..<12).reduce(0) { s, _ in s + uniformDraw() } - 6
    }
    var a = 100.0
    var b = 20.0
    var lines = ["timestamp,A,B"]
    let start = 1_699_999_200.0  // 2023-11-14T22:00:00Z
    let formatter = ISO8601DateFormatter()
    for k in 0..<rows {
      lines.append("\(formatter.string(from: Date(timeIntervalSince1970: start + Double(k) * 3600))),\(a),\(b)")
      a *= Foundation.exp(0.01 * shock())
      if !constantB { b *= Foundation.exp(0.015 * shock()) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func writesAFragmentAndTheReport() async throws {
    let scratch = try Scratch("calibrate")
    defer { scratch.remove() }
    try scratch.write("prices.csv", Self.prices(rows: 300))
    let result = try await fundstress(
      ["calibrate", "prices.csv", "--out", "fit/markets.yaml", "--report", "fit/report"], in: scratch.url)
    #expect(result.status == 0, "\(result)")
    let fragment = try scratch.read("fit/markets.yaml")
    #expect(fragment.contains("- symbol: A") && fragment.contains("- symbol: B"))
    #expect(fragment.contains("299 log-returns") && fragment.contains("3600 s interval"))
    #expect(fragment.contains("returns: gbm") && fragment.contains("correlation:"))
    let report = try scratch.read("fit/report/calibration.md")
    #expect(report.contains("| A | gbm |") && report.contains("AIC"))
    #expect(isWellFormedXML(try scratch.data("fit/report/qq_plots.svg")))
    #expect(scratch.stagingLeftovers("fit").isEmpty)
  }

  @Test func usageErrorsAreOneLine() async throws {
    let scratch = try Scratch("calibrate-usage")
    defer { scratch.remove() }
    try scratch.write("prices.csv", Self.prices(rows: 30))
    for (arguments, mention) in [(["--model", "arima"], "--model"), (["--ewma", "1.5"], "--ewma")] {
      let result = try await fundstress(["calibrate", "prices.csv"] + arguments, in: scratch.url)
      #expect(result.status == 64, "\(result)")
      #expect(result.stderrLines.count == 1 && result.stderr.contains(mention), "\(result.stderr)")
    }
    #expect(scratch.entries() == ["prices.csv"])
  }

  // Expected: with `--ewma` the fragment's volatility is the EWMA one and says so.
  @Test func ewmaVolatilityIsWritten() async throws {
    let scratch = try Scratch("calibrate-ewma")
    defer { scratch.remove() }
    try scratch.write("prices.csv", Self.prices(rows: 100))
    let result = try await fundstress(["calibrate", "prices.csv", "--ewma", "0.94", "--report", "r"], in: scratch.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("EWMA (λ = 0.94)") && result.stdout.contains("RiskMetrics EWMA with λ = 0.94"))
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var csv: String
    var model = "gbm"
    var mentions: [String]
    var testDescription: String { name }
  }

  static let good = prices(rows: 300)
  static func lines() -> [String] { good.split(separator: "\n").map(String.init) }
  static func replacingLine(_ index: Int, with text: String) -> String {
    var all = lines()
    all[index] = text
    return all.joined(separator: "\n") + "\n"
  }

  static let cases: [Case] = [
    Case(
      name: "timestamps out of order",
      csv: replacingLine(5, with: lines()[2].split(separator: ",")[0] + ",100,20"),
      mentions: ["prices.csv:6:", "timestamp", "before line 5", "sort the rows"]),
    Case(
      name: "repeated timestamp", csv: replacingLine(5, with: lines()[4]),
      mentions: ["prices.csv:6:", "timestamp", "repeats line 5"]),
    Case(
      name: "non-positive price",
      csv: replacingLine(7, with: lines()[7].split(separator: ",")[0] + ",-3,20"),
      mentions: ["prices.csv:8:", "A", "-3", "positive"]),
    Case(
      name: "non-numeric price",
      csv: replacingLine(9, with: lines()[9].split(separator: ",")[0] + ",100,abc"),
      mentions: ["prices.csv:10:", "B", "abc"]),
    Case(
      name: "too few returns for the model", csv: prices(rows: 40), model: "garch",
      mentions: ["prices.csv:", "A, garch fit", "39 returns", "250"]),
    Case(
      name: "constant prices", csv: prices(rows: 30, constantB: true),
      mentions: ["prices.csv:", "B", "constant prices"]),
    Case(
      name: "a fit that does not converge", csv: prices(rows: 400, uniform: true), model: "student-t",
      mentions: ["prices.csv:", "A, student-t fit", "no heavy tails"]),
  ]

  @Test(arguments: cases)
  func badInputIsOneLineAndLeavesNothing(_ c: Case) async throws {
    let scratch = try Scratch("calibrate-bad")
    defer { scratch.remove() }
    try scratch.write("prices.csv", c.csv)
    let result = try await fundstress(
      ["calibrate", "prices.csv", "--model", c.model, "--out", "markets.yaml", "--report", "report"], in: scratch.url)
    #expect(result.status == 1, "\(result)")
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    for mention in c.mentions { #expect(result.stderr.contains(mention), "\(mention) not in \(result.stderr)") }
    #expect(scratch.entries() == ["prices.csv"], "left behind: \(scratch.entries())")
  }
}
