import ArgumentParser

/// `fundstress`: Monte Carlo stress tests of a perpetual-futures exchange's shared
/// insurance fund. The commands are thin: scenario reading lives in `ScenarioFiles`, the
/// simulation in `FundSimulation`, the reports in `FundReports`.
///
/// Exit status: 0 success; 1 bad input or a failed run (one-line message on stderr);
/// 3 a `--fail-if` threshold was breached (the report is still written); 64 a
/// command-line usage error: an unknown command or option, a malformed or out-of-range
/// option value such as `--paths 0` or `--fail-if 'depletion=0.01'` (one line too, see
/// ``main()``); 128 + the signal's number when interrupted: 130 Ctrl-C (SIGINT), 143
/// SIGTERM, 129 SIGHUP (no partial output is left behind).
@main
struct Fundstress: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fundstress",
    abstract: "Stress-test the insurance fund of a perpetual-futures exchange by Monte Carlo.",
    discussion: """
      Exit status: 0 success, 1 bad input or failed run, 3 a --fail-if threshold was \
      breached (the report is written), 64 usage error (an unknown command or option, a bad \
      option value such as --paths 0), 130 interrupted by Ctrl-C, 143 by SIGTERM, 129 by \
      SIGHUP.
      """,
    version: FundstressVersion.current,
    subcommands: [
      RunCommand.self, SizeCommand.self, SweepCommand.self, MergeCommand.self, PathsCommand.self,
      ScenarioCommand.self, VenuesCommand.self, CalibrateCommand.self, CompareCommand.self, TrendCommand.self,
    ]
  )
}

/// The version printed by `--version` and recorded in reports.
enum FundstressVersion {
  static let current = "0.1.0"
}
