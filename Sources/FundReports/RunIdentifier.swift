import Foundation

/// The run date and run id that name a run in its report and `run.json`, so a scheduled
/// job's reports can be told apart and put in order (`fundstress trend`).
public enum RunIdentifier {
  /// `date` in UTC, ISO 8601 to the second: `2026-12-05T06:00:00Z`.
  public static func iso8601(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  /// Parses ``iso8601(_:)``'s form (any ISO 8601 date-time with a zone).
  public static func date(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }

  /// A run id: the compact UTC start time and 6 random hex digits, `20261205T060000Z-3fa9c1`
  /// (sortable by time; two runs started in the same second still differ).
  public static func make(date: Date) -> String {
    let stamp = iso8601(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    let random = String(UInt32.random(in: 0..<(1 << 24)), radix: 16)
    return stamp + "-" + String(repeating: "0", count: 6 - random.count) + random
  }
}
