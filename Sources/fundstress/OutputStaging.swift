import Dispatch
import Foundation
import FundReports
import MonteCarlo

/// Writes a command's output beside its destination first and moves it into place only
/// when complete, so a failed or interrupted run never leaves a partial folder or file.
///
/// Ctrl-C (SIGINT), SIGTERM or SIGHUP (a closed terminal) removes the staging copy and
/// exits with status 130. An
/// existing destination folder is replaced only when it holds nothing but a fundstress
/// report: `--out .` or a folder of other files is refused rather than wiped.
final class OutputStaging: @unchecked Sendable {
  let destination: URL
  let staging: URL
  private let isDirectory: Bool
  private var signalSources: [DispatchSourceSignal] = []
  /// Serialises the interrupt handler with ``commit()``: once interrupted, nothing moves.
  private let lock = NSLock()

  /// The files a report folder or a shard's partial folder may hold (and so may be replaced).
  static let reportFiles = Set<String>([
    ReportWriter.File.summary, ReportWriter.File.paths, ReportWriter.File.markets, ReportWriter.File.fundQuantiles,
    ReportWriter.File.report, ReportWriter.File.runJSON, ReportWriter.File.fanChart, ReportWriter.File.pnlHistogram,
    ReportWriter.File.marketShares,
  ]).union(RunPartial.File.all)

  /// Prepares a staging folder (or file path) next to `destination`, creating missing
  /// parent folders.
  ///
  /// - Throws: ``CommandLineError`` naming the path when it cannot be written.
  init(destination: URL, isDirectory: Bool) throws {
    self.destination = destination.standardizedFileURL
    self.isDirectory = isDirectory
    let parent = self.destination.deletingLastPathComponent()
    let name = self.destination.lastPathComponent
    staging = parent.appendingPathComponent(".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)")
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    if manager.fileExists(atPath: self.destination.path, isDirectory: &isFolder), isFolder.boolValue != isDirectory {
      throw CommandLineError(
        "\(self.destination.path): exists and is \(isFolder.boolValue ? "a folder" : "a file"); choose another output path"
      )
    }
    if isDirectory, isFolder.boolValue {
      let foreign = ((try? manager.contentsOfDirectory(atPath: self.destination.path)) ?? [])
        .filter { !Self.reportFiles.contains($0) }.sorted()
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
        _exit(130)
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
