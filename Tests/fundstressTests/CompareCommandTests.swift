import Foundation
import Testing

/// `fundstress compare A B`: paired path by path under common random numbers, unpaired
/// otherwise; the numbers are recomputed here from the runs' own files.
@Suite struct CompareCommandTests {
  static let z = 1.959963984540054

  /// `compare.csv` as `metric → row`.
  static func compareRows(_ scratch: Scratch, _ folder: String = "cmp") throws -> [String: [String: String]] {
    let rows = try CSVParser.parse(scratch.read("\(folder)/compare.csv"))
    let header = rows[0]
    #expect(header == ["metric", "unit", "method", "value_a", "value_b", "change", "ci_low", "ci_high", "significant"])
    var result: [String: [String: String]] = [:]
    for row in rows.dropFirst() { result[row[0]] = Dictionary(uniqueKeysWithValues: zip(header, row)) }
    return result
  }

  /// A fund twice as large, same book, seed and paths: paired. The depletion change and its
  /// interval are recomputed from the two paths.csv (d_i = depleted_B − depleted_A, mean ±
  /// z·sd/√n) and the interval is tighter than Newcombe's unpaired one from summary.csv.
  @Test func aLargerFundOnTheSamePathsIsComparedPathByPath() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, a) = try await runFixture(in: scratch, out: "a", paths: 300)
    let (_, b) = try await runFixture(in: scratch, out: "b", paths: 300, scenario: Fixture.scenario(fund: 6e5))
    let result = try await fundstress(["compare", "a", "b", "--out", "cmp"], in: scratch.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("paired (common random numbers)"), "\(result.stdout)")
    #expect(result.stdout.contains("depletion_probability: "))

    let rows = try Self.compareRows(scratch)
    let depletion = try #require(rows["depletion_probability"])
    #expect(depletion["method"] == "paired")
    let pA = try #require(try a.metric("depletion_probability"))
    let pB = try #require(try b.metric("depletion_probability"))
    #expect(pA > pB, "the fixture no longer depletes less with a larger fund: \(pA) vs \(pB)")
    #expect(Double(depletion["change"]!) == pB - pA)

    let x = try a.paths.finiteNumbers("depleted")
    let y = try b.paths.finiteNumbers("depleted")
    let d = zip(x, y).map { $1 - $0 }
    let mean = d.reduce(0, +) / Double(d.count)
    let sd = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(d.count - 1)).squareRoot()
    #expect(close(mean, pB - pA))
    let half = Self.z * sd / Double(d.count).squareRoot()
    #expect(close(Double(depletion["ci_low"]!)!, pB - pA - half))
    #expect(close(Double(depletion["ci_high"]!)!, pB - pA + half))
    #expect(depletion["significant"] == (pB - pA + half < 0 ? "1" : "0"))

    // Paired is tighter than Newcombe's unpaired interval from the two Wilson intervals.
    let (lA, uA) = try Self.interval(a, "depletion_probability")
    let (lB, uB) = try Self.interval(b, "depletion_probability")
    let unpairedWidth =
      ((pB - lB) * (pB - lB) + (uA - pA) * (uA - pA)).squareRoot()
      + ((uB - pB) * (uB - pB) + (pA - lA) * (pA - lA)).squareRoot()
    #expect(2 * half < unpairedWidth, "paired \(2 * half) is not tighter than unpaired \(unpairedWidth)")

    // Quantiles stay unpaired; the exact metrics have no interval.
    #expect(rows["fund_loss_var_99"]?["method"] == "unpaired")
    #expect(rows["paths"]?["method"] == "exact" && rows["paths"]?["ci_low"] == "")
    let markdown = try scratch.read("cmp/compare.md")
    #expect(markdown.contains("Paired path by path"))
    #expect(markdown.contains("| `depletion_probability` | "))
  }

  /// A run against itself: every change is 0 with the interval [0, 0], none significant.
  @Test func aRunComparedWithItselfDidNotChange() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try await runFixture(in: scratch, out: "a", paths: 100)
    let result = try await fundstress(["compare", "a", "a", "--out", "cmp"], in: scratch.url)
    #expect(result.status == 0, "\(result)")
    for (name, row) in try Self.compareRows(scratch) where row["change"] != "" {
      #expect(row["change"] == "0.0", "\(name): \(row)")
      #expect(row["significant"] != "1", "\(name): \(row)")
      if row["method"] == "paired" { #expect(row["ci_low"] == "0.0" && row["ci_high"] == "0.0", "\(name)") }
    }
    #expect(try scratch.read("cmp/compare.md").contains("No metric changed significantly."))
  }

  /// Another seed: unpaired. The depletion interval is Newcombe's hybrid score interval
  /// (method 10) from the two Wilson intervals of summary.csv; a mean's interval adds the
  /// two standard errors (interval width / 2z) in quadrature.
  @Test func anotherSeedIsComparedUnpaired() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, a) = try await runFixture(in: scratch, out: "a", paths: 200)
    let (_, b) = try await runFixture(in: scratch, out: "b", paths: 200, extra: ["--seed", "11"])
    let result = try await fundstress(["compare", "a", "b", "--out", "cmp"], in: scratch.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("unpaired: the seeds differ (3 and 11)"), "\(result.stdout)")
    let rows = try Self.compareRows(scratch)

    let depletion = try #require(rows["depletion_probability"])
    #expect(depletion["method"] == "unpaired")
    let pA = try #require(try a.metric("depletion_probability"))
    let pB = try #require(try b.metric("depletion_probability"))
    let (lA, uA) = try Self.interval(a, "depletion_probability")
    let (lB, uB) = try Self.interval(b, "depletion_probability")
    let delta = pB - pA
    #expect(close(Double(depletion["ci_low"]!)!, delta - ((pB - lB) * (pB - lB) + (uA - pA) * (uA - pA)).squareRoot()))
    #expect(close(Double(depletion["ci_high"]!)!, delta + ((uB - pB) * (uB - pB) + (pA - lA) * (pA - lA)).squareRoot()))

    let liquidations = try #require(rows["liquidations_mean"])
    let (mlA, muA) = try Self.interval(a, "liquidations_mean")
    let (mlB, muB) = try Self.interval(b, "liquidations_mean")
    let se =
      (((muA - mlA) / (2 * Self.z)) * ((muA - mlA) / (2 * Self.z))
      + ((muB - mlB) / (2 * Self.z)) * ((muB - mlB) / (2 * Self.z))).squareRoot()
    let change = try #require(try b.metric("liquidations_mean")) - (try #require(try a.metric("liquidations_mean")))
    #expect(close(Double(liquidations["ci_high"]!)!, change + Self.z * se))
    #expect(liquidations["method"] == "unpaired")
  }

  @Test func aFolderThatIsNotARunGetsOneLine() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try await runFixture(in: scratch, out: "a", paths: 20)
    try FileManager.default.createDirectory(at: scratch.path("empty"), withIntermediateDirectories: true)
    let result = try await fundstress(["compare", "a", "empty"], in: scratch.url)
    #expect(result.status == 1 && result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("empty/summary.csv: cannot be read"), "\(result.stderr)")
    #expect(!scratch.exists("reports"))
  }

  /// The 95% interval of a metric in summary.csv.
  static func interval(_ report: ReportFolder, _ name: String) throws -> (Double, Double) {
    let row = try #require(report.summary.keyedByFirstColumn()[name])
    return (try #require(Double(row[2])), try #require(Double(row[3])))
  }
}
