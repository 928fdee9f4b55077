import Foundation
import FundReports

/// Reads a partial folder (``RunPartial``) back, refusing anything that is not exactly
/// what a shard wrote: a missing or unreadable header, another format or version, a
/// fingerprint that does not match the description, a data file of the wrong size
/// (truncated) or checksum (corrupt), statistics that do not fit the path range.
public struct PartialReader: Sendable {
  public let folder: URL
  public let header: RunPartial

  /// Reads and checks the header (the data files are checked when read).
  ///
  /// - Throws: ``PartialError`` naming the folder or file.
  public init(folder: URL) throws {
    self.folder = folder
    let opened = try PartialHeaderCheck.open(folder, writtenBy: "run")
    let url = opened.url
    guard opened.format == RunPartial.formatName else {
      throw PartialError(
        "\(url.path): format is '\(opened.format)', not '\(RunPartial.formatName)'; "
          + "give folders written by 'fundstress run --shard I/N'")
    }
    let header = try PartialHeaderCheck.decode(RunPartial.self, opened, current: RunPartial.currentVersion)
    guard (try? header.description.fingerprint) == header.fingerprint, header.runFactsAgree,
      header.statistics.name == RunPartial.File.statistics, header.rows.name == RunPartial.File.rows
    else {
      throw PartialError(
        "\(url.path): header does not agree with itself (fingerprint, seed or path range; corrupt); rerun this shard")
    }
    self.header = header
  }

  /// The shard's statistics, checked against the header.
  ///
  /// - Complexity: O(shard paths); memory 16 bytes a shard path plus the file.
  public func statistics() throws -> RunStatistics {
    let data = try verifiedData(header.statistics)
    var statistics: RunStatistics
    do {
      statistics = try PartialCoding.decoder.decode(RunStatistics.self, from: data)
    } catch {
      throw PartialError(
        "\(url(header.statistics).path): unreadable statistics (\(Self.reason(error))); rerun shard \(header.shard)")
    }
    if statistics.perPathValuesSplit {
      guard let entry = header.perPath, entry.name == RunPartial.File.perPath else {
        throw PartialError(
          "\(url(header.statistics).path): its per-path values are in no file the header names; rerun shard \(header.shard)"
        )
      }
      let read: (values: (losses: [Double], drawdowns: [Double])?, checksum: ContentChecksum)
      do {
        read = try PerPathFile.read(url(entry), count: statistics.pathCount, limit: entry.bytes)
      } catch {
        throw PartialError("\(url(entry).path): missing; rerun shard \(header.shard)")
      }
      try check(entry, read.checksum)
      guard let values = read.values,
        statistics.restorePerPathValues(losses: values.losses, drawdowns: values.drawdowns)
      else {
        throw PartialError(
          "\(url(entry).path): not 16 bytes for each of the \(statistics.pathCount) paths; rerun shard \(header.shard)")
      }
    }
    guard statistics.pathCount == header.paths.count, statistics.symbols == header.description.symbols,
      statistics.initialFund == header.description.initialFund
    else {
      throw PartialError(
        "\(url(header.statistics).path): statistics of \(statistics.pathCount) paths, the header says "
          + "\(header.paths.count); rerun shard \(header.shard)")
    }
    return statistics
  }

  /// Copies the shard's `paths.csv` rows to `sink` in pieces, checking size and checksum.
  ///
  /// - Throws: ``PartialError`` when the file is missing, truncated or corrupt; the caller
  ///   must then discard what `sink` received.
  public func copyRows(to sink: (Data) throws -> Void) throws {
    let entry = header.rows
    guard let handle = FileHandle(forReadingAtPath: url(entry).path) else {
      throw PartialError("\(url(entry).path): missing; rerun shard \(header.shard)")
    }
    defer { try? handle.close() }
    var checksum = ContentChecksum()
    while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
      checksum.update(piece)
      guard checksum.byteCount <= entry.bytes else { break }
      try sink(piece)
    }
    try check(entry, checksum)
  }

  /// Checks the rows file without copying it.
  public func verifyRows() throws { try copyRows { _ in } }

  private func url(_ entry: RunPartial.FileEntry) -> URL { folder.appendingPathComponent(entry.name) }

  private func verifiedData(_ entry: RunPartial.FileEntry) throws -> Data {
    try PartialFileCheck.verifiedData(entry, in: folder, shard: header.shard)
  }

  private func check(_ entry: RunPartial.FileEntry, _ checksum: ContentChecksum) throws {
    try PartialFileCheck.check(entry, checksum, url: url(entry), shard: header.shard)
  }

  static func reason(_ error: Error) -> String {
    if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
    if case DecodingError.keyNotFound(let key, _) = error { return "no '\(key.stringValue)'" }
    if case DecodingError.typeMismatch(_, let context) = error {
      return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
    }
    if case DecodingError.valueNotFound(_, let context) = error {
      return "missing value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
    }
    return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
  }
}
