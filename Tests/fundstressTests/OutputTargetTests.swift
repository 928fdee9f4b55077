import Foundation
import Testing

/// What `--out` may replace (OutputStaging): an earlier output of the same kind only — never
/// a folder for a file, a symbolic link or its target, a device, a FIFO; and `paths --out -`
/// writes to standard output.
@Suite struct OutputTargetTests {
  static func paths(out: String) -> [String] {
    ["paths", "--scenario", "scenario.yaml", "--paths", "2", "--every", "25", "--out", out]
  }

  /// A scratch folder with the fixture scenario.
  static func scratch() throws -> Scratch {
    let scratch = try Scratch()
    try scratch.write("scenario.yaml", Fixture.scenario())
    return scratch
  }

  @Test func aRegularFileIsReplaced() async throws {
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    try scratch.write("prices.csv", "an earlier export\n")
    let result = try await fundstress(Self.paths(out: "prices.csv"), in: scratch.url)
    #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
    #expect(try scratch.read("prices.csv").hasPrefix("path,step,BTC,ETH,SOL\n"))
    #expect(scratch.stagingLeftovers().isEmpty)
  }

  @Test func aFolderIsRefused() async throws {
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    try scratch.write("prices.csv/keep.txt", "kept\n")
    let result = try await fundstress(Self.paths(out: "prices.csv"), in: scratch.url)
    #expect(result.status == 1 && result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("prices.csv: exists and is a folder"), "\(result)")
    #expect(try scratch.read("prices.csv/keep.txt") == "kept\n")
    #expect(scratch.stagingLeftovers().isEmpty)
  }

  @Test func aSymbolicLinkIsRefusedAndItsTargetUntouched() async throws {
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    try scratch.write("target.csv", "the user's file\n")
    try FileManager.default.createSymbolicLink(atPath: scratch.path("link.csv").path, withDestinationPath: "target.csv")
    let before = scratch.entries()

    let result = try await fundstress(Self.paths(out: "link.csv"), in: scratch.url)
    #expect(result.status == 1 && result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("link.csv: is a symbolic link"), "\(result)")
    #expect(try scratch.read("target.csv") == "the user's file\n")
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("link.csv").path)
    #expect(link == "target.csv", "the link was replaced")
    #expect(scratch.entries() == before, "files appeared: \(scratch.entries())")
  }

  @Test func aFIFOIsRefused() async throws {
    // A special file like /dev/null (which `paths` used to replace when run as root),
    // made in the scratch folder rather than touching /dev.
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    try #require(mkfifo(scratch.path("pipe").path, 0o644) == 0, "mkfifo failed")
    let result = try await fundstress(Self.paths(out: "pipe"), in: scratch.url)
    #expect(result.status == 1 && result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("pipe: is a device or other special file"), "\(result)")
    let type = try FileManager.default.attributesOfItem(atPath: scratch.path("pipe").path)[.type] as? FileAttributeType
    #expect(type != .typeRegular, "the FIFO was replaced by a regular file")
    #expect(scratch.stagingLeftovers().isEmpty)
  }

  @Test func dashWritesTheSameCSVToStandardOutput() async throws {
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    let file = try await fundstress(Self.paths(out: "prices.csv"), in: scratch.url)
    try #require(file.status == 0, "\(file)")
    let before = scratch.entries()
    let piped = try await fundstress(Self.paths(out: "-"), in: scratch.url)
    #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped)")
    #expect(piped.stdout == (try scratch.read("prices.csv")), "standard output differs from the file")
    #expect(scratch.entries() == before, "a file appeared: \(scratch.entries())")
  }

  @Test func runRefusesASymbolicLinkToAReportFolder() async throws {
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    let (_, _) = try await runFixture(in: scratch, paths: 20, extra: ["--quiet"])
    let earlier = try scratch.data("out/paths.csv")
    try FileManager.default.createSymbolicLink(atPath: scratch.path("latest").path, withDestinationPath: "out")
    let result = try await fundstress(
      ["run", "--scenario", "scenario.yaml", "--paths", "30", "--out", "latest", "--quiet"], in: scratch.url)
    #expect(result.status == 1 && result.stderrLines.count == 1, "\(result)")
    #expect(result.stderr.contains("latest: is a symbolic link"), "\(result)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("latest").path) == "out")
    #expect(try scratch.data("out/paths.csv") == earlier, "the link's target folder changed")
    #expect(scratch.stagingLeftovers().isEmpty)
  }

  @Test func pricesThatOverflowAreRefusedWithNothingWritten() async throws {
    // ln(1e18) = 41.4, and each one-year step adds μ − σ²/2 = 99 − 0.125 plus a N(0, 0.5²)
    // shock, so the log-price is about 634.7 at step 6 and 733.6 at step 7: it passes
    // ln(Double.greatestFiniteMagnitude) ≈ 709.78, where exp overflows to inf, at step 7
    // (the shocks are far smaller than the margins of 75 and 24). `paths` used to write
    // `inf` and exit 0.
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Self.soaringBTC(steps: 10, drift: 99))
    let before = scratch.entries()
    for out in ["prices.csv", "-"] {
      let arguments = ["paths", "--scenario", "scenario.yaml", "--paths", "2", "--out", out]
      let result = try await fundstress(arguments, in: scratch.url)
      #expect(result.status == 1 && result.stderrLines.count == 1, "\(result)")
      #expect(result.stderr.contains("BTC price of path 0 at step 7 overflows"), "\(result)")
      #expect(result.stdout.isEmpty, "partial output: \(result)")
      #expect(scratch.entries() == before, "files appeared: \(scratch.entries())")
    }
  }

  @Test func standardOutputGetsNothingWhenALaterPathOverflows() async throws {
    // Seven one-year steps with drift 95 and volatility 0.5 bring ln(price) from 41.4 to a
    // mean of 41.4 + 7·(95 − 0.125) = 705.5 with a spread of about 0.5·√7 = 1.3 at step 7:
    // a few paths in a hundred pass ln(Double.greatestFiniteMagnitude) ≈ 709.78, and with
    // this seed none of the first chunk (16 paths) does. Standard output cannot be taken
    // back, so every path is checked before the first row is written.
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Self.soaringBTC(steps: 7, drift: 95))
    let result = try await fundstress(
      ["paths", "--scenario", "scenario.yaml", "--paths", "400", "--out", "-"], in: scratch.url)
    #expect(result.status == 1 && result.stderrLines.count == 1, "\(result)")
    let path = result.stderr.split(separator: " ").drop { $0 != "path" }.dropFirst().first.flatMap { Int($0) }
    try #require(path.map { $0 >= 16 } == true, "the overflow must come after the first chunk: \(result)")
    #expect(result.stdout.isEmpty, "partial output: \(result.stdout.prefix(200))")
  }

  /// A scenario of BTC alone starting at a price of 1e18, with volatility 0.5 and `drift` a
  /// year over `steps` one-year steps: prices that overflow a Double within the horizon.
  static func soaringBTC(steps: Int, drift: Int) -> String {
    """
    horizon: {steps: \(steps), step_seconds: 31536000}
    markets:
      - {symbol: BTC, price: 1.0e18, volatility: 0.5, drift: \(drift), maintenance_margin: 0.01, depth: 1.0e6}
    book:
      synthetic: {positions_per_market: 10, open_interest: {BTC: 1.0e6}}
    fund: {balance: 1.0e6, waterfall: market-close}

    """
  }
}
