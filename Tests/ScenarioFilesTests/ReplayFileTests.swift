import Foundation
import PricePaths
import Testing

@testable import ScenarioFiles

@Suite("ReplayFile")
struct ReplayFileTests {
  func readError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
    #expect(throws: ScenarioError.self, sourceLocation: sourceLocation) {
      try ReplayFile.read(text: text, file: "crash.csv")
    }
  }

  @Test("steps and prices become replay prices")
  func reads() throws {
    let replay = try ReplayFile.read(text: "step,BTC,ETH\n0,90000,3000\n1,89000,2950\n2,88000,2900\n", file: "c.csv")
    #expect(replay.symbols == ["BTC", "ETH"])
    #expect(replay.steps == 2)
    #expect(replay.price(step: 1, column: 1) == 2950)
  }

  @Test("a gap in the steps names the line")
  func gap() {
    expectMessage(
      readError("step,BTC\n0,1\n1,2\n2,3\n3,4\n5,5\n"), file: "crash.csv", line: 6, key: "step",
      contains: ["step 5 follows step 3"])
    expectMessage(readError("step,BTC\n1,1\n2,2\n"), file: "crash.csv", line: 2, contains: ["the first step is 1"])
    expectMessage(readError("step,BTC\n0,1\n0,2\n"), file: "crash.csv", line: 3, contains: ["step 0 follows step 0"])
  }

  @Test("a non-numeric or non-positive price names the line and symbol")
  func badPrices() {
    expectMessage(
      readError("step,BTC,ETH\n0,1,2\n1,1,abc\n"), file: "crash.csv", line: 3, key: "ETH",
      contains: ["expected a number, found 'abc'"])
    expectMessage(readError("step,BTC\n0,1\n1,-2\n"), file: "crash.csv", line: 3, key: "BTC", contains: ["is -2"])
  }

  /// A step-0 price of 10⁻³⁰⁰ turned a move to 90 000 into infinite notionals in every
  /// report (exit 0); a billion-fold move either way is refused, exactly 10⁹ is accepted.
  @Test("a price more than a billion times (or a billionth of) its step-0 price names the line and symbol")
  func implausibleMoves() throws {
    expectMessage(
      readError("step,BTC,ETH\n0,1e-300,3000\n1,90000,3000\n"), file: "crash.csv", line: 3, key: "BTC",
      contains: ["is 90000", "times its step-0 price 1e-300", "at most 10⁹-fold"])
    expectMessage(
      readError("step,BTC\n0,90000\n1,90000\n2,1e-5\n"), file: "crash.csv", line: 4, key: "BTC", contains: ["is 1e-5"])
    let edge = try ReplayFile.read(text: "step,BTC\n0,2\n1,2e9\n2,2e-9\n", file: "crash.csv")
    #expect(edge.steps == 2)
  }

  @Test("a wrong number of fields names the line")
  func wrongWidth() {
    expectMessage(
      readError("step,BTC,ETH\n0,1,2\n1,1\n"), file: "crash.csv", line: 3, key: "ETH", contains: ["is missing"])
    expectMessage(
      readError("step,BTC,ETH\n0,1,2\n1,1,2,3\n"), file: "crash.csv", line: 3,
      contains: ["has 4 fields but the header has 3"])
  }

  @Test("the header must start with step and name each symbol once; one row is not a path")
  func header() {
    expectMessage(readError("time,BTC\n0,1\n1,2\n"), file: "crash.csv", line: 1, key: "header", contains: ["'time'"])
    expectMessage(readError("step\n0\n1\n"), file: "crash.csv", line: 1, contains: ["no price columns"])
    expectMessage(readError("step,BTC,BTC\n0,1,1\n1,2,2\n"), file: "crash.csv", line: 1, contains: ["twice"])
    expectMessage(readError("step,BTC\n0,1\n"), file: "crash.csv", contains: ["has 1 price rows"])
  }

  /// The crash file shipped in the repository's `data/` folder (see data/README.md).
  static let crashFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("data/crash-2025-02-03-1m.csv")

  @Test("the February 2025 crash file reads as 1440 steps")
  func realCrashFile() throws {
    // data/README.md: steps 0 (2025-02-02 12:00 UTC) to 1440 (a day of minutes later),
    // columns step,BTC,ETH,SOL,XRP,DOGE,LINK,AVAX.
    let replay = try ReplayFile.read(contentsOf: Self.crashFile)
    #expect(replay.steps == 1440)
    #expect(replay.symbols == ["BTC", "ETH", "SOL", "XRP", "DOGE", "LINK", "AVAX"])
  }
}
