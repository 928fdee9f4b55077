import Foundation
import FundReports

/// Reads a sweep or size partial folder (``StudyPartial``) back, refusing anything that is
/// not exactly what a shard wrote: a missing or unreadable header, another format or
/// version, a header that disagrees with itself, a data file of the wrong size (truncated)
/// or checksum (corrupt), data that does not fit the path range.
public struct StudyPartialReader: Sendable {
  public let folder: URL
  public let header: StudyPartial
  public let kind: StudyPartial.Kind

  /// Reads and checks the header (the data files are checked when read).
  ///
  /// - Throws: ``PartialError`` naming the folder or file.
  public init(folder: URL) throws {
    self.folder = folder
    let opened = try PartialHeaderCheck.open(folder, writtenBy: "sweep|size")
    let url = opened.url
    guard let kind = StudyPartial.Kind(formatName: opened.format), kind != .run else {
      throw PartialError(
        "\(url.path): format is '\(opened.format)', not a sweep or size partial; "
          + "give folders written by 'fundstress sweep|size --shard I/N'")
    }
    let header = try PartialHeaderCheck.decode(StudyPartial.self, opened, current: StudyPartial.currentVersion)
    let names: [String]? =
      switch kind {
      case .sweep: header.sweep.map { (0..<$0.pointCount).map(StudyPartial.File.point) }
      case .size: header.size.map { _ in [StudyPartial.File.fundNeeded] }
      case .run: nil
      }
    guard let names, names == header.files.map(\.name),
      (try? StudyPartial.fingerprint(header.description, sweep: header.sweep, size: header.size))
        == header.fingerprint,
      header.runFactsAgree
    else {
      throw PartialError(
        "\(url.path): header does not agree with itself (fingerprint, seed, path range or files; corrupt); "
          + "rerun this shard")
    }
    self.header = header
    self.kind = kind
  }

  /// A sweep shard's point `index`: statistics (per-path values in path order) and marks.
  ///
  /// - Throws: ``PartialError`` for a missing, truncated, corrupt or misfitting file.
  /// - Complexity: O(shard paths).
  public func point(_ index: Int) throws -> PairedSample {
    let entry = header.files[index]
    let sample = try decode(PairedSample.self, entry)
    guard sample.statistics.pathCount == header.paths.count else {
      throw misfit(entry, sample.statistics.pathCount)
    }
    return sample
  }

  /// A sizing shard's funds needed, in path order.
  ///
  /// - Throws: ``PartialError`` for a missing, truncated, corrupt or misfitting file.
  /// - Complexity: O(shard paths).
  public func fundNeeded() throws -> FundNeededPaths {
    let entry = header.files[0]
    let paths = try decode(FundNeededPaths.self, entry)
    guard paths.isConsistent, paths.count == header.paths.count else { throw misfit(entry, paths.count) }
    return paths
  }

  private func decode<T: Decodable>(_ type: T.Type, _ entry: RunPartial.FileEntry) throws -> T {
    let data = try PartialFileCheck.verifiedData(entry, in: folder, shard: header.shard)
    do {
      return try PartialCoding.decoder.decode(type, from: data)
    } catch {
      throw PartialError(
        "\(folder.appendingPathComponent(entry.name).path): unreadable (\(PartialReader.reason(error))); "
          + "rerun shard \(header.shard)")
    }
  }

  private func misfit(_ entry: RunPartial.FileEntry, _ count: Int) -> PartialError {
    PartialError(
      "\(folder.appendingPathComponent(entry.name).path): values of \(count) paths, the header says "
        + "\(header.paths.count); rerun shard \(header.shard)")
  }
}

extension StudyPartial.Kind {
  /// The kind of the partial in `folder`, or `nil` when it has no readable header of a
  /// known format (its reader then says why).
  public static func of(folder: URL) -> Self? {
    (try? PartialHeaderCheck.open(folder, writtenBy: "run")).flatMap { Self(formatName: $0.format) }
  }

  /// The one kind of `folders`' partials (`.run` when none is known, so that the run
  /// reader names the problem).
  ///
  /// - Throws: ``PartialError`` when partials of two kinds are mixed.
  public static func common(of folders: [URL]) throws -> Self {
    var first: (folder: URL, kind: Self)?
    for folder in folders {
      guard let kind = of(folder: folder) else { continue }
      if let first, first.kind != kind {
        throw PartialError(
          "\(folder.path) is a \(kind.rawValue) partial and \(first.folder.path) a \(first.kind.rawValue) partial; "
            + "merge the partials of one command")
      }
      if first == nil { first = (folder, kind) }
    }
    return first?.kind ?? .run
  }
}
