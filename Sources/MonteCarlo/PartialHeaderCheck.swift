import Foundation

/// The checks and coding of partial headers shared by every kind of partial
/// (``RunPartial``, ``StudyPartial``): the format version, that two partials are shards of
/// one run, and the header's bytes.
enum PartialHeaderCheck {
  /// A header as first read: where it is, its bytes, and the `format` and `format_version`
  /// it declares (`"missing"` and `nil` when absent).
  struct Opened {
    var url: URL
    var data: Data
    var format: String
    var version: Int?
  }

  /// Reads the header of the partial in `folder` and the format it declares.
  ///
  /// - Parameter writers: what writes such partials, in the fix, e.g. `run`.
  /// - Throws: ``PartialError`` when the header is missing, unreadable or not a JSON object.
  static func open(_ folder: URL, writtenBy writers: String) throws -> Opened {
    let url = folder.appendingPathComponent(RunPartial.File.header)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw PartialError(
        "\(folder.path): not a fundstress partial (no readable \(RunPartial.File.header)); "
          + "give folders written by 'fundstress \(writers) --shard I/N'")
    }
    guard let format = format(of: data) else {
      throw PartialError("\(url.path): not valid JSON (truncated or corrupt); rerun this shard")
    }
    return Opened(url: url, data: data, format: format.name, version: format.version)
  }

  /// The `format` and `format_version` of a header's bytes, or `nil` when they are not a
  /// JSON object.
  static func format(of data: Data) -> (name: String, version: Int?)? {
    struct Probe: Decodable {
      let format: String?
      let formatVersion: Int?
      enum CodingKeys: String, CodingKey { case format, formatVersion = "format_version" }
    }
    guard let probe = try? JSONDecoder().decode(Probe.self, from: data) else { return nil }
    return (probe.format ?? "missing", probe.formatVersion)
  }

  /// Decodes an opened header of the `current` format version.
  ///
  /// - Throws: ``PartialError`` naming the header: another (or no) version, or JSON that
  ///   is not a whole header.
  static func decode<Header: Decodable>(_ type: Header.Type, _ opened: Opened, current: Int) throws -> Header {
    guard opened.version == current else {
      throw PartialError(
        "\(opened.url.path): partial format version \(opened.version.map(String.init) ?? "missing"), this fundstress "
          + "reads version \(current); merge with the fundstress version that wrote it")
    }
    do {
      return try PartialCoding.decoder.decode(type, from: opened.data)
    } catch {
      throw PartialError(
        "\(opened.url.path): incomplete or corrupt header (\(PartialReader.reason(error))); rerun this shard")
    }
  }

  /// One partial's run facts, as compared.
  struct Facts {
    var folder: URL
    var seed: UInt64
    var fingerprint: String
    var totalPaths: Int
  }

  /// Checks that `other` is a shard of the same run as `first`.
  ///
  /// - Parameters:
  ///   - studies: what differing fingerprints are, e.g. `scenarios`.
  ///   - causes: what changes a fingerprint, e.g. `another file or --set`.
  /// - Throws: ``PartialError`` naming both partials.
  static func sameRun(_ first: Facts, _ other: Facts, studies: String, causes: String) throws {
    let pair = "\(other.folder.path) and \(first.folder.path)"
    if first.seed != other.seed {
      throw PartialError(
        "\(pair) are of different seeds (\(other.seed), \(first.seed)); merge the partials of one run")
    }
    if first.fingerprint != other.fingerprint {
      throw PartialError(
        "\(pair) are of different \(studies) (fingerprints \(other.fingerprint), \(first.fingerprint): \(causes)); "
          + "merge the partials of one run")
    }
    if first.totalPaths != other.totalPaths {
      throw PartialError(
        "\(pair) are shards of runs of \(other.totalPaths) and \(first.totalPaths) paths; merge the partials of one run"
      )
    }
  }

  /// A header's bytes: canonical, pretty-printed JSON and a newline.
  static func data(_ header: some Encodable) throws -> Data {
    let encoder = PartialCoding.encoder
    encoder.outputFormatting.insert(.prettyPrinted)
    var data = try encoder.encode(header)
    data.append(0x0A)
    return data
  }
}
