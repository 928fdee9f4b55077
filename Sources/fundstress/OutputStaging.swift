import Dispatch
import Foundation
import FundReports
import MonteCarlo

/// Writes a command's output beside its destination first and moves it into place only
/// when complete, so a failed or interrupted run never leaves a partial folder or file.
///
/// Ctrl-C (SIGINT), SIGTERM or SIGHUP (a closed terminal) removes the staging copy and
/// exits with status 128 + the signal's number, the shell's convention: 130 for SIGINT,
/// 143 for SIGTERM, 129 for SIGHUP. An existing destination folder is replaced only when it holds nothing but a fundstress
/// report: `--out .` or a folder of other files is refused rather than wiped.
final class OutputStaging: @unchecked Sendable {
  let destination: URL
  let staging: URL
  private let isDirectory: Bool
  private var signalSources: [DispatchSourceSignal] = []
  /// Serialises the interrupt handler with ``commit()``: once interrupted, nothing moves.
  private let lock = NSLock()

  /// The files a report folder, a shard's partial folder, or a `compare` or `trend` folder
  /// may hold (and so may be replaced).
  static let reportFiles = Set<String>([
    ComparisonReport.csvFile, ComparisonReport.markdownFile, TrendReport.csvFile, TrendReport.markdownFile,
    TrendReport.chartFile,
    ReportWriter.File.summary, ReportWriter.File.paths, ReportWriter.File.pathsGzip, ReportWriter.File.markets,
    ReportWriter.File.fundQuantiles,
    ReportWriter.File.report, ReportWriter.File.html, ReportWriter.File.runJSON, ReportWriter.File.fanChart,
    ReportWriter.File.pnlHistogram,
    ReportWriter.File.marketShares, CalibrationReport.File.markdown, CalibrationReport.File.qqPlots,
  ]).union(RunPartial.File.all)

  /// The files a `size` or `sweep` folder may hold (and so may be replaced).
  static let sizeAndSweepFiles = Set(
    [
      SizingReport.File.curve, SizingReport.File.targets, SizingReport.File.chart, SizingReport.File.markdown,
      SweepReport.File.csv, SweepReport.File.markdown,
    ] + SweepReport.chartedMetrics.map(SweepReport.File.chart))

  /// Writes the output with `write` (given the staging path) and moves it into place; on
  /// any error the staging copy is removed and the error rethrown.
  ///
  /// - Returns: what `write` returned.
  @discardableResult
  func publish<Written>(_ write: (URL) throws -> Written) throws -> Written {
    do {
      let written = try write(staging)
      try commit()
      return written
    } catch {
      discard()
      throw error
    }
  }

  /// Prepares a staging folder (or file path) next to `destination`, creating missing
  /// parent folders.
  ///
  /// - Throws: ``CommandLineError`` naming the path when it cannot be written, or when
  ///   something other than an earlier output of the same kind is there (see
  ///   ``replaceable(_:isDirectory:)``).
  init(destination: URL, isDirectory: Bool) throws {
    self.destination = destination.standardizedFileURL
    self.isDirectory = isDirectory
    let parent = self.destination.deletingLastPathComponent()
    let name = self.destination.lastPathComponent
    staging = parent.appendingPathComponent(".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)")
    let manager = FileManager.default
    let existing = try Self.replaceable(self.destination.path, isDirectory: isDirectory)
    if isDirectory, existing {
      let foreign = ((try? manager.contentsOfDirectory(atPath: self.destination.path)) ?? [])
        .filter {
          !Self.reportFiles.contains($0) && !Self.sizeAndSweepFiles.contains($0) && !StudyPartial.File.isPartialFile($0)
        }.sorted()
      let here = URL(fileURLWithPath: manager.currentDirectoryPath).resolvingSymlinksInPath().path
      let target = self.destination.resolvingSymlinksInPath().path
      if !foreign.isEmpty || here == target || here.hasPrefix(target + "/") {
        let held = foreign.isEmpty ? "the current directory" : foreign.prefix(3).joined(separator: ", ")
        throw CommandLineError(
          "\(target): holds other files (\(held)); choose a new folder or an earlier fundstress report folder")
      }
    }
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      if isDirectory {
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
      } else {
        guard manager.createFile(atPath: staging.path, contents: nil) else {
          throw CocoaError(.fileWriteNoPermission)
        }
      }
    } catch {
      throw CommandLineError(
        "\(self.destination.path): cannot be written (\(Self.reason(error))); choose a writable output path")
    }
    installInterruptCleanup()
  }

  /// Whether something is at `path` that the output may replace: nothing (`false`), a
  /// regular file for a file output or a real folder for a folder output (`true`).
  ///
  /// A symbolic link (even to a file or folder of the right kind), a device, a FIFO or a
  /// socket is never replaced: a rename would put a regular file where `/dev/null` was, or
  /// the report where the link was, and writing through the link would change its target.
  ///
  /// - Throws: ``CommandLineError`` naming what is there and what to give instead.
  static func replaceable(_ path: String, isDirectory: Bool) throws -> Bool {
    // attributesOfItem does not follow a symbolic link at the end of the path (lstat).
    guard let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else {
      return false
    }
    let orStandardOutput = isDirectory ? "" : " (or - for standard output)"
    switch type {
    case .typeRegular where !isDirectory, .typeDirectory where isDirectory:
      return true
    case .typeRegular, .typeDirectory:
      throw CommandLineError(
        "\(path): exists and is \(type == .typeDirectory ? "a folder" : "a file"); choose another output path")
    case .typeSymbolicLink:
      throw CommandLineError(
        "\(path): is a symbolic link, which fundstress neither replaces nor writes through; give the path of its "
          + "target or a new path\(orStandardOutput)")
    default:
      throw CommandLineError(
        "\(path): is a device or other special file, which fundstress never replaces; give the path of a "
          + "regular \(isDirectory ? "folder" : "file")\(orStandardOutput)")
    }
  }

  /// Moves the finished output into place, replacing an earlier one.
  func commit() throws {
    lock.lock()
    defer { lock.unlock() }
    let manager = FileManager.default
    do {
      if manager.fileExists(atPath: destination.path) {
        let old = staging.deletingLastPathComponent().appendingPathComponent(
          ".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: old)
        try manager.moveItem(at: destination, to: old)
        try manager.moveItem(at: staging, to: destination)
        try? manager.removeItem(at: old)
      } else {
        try manager.moveItem(at: staging, to: destination)
      }
    } catch {
      discard()
      throw CommandLineError("\(destination.path): cannot be replaced (\(Self.reason(error))); check its permissions")
    }
    signalSources.forEach { $0.cancel() }
  }

  /// Removes the staging copy.
  func discard() {
    try? FileManager.default.removeItem(at: staging)
    signalSources.forEach { $0.cancel() }
  }

  private func installInterruptCleanup() {
    let path = staging.path
    for sig in [SIGINT, SIGTERM, SIGHUP] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler { [lock] in
        // Holding the lock, so a commit cannot be under way; _exit ends the process at once.
        lock.lock()
        try? FileManager.default.removeItem(atPath: path)
        FileHandle.standardError.write(Data("fundstress: interrupted; no output written\n".utf8))
        _exit(128 + sig)
      }
      source.resume()
      signalSources.append(source)
    }
  }

  private static func reason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    let text = nsError.localizedDescription
    return text.split(separator: "\n").first.map(String.init) ?? "\(error)"
  }
}
