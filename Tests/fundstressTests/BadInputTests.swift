import Foundation
import Testing

/// Bad input (README, "Exit status"; docs/MODEL.md, "Bad input"): a one-line error naming
/// the file and the place, a non-zero exit status, and no output folder (not even a staging
/// folder).
@Suite struct BadInputTests {
  /// One bad input: the files to write into the scratch folder, the command line, and what
  /// the error must say.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// Files written before the run (relative path → content); `scenario.yaml` by default
    /// is the fixture.
    var files: [String: String] = [:]
    var arguments: [String]
    /// 1 for bad input, 64 for a command-line usage error: a malformed or out-of-range option
    /// value, an unknown option or command (both one line).
    var status: Int32 = 1
    /// The `--help` a usage error points to; `fundstress <first argument> --help` by default.
    var help: String? = nil
    /// Substrings the (first) error line must contain: the file, the place, the key.
    var mentions: [String]
    /// Whether the scenario file is at fault (then `scenario check` and `paths` must refuse it too).
    var scenarioFault = false
    var out = "out"

    var testDescription: String { name }
  }

  static let fixture = Fixture.scenario()

  static let cases: [Case] = [
    Case(
      name: "malformed YAML", files: ["scenario.yaml": "name: tiny\nseed: [3\nhorizon: {steps: 10}\n"],
      arguments: run(), mentions: ["scenario.yaml:", "malformed YAML"], scenarioFault: true),
    Case(
      name: "unknown key",
      files: ["scenario.yaml": Fixture.replacing("    volatility: 3.0", with: "    volatilty: 3.0", in: fixture)],
      arguments: run(), mentions: ["scenario.yaml:15:", "markets[1].volatilty", "volatility"], scenarioFault: true),
    Case(
      name: "wrong type", files: ["scenario.yaml": Fixture.replacing("steps: 100,", with: "steps: many,", in: fixture)],
      arguments: run(), mentions: ["scenario.yaml:4:", "horizon.steps", "many"], scenarioFault: true),
    Case(
      name: "negative volatility",
      files: ["scenario.yaml": Fixture.replacing("volatility: 3.0", with: "volatility: -0.5", in: fixture)],
      arguments: run(), mentions: ["scenario.yaml:", "markets[1].volatility", "-0.5"], scenarioFault: true),
    Case(
      name: "non-positive-definite correlation",
      files: [
        "scenario.yaml": Fixture.replacing(
          "  - [1.0, 0.8, 0.7]\n  - [0.8, 1.0, 0.7]\n  - [0.7, 0.7, 1.0]",
          with: "  - [1.0, 0.9, -0.9]\n  - [0.9, 1.0, 0.9]\n  - [-0.9, 0.9, 1.0]", in: fixture)
      ],
      arguments: run(), mentions: ["scenario.yaml:", "correlation", "smallest eigenvalue", "correlation_repair"],
      scenarioFault: true),
    Case(
      name: "missing scenario file", files: ["scenario.yaml": fixture],
      arguments: ["run", "--scenario", "nowhere.yaml", "--paths", "10", "--out", "out"],
      mentions: ["nowhere.yaml", "cannot be read"]),
    Case(
      name: "missing positions file", files: ["scenario.yaml": Fixture.scenario(book: .positions("book.csv"))],
      arguments: run(), mentions: ["scenario.yaml:", "book.positions", "book.csv"], scenarioFault: true),
    Case(
      name: "positions row with a bad number",
      files: [
        "scenario.yaml": Fixture.scenario(book: .positions("book.csv")),
        "book.csv": "account,market,side,size,entry_price,margin\na1,BTC,long,1,90000,9000\n"
          + "a2,ETH,short,10,3000,3000\na3,SOL,long,lots,150,1000\n",
      ],
      arguments: run(), mentions: ["book.csv:4", "size", "lots"], scenarioFault: true),
    Case(
      name: "positions row with a missing field",
      files: [
        "scenario.yaml": Fixture.scenario(book: .positions("book.csv")),
        "book.csv": "account,market,side,size,entry_price,margin\na1,BTC,long,1,90000,9000\na2,ETH,short,10,3000\n",
      ],
      arguments: run(), mentions: ["book.csv:3", "margin", "missing"], scenarioFault: true),
    Case(
      name: "positions row with an unknown market",
      files: [
        "scenario.yaml": Fixture.scenario(book: .positions("book.csv")),
        "book.csv": "account,market,side,size,entry_price,margin\n\"x, y\",DOGE,long,1,0.2,0.1\n",
      ],
      arguments: run(), mentions: ["book.csv:2", "DOGE"], scenarioFault: true),
    Case(
      name: "crash jumps more than one per step",
      files: [
        "scenario.yaml": Fixture.replacing(
          "jumps: {intensity: 10,", with: "jumps: {intensity: 1.0e9,", in: fixture)
      ],
      arguments: run(), mentions: ["scenario.yaml:", "jumps.intensity", "at most 1440"], scenarioFault: true),
    Case(
      name: "open interest beyond 1e18",
      files: ["scenario.yaml": Fixture.replacing("{BTC: 2.0e7,", with: "{BTC: 1.0e300,", in: fixture)],
      arguments: run(), mentions: ["scenario.yaml:", "open_interest.BTC", "1.0e18"], scenarioFault: true),
    Case(
      name: "max_leverage 0 with a synthetic book (drew forever)",
      files: ["scenario.yaml": btc("max_leverage: 50", with: "max_leverage: 0")],
      arguments: run(), mentions: ["scenario.yaml:12:", "markets[0].max_leverage", "is 0.0", "1 or more"],
      scenarioFault: true),
    Case(
      name: "max_leverage -1 with a synthetic book (drew forever)",
      files: ["scenario.yaml": btc("max_leverage: 50", with: "max_leverage: -1")],
      arguments: run(), mentions: ["scenario.yaml:12:", "markets[0].max_leverage", "is -1.0"], scenarioFault: true),
    Case(
      name: "maintenance_margin 1.5 with a synthetic book",
      files: ["scenario.yaml": btc("maintenance_margin: 0.01", with: "maintenance_margin: 1.5")],
      arguments: run(), mentions: ["scenario.yaml:10:", "markets[0].maintenance_margin", "is 1.5", "(0, 1)"],
      scenarioFault: true),
    Case(
      name: "maintenance_margin -0.01 with a synthetic book",
      files: ["scenario.yaml": btc("maintenance_margin: 0.01", with: "maintenance_margin: -0.01")],
      arguments: run(), mentions: ["scenario.yaml:10:", "markets[0].maintenance_margin", "is -0.01", "(0, 1)"],
      scenarioFault: true),
    Case(
      name: "maintenance_margin 2 with a positions file",
      files: [
        "scenario.yaml": btc(
          "maintenance_margin: 0.01", with: "maintenance_margin: 2", in: Fixture.scenario(book: .positions("book.csv"))),
        "book.csv": Fixture.positionsCSV(),
      ],
      arguments: run(), mentions: ["scenario.yaml:10:", "markets[0].maintenance_margin", "is 2.0", "(0, 1)"],
      scenarioFault: true),
    Case(
      name: "eleven million synthetic positions in all",
      files: ["scenario.yaml": markets(11, positionsPerMarket: 1_000_000)],
      arguments: run(),
      mentions: [
        "scenario.yaml:", "book.synthetic.positions_per_market", "11000000 positions", "at most 10000000 positions",
      ],
      scenarioFault: true),
    Case(
      name: "a leverage range almost wholly redrawn (drew for minutes)",
      files: [
        "scenario.yaml": Fixture.replacing(
          "leverage: {min: 10, max: 50}", with: "leverage: {min: 90.8, max: 1.0e300}\n    entry_dispersion: 0",
          in: btc("max_leverage: 50", with: "max_leverage: 1.0e300"))
      ],
      arguments: run(),
      mentions: ["scenario.yaml:", "book.synthetic.leverage", "leaves BTC", "give max at most 93.49×"],
      scenarioFault: true),
    Case(name: "--paths 0 (usage error)", arguments: run(paths: "0"), status: 64, mentions: ["--paths", "0"]),
    Case(
      name: "--set with an unknown key", arguments: run() + ["--set", "fund.balanse=1e6"],
      mentions: ["--set fund.balanse=1e6: fund.balanse", "did you mean 'balance'?"]),
    Case(
      name: "--set with a value of the wrong type", arguments: run() + ["--set", "markets.ETH.depth=deep"],
      mentions: ["--set markets.ETH.depth=deep: markets[1].depth", "expected a number"]),
    Case(
      name: "--set with a value the file would refuse", arguments: run() + ["--set", "markets.*.volatility=x-2"],
      mentions: ["--set markets.*.volatility=x-2: markets[0].volatility", "is -5.0"]),
    Case(
      name: "--set that is not KEY=VALUE (usage error)", arguments: run() + ["--set", "fund.balance"], status: 64,
      mentions: ["--set fund.balance", "KEY=VALUE"]),
    Case(
      name: "--threads 0 (usage error)", arguments: run() + ["--threads", "0"], status: 64, mentions: ["--threads"]),
    Case(
      name: "--fail-if with an unknown metric (usage error)", arguments: run() + ["--fail-if", "nonsense>1"],
      status: 64, mentions: ["nonsense"]),
    Case(
      name: "--fail-if without a number (usage error)", arguments: run() + ["--fail-if", "depletion>lots"],
      status: 64, mentions: ["lots"]),
    Case(
      name: "--fail-if with '=' (usage error)", arguments: run() + ["--fail-if", "depletion=0.01"], status: 64,
      mentions: ["--fail-if", "depletion=0.01", ">="]),
    Case(
      name: "run --out - (usage error: run writes a folder)", arguments: run(out: "-"), status: 64,
      mentions: ["--out", "folder"], out: "-"),
    Case(
      name: "misspelt command (usage error)", arguments: ["rnu", "--paths", "40"], status: 64, help: "fundstress",
      mentions: ["unknown command 'rnu'", "did you mean 'run'?"]),
    Case(
      name: "misspelt scenario command (usage error)", arguments: ["scenario", "chek", "scenario.yaml"], status: 64,
      help: "fundstress scenario", mentions: ["unknown command 'chek'", "did you mean 'check'?"]),
    Case(
      name: "unknown command without a close match (usage error)", arguments: ["simulate"], status: 64,
      help: "fundstress", mentions: ["unknown command 'simulate'", "the commands are run, size, sweep"]),
    Case(
      name: "YAML alias bomb as a mapping key (hung for hours)",
      files: ["scenario.yaml": aliasBomb(use: "? *a10\n: 1\n")],
      arguments: run(), mentions: ["scenario.yaml:", "aliases", "100000"], scenarioFault: true),
    Case(
      name: "YAML alias bomb as a value", files: ["scenario.yaml": aliasBomb(use: "name: *a10\n")],
      arguments: run(), mentions: ["scenario.yaml:", "aliases", "100000"], scenarioFault: true),
    Case(
      name: "YAML alias of a list as a mapping key",
      files: ["scenario.yaml": "unused: &c [1, 2]\n? *c\n: 1\n" + fixture],
      arguments: run(), mentions: ["scenario.yaml:2:3:", "alias *c in a key"], scenarioFault: true),
    Case(
      name: "a price near the largest double",
      files: ["scenario.yaml": btc("price: 90000", with: "price: 1.7e308")],
      arguments: run(), mentions: ["scenario.yaml:", "markets[0].price", "1.7e+308", "at most 1.0e18"],
      scenarioFault: true),
    Case(
      name: "a replay moving a 1e300 price a billion-fold (was inf in paths)",
      files: [
        "scenario.yaml": Fixture.replacing(
          "horizon: {steps: \(Fixture.steps), step_seconds: 60}", with: "replay: crash.csv",
          in: btc("price: 90000", with: "price: 1.0e300")),
        "crash.csv": "step,BTC,ETH,SOL\n0,1,3000,150\n1,1000000000,3000,150\n",
      ],
      arguments: run(), mentions: ["scenario.yaml:", "markets[0].price", "1e+300", "at most 1.0e18"],
      scenarioFault: true),
    Case(
      name: "prices that grow past any market's (drift 9 900% a year for 20 years: notionals of 1e52)",
      files: [
        "scenario.yaml": """
        horizon: {steps: 20, step_seconds: 31536000}
        markets:
          - {symbol: BTC, price: 1.0e18, volatility: 0.5, drift: 99, maintenance_margin: 0.01, depth: 1.0e9}
        book:
          synthetic: {positions_per_market: 100, open_interest: {BTC: 1.0e9}}
        fund: {balance: 1.0e7, waterfall: market-close}

        """
      ],
      arguments: run(), mentions: ["path 0:", "beyond 1e+30", "lower the drift or volatility"]),
    Case(
      name: "--out under a regular file", files: ["scenario.yaml": fixture, "blocker": "not a folder\n"],
      arguments: run(out: "blocker/report"), mentions: ["blocker/report"], out: "blocker/report"),
    Case(
      name: "--out naming a regular file", files: ["scenario.yaml": fixture, "taken": "a file\n"],
      arguments: run(out: "taken"), mentions: ["taken", "file"], out: "taken"),
    Case(
      name: "--paths not a number (usage error)", arguments: run(paths: "many"), status: 64,
      mentions: ["--paths", "many"]),
    Case(name: "unknown option (usage error)", arguments: run() + ["--pathz", "3"], status: 64, mentions: ["--pathz"]),
    // A negative count is read as the option's value (not as an unknown option "-1"), so
    // validation can say what is wrong with it.
    Case(name: "--paths -1", arguments: run(paths: "-1"), status: 64, mentions: ["--paths is -1", "at least 1"]),
    Case(name: "--threads -2", arguments: run() + ["--threads", "-2"], status: 64, mentions: ["--threads is -2"]),
    Case(
      name: "--seed -3 (usage error)", arguments: run() + ["--seed", "-3"], status: 64, mentions: ["--seed", "'-3'"]),
    Case(
      name: "paths --every -2",
      arguments: ["paths", "--scenario", "scenario.yaml", "--paths", "2", "--every", "-2", "--out", "prices.csv"],
      status: 64, mentions: ["--every is -2"], out: "prices.csv"),
    Case(
      name: "paths with an unknown option (usage error)",
      arguments: ["paths", "--scenario", "scenario.yaml", "--evry", "2", "--out", "prices.csv"], status: 64,
      mentions: ["--evry", "--every"], out: "prices.csv"),
  ]

  /// The fixture with one line of BTC (the first market) changed.
  static func btc(_ old: String, with new: String, in text: String = fixture) -> String {
    let block =
      "- symbol: BTC\n    price: 90000\n    volatility: 2.5\n    returns: {model: jumps, dof: 3, beta: 1.0}\n"
      + "    maintenance_margin: 0.01\n    depth: 2.0e6\n    max_leverage: 50\n"
    return Fixture.replacing(block, with: block.replacingOccurrences(of: old, with: new), in: text)
  }

  /// Ten nested anchors of nine aliases each (`*a10` stands for 9¹⁰ lists), then `use`.
  static func aliasBomb(use: String) -> String {
    var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...10 {
      text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    return text + use
  }

  /// A calm scenario of `count` markets M0, M1, … with a synthetic book.
  static func markets(_ count: Int, positionsPerMarket: Int) -> String {
    let symbols = (0..<count).map { "M\($0)" }
    let markets = symbols.map {
      "  - {symbol: \($0), price: 100, volatility: 0.5, maintenance_margin: 0.01, depth: 1.0e6}\n"
    }
    let interest = symbols.map { "\($0): 1.0e6" }.joined(separator: ", ")
    return "horizon: {steps: 10, step_seconds: 60}\nmarkets:\n" + markets.joined()
      + "book:\n  synthetic:\n    positions_per_market: \(positionsPerMarket)\n    open_interest: {\(interest)}\n"
      + "fund: {balance: 1.0e6, waterfall: market-close}\n"
  }

  static func run(paths: String = "10", out: String = "out") -> [String] {
    ["run", "--scenario", "scenario.yaml", "--paths", paths, "--out", out]
  }

  @Test(arguments: cases)
  func refusedWithOneLineAndNoOutput(_ bad: Case) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    var files = bad.files
    if files["scenario.yaml"] == nil { files["scenario.yaml"] = Self.fixture }
    for (path, text) in files { try scratch.write(path, text) }
    let before = scratch.entries()

    let result = try await fundstress(bad.arguments, in: scratch.url)
    #expect(!result.signaled && result.status == bad.status, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    let lines = result.stderrLines
    #expect(lines.count == 1, "expected one line on stderr: \(result)")
    #expect(lines.first?.hasPrefix("fundstress: error: ") == true, "\(result)")
    if bad.status == 64 {
      // A usage error caught by ArgumentParser: its usage block is replaced by a pointer.
      let help = bad.help ?? "fundstress \(bad.arguments[0])"
      #expect(lines.first?.hasSuffix("(see '\(help) --help')") == true, "\(result)")
    }
    let first = lines.first ?? ""
    for mention in bad.mentions {
      #expect(first.contains(mention), "the error does not mention '\(mention)': \(first)")
    }

    // Nothing written: no output, no staging leftovers, the scratch folder as it was.
    if files[bad.out] == nil { #expect(!scratch.exists(bad.out), "\(bad.out) was created") }
    #expect(scratch.entries() == before, "the scratch folder changed: \(scratch.entries())")
    for (path, text) in files { #expect((try? scratch.read(path)) == text, "\(path) was modified") }
  }

  @Test(arguments: cases.filter(\.scenarioFault))
  func scenarioCheckAndPathsRefuseTheSameFile(_ bad: Case) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    for (path, text) in bad.files { try scratch.write(path, text) }
    let before = scratch.entries()

    let run = try await fundstress(bad.arguments, in: scratch.url)
    let check = try await fundstress(["scenario", "check", "scenario.yaml"], in: scratch.url)
    #expect(check.status == 1 && check.stdout.isEmpty && check.stderrLines.count == 1, "\(check)")
    #expect(check.stderr == run.stderr, "check and run word the error differently")

    let paths = try await fundstress(
      ["paths", "--scenario", "scenario.yaml", "--paths", "2", "--out", "prices.csv"], in: scratch.url)
    #expect(paths.status == 1 && paths.stderrLines.count == 1, "\(paths)")
    #expect(paths.stderr == run.stderr, "paths and run word the error differently")
    #expect(scratch.entries() == before, "files appeared: \(scratch.entries())")
  }

  @Test func aFailedRunLeavesThePreviousReportUntouched() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, previous) = try await runFixture(in: scratch, paths: 30, extra: ["--quiet"])
    let before = try ReportFolder.csvFiles.map { try scratch.data("out/\($0)") }
    try scratch.write("broken.yaml", Fixture.replacing("volatility: 2.5", with: "volatility: -1", in: Self.fixture))

    let result = try await fundstress(
      ["run", "--scenario", "broken.yaml", "--paths", "40", "--out", "out"], in: scratch.url)
    #expect(result.status == 1, "\(result)")
    #expect(try ReportFolder.csvFiles.map { try scratch.data("out/\($0)") } == before)
    #expect(previous.paths.rows.count == 30)
    #expect(scratch.stagingLeftovers().isEmpty)
  }

  @Test func pathsRefusesABadSpacingAndAFolderAsItsOutput() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Self.fixture)
    try FileManager.default.createDirectory(at: scratch.path("folder"), withIntermediateDirectories: false)
    let before = scratch.entries()

    let every = try await fundstress(
      ["paths", "--scenario", "scenario.yaml", "--paths", "2", "--every", "0", "--out", "p.csv"], in: scratch.url)
    #expect(every.status == 64 && every.stderrLines.count == 1, "\(every)")
    #expect(every.stderr.contains("--every"))

    let folder = try await fundstress(
      ["paths", "--scenario", "scenario.yaml", "--paths", "2", "--out", "folder"], in: scratch.url)
    #expect(folder.status == 1 && folder.stderrLines.count == 1, "\(folder)")
    #expect(folder.stderr.contains("folder"))
    #expect(scratch.entries() == before, "files appeared: \(scratch.entries())")
    #expect(scratch.entries("folder").isEmpty)
  }

  @Test func failIfErrorNamesTheOptionOnce() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Self.fixture)
    let result = try await fundstress(Self.run() + ["--fail-if", "nonsense>1"], in: scratch.url)
    #expect(result.status == 64)
    #expect(!result.stderr.contains("--fail-if --fail-if"), "\(result.stderr)")
    #expect(result.stderr.contains("--fail-if"), "\(result.stderr)")
  }

  @Test func anExistingFolderWithOtherFilesIsNotWipedOut() async throws {
    // `--out` names a folder the user already keeps other files in (or `.`): the run must
    // not delete them. OutputStaging.commit() moves the whole folder aside and removes it.
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Self.fixture)
    try scratch.write("work/notes.txt", "months of work\n")
    let result = try await fundstress(Self.run(out: "work") + ["--quiet"], in: scratch.url)
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("notes.txt"), "\(result.stderr)")
    #expect(scratch.exists("work/notes.txt"), "work/notes.txt was deleted by the run")
  }

  @Test func theCurrentDirectoryIsNeverAnOutputFolder() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("scenario.yaml", Self.fixture)
    let result = try await fundstress(Self.run(out: ".") + ["--quiet"], in: scratch.url)
    #expect(result.status == 1, "\(result)")
    #expect(scratch.exists("scenario.yaml"))
  }
}
