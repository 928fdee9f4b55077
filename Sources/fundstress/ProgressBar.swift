import Foundation

/// A progress bar with ETA on standard error, drawn only when standard error is a
/// terminal (and not with `--quiet`), at most ten times a second.
struct ProgressBar {
  private let total: Int
  private let enabled: Bool
  private let start = Date()
  private var lastDraw = Date.distantPast

  init(total: Int, quiet: Bool) {
    self.total = total
    enabled = !quiet && isatty(STDERR_FILENO) == 1
  }

  mutating func update(done: Int) {
    guard enabled else { return }
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
    lastDraw = now
    let fraction = Double(done) / Double(max(total, 1))
    let width = 30
    let filled = Int(fraction * Double(width))
    let elapsed = now.timeIntervalSince(start)
    let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let line = "\r[\(bar)] \(Int(fraction * 100))% \(done)/\(total) paths, ETA \(Self.format(eta))  "
    FileHandle.standardError.write(Data(line.utf8))
  }

  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  private static func format(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
  }
}
