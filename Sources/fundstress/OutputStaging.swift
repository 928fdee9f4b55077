import Dispatch
import Foundation

/// Writes a command's output beside its destination first and moves it into place only
/// when complete, so a failed or interrupted run never leaves a partial folder or file.
///
/// Ctrl-C (SIGINT) or SIGTERM removes the staging copy and exits with status 130.
final class OutputStaging {
  let destination: URL
  let staging: URL
  private let isDirectory: Bool
  private var signalSources: [DispatchSourceSignal] = []

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
        "\(self.destination.path): exists and is \(isFolder.boolValue ? "a folder" : "a file"); choose another output path")
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
      throw CommandLineError("\(self.destination.path): cannot be written (\(Self.reason(error))); choose a writable output path")
    }
    installInterruptCleanup()
  }

  /// Moves the finished output into place, replacing an earlier one.
  func commit() throws {
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
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler {
        try? FileManager.default.removeItem(atPath: path)
        FileHandle.standardError.write(Data("fundstress: interrupted; no output written\n".utf8))
        exit(130)
      }
      source.resume()
      signalSources.append(source)
    }
  }

  private static func reason(_ error: Error) -> String {
    let text = (error as NSError).localizedDescription
    return text.split(separator: "\n").first.map(String.init) ?? "\(error)"
  }
}
