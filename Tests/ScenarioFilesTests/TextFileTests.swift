import Foundation
import Testing

@testable import ScenarioFiles

@Suite("TextFile")
struct TextFileTests {
  @Test("a missing file and a folder are refused with a short reason")
  func unreadable() throws {
    let fixtures = try Fixtures()
    let missing = #expect(throws: TextFile.Unreadable.self) {
      try TextFile.read(fixtures.folder.appendingPathComponent("nope.csv"))
    }
    #expect(missing?.reason == "No such file")
    let folder = #expect(throws: TextFile.Unreadable.self) { try TextFile.read(fixtures.folder) }
    #expect(folder?.reason == "is a folder, not a file")
  }

  @Test("a byte-order mark is dropped and invalid UTF-8 is refused")
  func encoding() throws {
    let fixtures = try Fixtures()
    let url = try fixtures.write("bom.csv", "\u{FEFF}step,BTC\n")
    #expect(try TextFile.read(url) == "step,BTC\n")
    let latin1 = fixtures.folder.appendingPathComponent("latin1.csv")
    try Data([0x61, 0xE9, 0xFF, 0x0A]).write(to: latin1)
    let error = #expect(throws: TextFile.Unreadable.self) { try TextFile.read(latin1) }
    #expect(error?.reason == "not UTF-8 text")
  }

  @Test("relative paths resolve against the scenario's folder")
  func resolve() {
    let base = URL(fileURLWithPath: "/data/scenarios", isDirectory: true)
    #expect(TextFile.resolve("crash.csv", against: base).path == "/data/scenarios/crash.csv")
    #expect(TextFile.resolve("../books/b.csv", against: base).path == "/data/books/b.csv")
    #expect(TextFile.resolve("/abs/b.csv", against: base).path == "/abs/b.csv")
  }

  @Test("display paths are relative below the working directory; the stem drops folder and extension")
  func naming() {
    let cwd = FileManager.default.currentDirectoryPath
    #expect(TextFile.displayPath(URL(fileURLWithPath: cwd + "/x/y.csv")) == "x/y.csv")
    #expect(TextFile.displayPath(URL(fileURLWithPath: "/elsewhere-\(UUID())/y.csv")).hasPrefix("/elsewhere-"))
    #expect(TextFile.stem("cases/weekend.stress.yaml") == "weekend.stress")
  }
}
