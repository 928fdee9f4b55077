import ArgumentParser
import Foundation
import FundReports

/// `--fail-if` on a whole run's summary (`run`, and `merge` of a sharded run): one
/// `threshold breached` line on standard error per breached condition, then exit status 3.
enum ThresholdBreaches {
  /// The `--fail-if` option's help, the same for `run` and `merge`.
  static let help: ArgumentHelp =
    "Exit with status 3 when a summary metric breaches a threshold: METRIC>VALUE (also >=, <, <=; aliases depletion, adl; METRIC.ci_low or .ci_high compares a bound of its 95% interval)."

  /// Parses every condition, for `validate()`.
  ///
  /// - Throws: `ValidationError` with the parser's one line.
  static func validate(_ texts: [String]) throws {
    for text in texts {
      do { _ = try FailCondition(parsing: text) } catch { throw ValidationError("\(error)") }
    }
  }

  /// Reports the conditions `summary` breaches on standard error.
  ///
  /// - Throws: `ExitCode(3)` when any is breached.
  static func check(_ conditions: [FailCondition], _ summary: RunSummary) throws {
    let breached = conditions.filter { $0.isBreached(by: summary) }
    for condition in breached {
      FileHandle.standardError.write(
        Data("fundstress: threshold breached: \(condition.message(for: summary))\n".utf8))
    }
    if !breached.isEmpty { throw ExitCode(3) }
  }
}
