import Foundation

/// Reading the text files a scenario consists of (the YAML file, a positions CSV, a replay
/// CSV) with Foundation, and naming them in messages.
enum TextFile {
  /// Why a file could not be read, in a few words ("No such file", "is a folder").
  struct Unreadable: Error {
    var reason: String
  }

  /// The whole file as UTF-8 text, or a ``ScenarioError`` naming it as `name`.
  static func read(_ url: URL, reportingAs name: String) throws -> String {
    do {
      return try read(url)
    } catch {
      throw ScenarioError.unreadable(name, reason: error.reason)
    }
  }

  /// The whole file as UTF-8 text (a leading byte-order mark is dropped).
  ///
  /// - Throws: ``Unreadable`` with a short reason.
  /// - Complexity: O(file size); the file is read in one piece, which for a
  ///   1,000,000-position CSV (about 60 MB) is well within memory.
  static func read(_ url: URL) throws(Unreadable) -> String {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw Unreadable(reason: "No such file")
    }
    guard !isFolder.boolValue else { throw Unreadable(reason: "is a folder, not a file") }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch let error as CocoaError where error.code == .fileReadNoPermission {
      throw Unreadable(reason: "permission denied")
    } catch {
      throw Unreadable(reason: "\(error.localizedDescription)")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw Unreadable(reason: "not UTF-8 text")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return text
  }

  /// The path of `relative` (as written in the scenario) resolved against the scenario's
  /// folder; absolute paths are kept.
  static func resolve(_ relative: String, against base: URL) -> URL {
    let expanded = (relative as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
    return base.appendingPathComponent(expanded).standardizedFileURL
  }

  /// How to name a file in messages and records: relative to the working directory when it
  /// lies below it (as a user would type it), absolute otherwise.
  static func displayPath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let cwd = FileManager.default.currentDirectoryPath
    guard cwd != "/" else { return path }
    let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  /// The file name without folder and extension (`stress` for `cases/stress.yaml`), the
  /// default scenario name.
  static func stem(_ path: String) -> String {
    URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
  }
}
