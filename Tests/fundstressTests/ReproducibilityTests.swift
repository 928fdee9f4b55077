import Foundation
import Testing

/// Randomness is keyed by (seed, path): outputs do not depend on the thread count, and the
/// seed changes the paths (docs/REPORTS.md, "Reproducibility").
@Suite struct ReproducibilityTests {
  /// More paths than one chunk of the parallel driver, so two threads really interleave.
  static let paths = 300

  @Test func sameSeedGivesByteIdenticalCSVsWithOneAndTwoThreads() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try await runFixture(in: scratch, out: "one", paths: Self.paths, extra: ["--threads", "1", "--quiet"])
    // The same seed, given explicitly, on two threads.
    try await runFixture(
      in: scratch, out: "two", paths: Self.paths, extra: ["--threads", "2", "--seed", String(Fixture.seed), "--quiet"])
    for file in ReportFolder.csvFiles {
      let one = try scratch.data("one/\(file)")
      let two = try scratch.data("two/\(file)")
      #expect(one == two, "\(file) differs between --threads 1 and --threads 2")
      #expect(one.count > 40, "\(file) is nearly empty")
    }
    // The reports agree too, apart from the run metadata (threads, wall time, command).
    let one = try scratch.read("one/report.md")
    let two = try scratch.read("two/report.md")
    #expect(Markdown.section("Headline", of: one) == Markdown.section("Headline", of: two))
    #expect(Markdown.section("Markets", of: one) == Markdown.section("Markets", of: two))
  }

  @Test func anotherSeedGivesOtherPathsOverTheSameBook() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, base) = try await runFixture(in: scratch, out: "base", paths: Self.paths, extra: ["--quiet"])
    let (_, other) = try await runFixture(
      in: scratch, out: "other", paths: Self.paths, extra: ["--seed", "4", "--quiet"])
    #expect(try scratch.data("base/paths.csv") != scratch.data("other/paths.csv"))
    // Not merely one row: most paths change.
    let changed = zip(base.paths.rows, other.paths.rows).filter { $0 != $1 }.count
    #expect(changed > Self.paths / 2, "only \(changed) of \(Self.paths) paths changed with the seed")

    let metadata = try #require(other.json()["metadata"] as? [String: Any])
    #expect(metadata["seed"] as? Int == 4)
    let scenario = try #require(other.json()["scenario"] as? [String: Any])
    #expect(scenario["seed"] as? Int == 4)
    // `--seed` changes the paths, not the synthetic book (drawn from the file's seed).
    let book = try #require(scenario["book"] as? [String: Any])
    #expect(book["seed"] as? Int == Int(Fixture.seed))
    let baseBook = try #require((try base.json()["scenario"] as? [String: Any])?["book"] as? [String: Any])
    #expect(
      (book["markets"] as? [[String: Any]])?.map { $0["long_open_interest"] as? Double }
        == (baseBook["markets"] as? [[String: Any]])?.map { $0["long_open_interest"] as? Double })
  }
}
