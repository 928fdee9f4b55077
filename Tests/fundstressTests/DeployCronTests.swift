import Foundation
import Testing

/// `deploy/fundstress.cron`, the README's scheduled job: one line, full paths, UTC, and a
/// mail only when fundstress exits 3. Its command is run as cron runs it (`/bin/sh -c`,
/// cron's minimal PATH, `\%` unescaped) with a stub `mail` that records its calls.
@Suite struct DeployCronTests {
  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("deploy/fundstress.cron")

  /// The file's settings and jobs (comments and blank lines dropped).
  static func entries() throws -> [String] {
    try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
  }

  /// The job's command as cron hands it to the shell: after the five time fields, `\%`
  /// becomes `%` (an unescaped `%` would end the command, so there must be none).
  static func command() throws -> String {
    let job = try #require(try entries().last)
    let fields = job.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
    try #require(fields.count == 6, "not a cron job line: \(job)")
    let command = String(fields[5])
    #expect(
      command.components(separatedBy: "%").count == command.components(separatedBy: "\\%").count,
      "an unescaped % in the cron command")
    return command.replacingOccurrences(of: "\\%", with: "%")
  }

  @Test func theFileIsOneJobAtSixUTCWithFullPaths() throws {
    let entries = try Self.entries()
    #expect(entries == ["CRON_TZ=UTC", entries.last ?? ""], "\(entries)")
    let job = try #require(entries.last)
    #expect(job.hasPrefix("0 6 * * * /"), "\(job)")
    #expect(!job.hasSuffix("\\"), "cron has no line continuation")
    let command = try Self.command()
    // Every program is named by its full path (cron's PATH is /usr/bin:/bin).
    for program in ["/usr/local/bin/fundstress run", "/usr/bin/mail -s"] { #expect(command.contains(program)) }
    #expect(command.contains("; [ $? -eq 3 ] && /usr/bin/mail"), "mail must depend on exit status 3 only")
    // The README shows the same line.
    let readme = try String(
      contentsOf: Self.file.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"),
      encoding: .utf8)
    #expect(readme.contains(job), "README.md does not show deploy/fundstress.cron's job")
    #expect(readme.contains("CRON_TZ=UTC"))
  }

  /// Runs the job's command in `scratch` (as /srv/risk) with `scenario.yaml` as the
  /// scenario; returns the shell's result and the stub mail's log (empty when not called).
  func runJob(in scratch: Scratch, scenario: String?) async throws -> (CommandResult, String) {
    let executable = try #require(FundstressExecutable.url, "the fundstress executable was not found")
    let log = scratch.path("mail.log")
    let stub = try scratch.write(
      "bin/mail", "#!/bin/sh\nprintf 'args: %s\\n' \"$*\" >> '\(log.path)'\ncat >> '\(log.path)'\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
    if let scenario { try scratch.write("exchange.yaml", scenario) }
    let command = try Self.command()
      .replacingOccurrences(of: "/usr/local/bin/fundstress", with: executable.path)
      .replacingOccurrences(of: "/usr/bin/mail", with: stub.path)
      .replacingOccurrences(of: "/srv/risk", with: scratch.url.path)
      .replacingOccurrences(of: "--paths 100000", with: "--paths 80")
    let environment = ["PATH": "/usr/bin:/bin", "HOME": scratch.url.path, "SHELL": "/bin/sh", "LOGNAME": "risk"]
    let result = try await fundstress_sh(command, in: scratch.url, environment: environment)
    let mail = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    return (result, mail)
  }

  func fundstress_sh(
    _ command: String, in directory: URL, environment: [String: String]
  ) async throws
    -> CommandResult
  {
    try await fundstressTests.command("/bin/sh", ["-c", command], in: directory, environment: environment)
  }

  /// The fixture depletes the fund on about 4 paths in 10: even the lower bound of the 95%
  /// interval is far above 1%, so fundstress exits 3 and the report is mailed.
  @Test func aBreachMailsTheReport() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (_, mail) = try await runJob(in: scratch, scenario: Fixture.scenario())
    let today = Self.utcDay()
    #expect(mail.hasPrefix("args: -s insurance fund threshold breached \(today) risk@example.com\n"), "\(mail)")
    let report = try scratch.read("reports/\(today)/report.md")
    #expect(mail.hasSuffix(report), "the mail body is not the report")
    #expect(report.contains("**Threshold breached:** depletion_probability"))
  }

  /// A fund a thousand times larger is never depleted: exit 0, a report, no mail.
  @Test func aCleanRunSendsNoMail() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (result, mail) = try await runJob(in: scratch, scenario: Fixture.scenario(fund: 3e8))
    #expect(mail.isEmpty, "mailed on a clean run: \(mail)")
    #expect(result.stderr.isEmpty, "\(result)")
    #expect(scratch.exists("reports/\(Self.utcDay())/report.md"))
  }

  /// A failed run (no scenario file) exits 1: cron mails its one-line stderr itself; the
  /// job sends no threshold mail.
  @Test func aFailedRunSendsNoThresholdMail() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let (result, mail) = try await runJob(in: scratch, scenario: nil)
    #expect(mail.isEmpty, "\(mail)")
    #expect(result.stderr.contains("exchange.yaml"), "\(result)")
  }

  static func utcDay() -> String {
    let formatter = DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date())
  }
}

/// Shell completion scripts complete files for --scenario, --out and `scenario check`.
@Suite struct CompletionTests {
  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScriptsCompleteFiles(shell: String) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let result = try await fundstress(["--generate-completion-script", shell], in: scratch.url)
    #expect(result.status == 0, "\(result)")
    let script = result.stdout
    switch shell {
    case "bash":
      #expect(script.contains("'--scenario')\n        __fundstress_add_completions -o plusdirs -fX '!*.@(yaml|yml)'"))
      #expect(script.contains("'--out')\n        __fundstress_add_completions -d"), "run --out completes folders")
      #expect(script.contains("'--out')\n        __fundstress_add_completions -o plusdirs -fX '!*.@(csv)'"))
      // `scenario check FILE`.
      let check = try #require(script.range(of: "_fundstress_scenario_check() {"))
      #expect(script[check.upperBound...].prefix(600).contains("-fX '!*.@(yaml|yml)'"))
    case "zsh":
      #expect(
        script.contains("--scenario[") && script.contains(":scenario:_files -g ") && script.contains("*.yaml *.yml"))
      #expect(script.contains(":out:_files -/"))
    default:
      #expect(script.contains("-l 'scenario'") && script.contains("'yaml'") || script.contains("\\'yaml\\'"))
      #expect(script.contains("-l 'out'") && script.contains("(__fundstress_complete_directories)"))
    }
  }
}
