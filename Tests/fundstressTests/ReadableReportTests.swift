import Foundation
import FundReports
import Testing

/// What people read — the terminal headline, `report.md` (and `report.html`) — agrees with
/// the exact values of `summary.csv` after rounding, and states when and how it was run.
@Suite struct ReadableReportTests {
  /// `summary.csv` as `metric → (value, ci_low, ci_high, unit)`.
  static func exact(_ report: ReportFolder) -> [String: (Double?, Double?, Double?, String)] {
    var rows: [String: (Double?, Double?, Double?, String)] = [:]
    for row in report.summary.rows { rows[row[0]] = (Double(row[1]), Double(row[2]), Double(row[3]), row[4]) }
    return rows
  }

  /// Checks `shown` (`2.66% (95% CI 2.56–2.76%)`, or an estimate and a bounds cell) against
  /// the exact metric.
  static func expectAgrees(
    _ name: String, estimate: String, bounds: String?, exact: (Double?, Double?, Double?, String)
  ) {
    guard let value = exact.0 else {
      #expect(estimate.hasPrefix("–"), "\(name): \(estimate) for an empty value")
      return
    }
    #expect(ReadableNumber.read(estimate)?.agrees(with: value) == true, "\(name): \(estimate) ≠ \(value)")
    let unit = exact.3 == "probability" ? "%" : " " + exact.3
    #expect(estimate.hasSuffix(unit), "\(name): \(estimate) lacks its unit \(unit)")
    guard let bounds, bounds != "–" else {
      #expect(exact.1 == nil && exact.2 == nil || exact.1 == value && exact.2 == value, "\(name): interval missing")
      return
    }
    let read = ReadableNumber.readBounds(bounds)
    #expect(read != nil, "\(name): cannot read \(bounds)")
    if let low = exact.1 { #expect(read?.low?.agrees(with: low) == true, "\(name): \(bounds) low ≠ \(low)") }
    if let high = exact.2 { #expect(read?.high?.agrees(with: high) == true, "\(name): \(bounds) high ≠ \(high)") }
  }

  /// Splits `value unit (95% CI bounds)` into the estimate and the bounds.
  static func split(_ text: String) -> (String, String?) {
    guard let open = text.range(of: " (95% CI ") else { return (text, nil) }
    return (String(text[..<open.lowerBound]), String(text[open.upperBound...].dropLast()))
  }

  @Test func headlineReportAndSummaryAgreeAfterRounding() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (result, report) = try await runFixture(in: scratch, paths: 300)
    let exact = Self.exact(report)
    let markdown = try report.text("report.md")

    // report.md's headline table: every metric of summary.csv.
    let rows = Markdown.section("Headline", of: markdown).filter { $0.hasPrefix("| `") }.map(Markdown.cells)
    #expect(rows.count == exact.count)
    for cells in rows {
      let name = cells[0].trimmingCharacters(in: ["`"])
      let metric = try #require(exact[name], "\(name) is not in summary.csv")
      Self.expectAgrees(name, estimate: cells[1], bounds: cells[2], exact: metric)
    }

    // report.html's headline table: the same rows.
    let html = try report.text("report.html")
    let htmlRows = Self.htmlHeadlineRows(html)
    #expect(htmlRows.count == exact.count)
    for (name, estimate, bounds) in htmlRows {
      let metric = try #require(exact[name], "\(name) is not in summary.csv")
      Self.expectAgrees(name, estimate: estimate, bounds: bounds, exact: metric)
    }

    // The terminal headline: `name: value unit (95% CI low–high)`.
    let lines = result.stdout.split(separator: "\n").map(String.init).filter { $0.contains(": ") }
    var checked = 0
    for line in lines {
      let name = String(line.prefix { $0 != ":" })
      guard let metric = exact[name] else { continue }
      let (estimate, bounds) = Self.split(String(line.dropFirst(name.count + 2)))
      Self.expectAgrees(name, estimate: estimate, bounds: bounds, exact: metric)
      checked += 1
    }
    #expect(checked >= 5, "the headline shows too few metrics: \(result.stdout)")

    // The opening paragraph's depletion figure, in the report and on the terminal.
    let depletion = try #require(exact["depletion_probability"])
    for text in [markdown, result.stdout, html.replacingOccurrences(of: "<strong>", with: "")] {
      let after = try #require(text.range(of: "runs dry on ")).upperBound
      let figure = String(text[after...].prefix { $0 != ")" }).replacingOccurrences(of: "*", with: "") + ")"
      let (estimate, bounds) = Self.split(figure)
      Self.expectAgrees("depletion_probability", estimate: estimate, bounds: bounds, exact: depletion)
    }
  }

  /// `(name, estimate, bounds)` of the rows `<tr><td><code>name</code></td><td class="num">…`.
  static func htmlHeadlineRows(_ html: String) -> [(String, String, String)] {
    let unescape = { (text: Substring) in
      text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&amp;", with: "&")
    }
    var rows: [(String, String, String)] = []
    for line in html.split(separator: "\n") where line.hasPrefix("<tr><td><code>") && line.contains("class=\"num\"") {
      let cells = line.components(separatedBy: "</td>").dropLast().map { cell in
        cell.split(separator: ">", omittingEmptySubsequences: false).dropFirst(cell.hasPrefix("<tr>") ? 2 : 1)
          .joined(separator: ">")
      }
      guard cells.count == 3 else { continue }
      let name = cells[0].replacingOccurrences(of: "<code>", with: "").replacingOccurrences(of: "</code>", with: "")
        .replacingOccurrences(of: "<wbr/>", with: "")
      rows.append((name, unescape(Substring(cells[1])), unescape(Substring(cells[2]))))
    }
    return rows
  }

  @Test(.enabled(if: HTML5Lib.python != nil, "needs Python with html5lib (apt-get install python3-html5lib)"))
  func reportHTMLParsesAsHTML5() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    // A breach, so the alert is part of the page (exit status 3).
    try scratch.write("scenario.yaml", Fixture.scenario())
    let run = try await fundstress(
      ["run", "--scenario", "scenario.yaml", "--paths", "50", "--out", "out", "--fail-if", "depletion.ci_high>=0"],
      in: scratch.url)
    try #require(run.status == 3, "\(run)")
    #expect(try scratch.read("out/report.html").contains("class=\"alert\""))
    let python = try #require(HTML5Lib.python)
    let script = """
      import sys, html5lib
      html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(open(sys.argv[1], 'rb').read())
      print('ok')
      """
    let result = try await command(python, ["-c", script, scratch.path("out/report.html").path], in: scratch.url)
    #expect(result.status == 0 && result.stdout == "ok\n", "html5lib: \(result.stderr)")
  }

  @Test func theReportStatesDateRunIDVersionAndCommand() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let before = Date()
    let (_, report) = try await runFixture(in: scratch, paths: 20)
    let run = Markdown.section("Run", of: try report.text("report.md")).map(Markdown.cells)
    let metadata = try #require(try report.json()["metadata"] as? [String: Any])
    let date = try #require(metadata["run_date"] as? String)
    let id = try #require(metadata["run_id"] as? String)
    #expect(run.contains(["Run date (UTC)", date]))
    #expect(run.contains(["Run id", "`\(id)`"]))
    #expect(run.contains { $0.first == "Version" && $0.last?.hasPrefix("fundstress ") == true })
    #expect(run.contains { $0.first == "Command" && $0.last?.contains("--paths 20") == true })
    // ISO 8601 in UTC, to the second, at the run's start.
    #expect(date.count == 20 && date.hasSuffix("Z"), "\(date)")
    let parsed = try #require(ISO8601DateFormatter().date(from: date))
    #expect(parsed.timeIntervalSince(before) > -1 && parsed.timeIntervalSince(before) < 120)
    #expect(id.hasPrefix(date.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")))
  }
}

/// A Python that has html5lib, if any (the system one with Debian's python3-html5lib, or
/// the one on PATH).
enum HTML5Lib {
  static let python: String? = {
    for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"]
    where FileManager.default.fileExists(atPath: candidate) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: candidate)
      process.arguments = ["-c", "import html5lib"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      guard (try? process.run()) != nil else { continue }
      process.waitUntilExit()
      if process.terminationStatus == 0 { return candidate }
    }
    return nil
  }()
}
