import Foundation
import FundReports

extension PartialMerge {
  /// Writes the whole run's report set into `folder`: `paths.csv` (the header, then every
  /// partial's rows in path order), then the files of ``ReportWriter``.
  ///
  /// - Parameter context: makes the report context once the data is merged (so its wall
  ///   time covers the merge), e.g. with
  ///   ``RunDescription/reportContext(paths:threads:shards:version:wallSeconds:commandLine:)``.
  /// - Returns: the run's summary.
  /// - Throws: ``PartialError`` for a bad data file, file-system errors; `folder` then
  ///   holds an incomplete report, to be discarded by the caller.
  /// - Complexity: O(paths) bytes copied; memory 16 bytes a path.
  /// - Parameters sketch, requireExact: see ``statistics(sketch:requireExact:)``.
  public func writeReport(
    to folder: URL, sketch: Bool = false, requireExact: Bool = false, context: () -> ReportContext
  ) throws -> RunSummary {
    let pathsURL = folder.appendingPathComponent(ReportWriter.File.paths)
    _ = FileManager.default.createFile(atPath: pathsURL.path, contents: nil)
    let pathsFile = try FileHandle(forWritingTo: pathsURL)
    defer { try? pathsFile.close() }
    try pathsFile.write(contentsOf: Data(PathsTable.header.utf8))
    try copyRows { try pathsFile.write(contentsOf: $0) }
    var statistics = try statistics(sketch: sketch, requireExact: requireExact)
    statistics.sortPerPathValues()
    return try ReportWriter.write(statistics, context: context(), to: folder)
  }
}
