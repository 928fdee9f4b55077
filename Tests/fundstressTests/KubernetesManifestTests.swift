import Foundation
import Testing

/// deploy/kubernetes/ validated offline against the Kubernetes API schemas with the
/// `kubernetes-validate` package (PyPI), strictly (unknown fields rejected). Skipped where
/// it is not installed; `.ci/run` installs it. No cluster or container engine is involved.
@Suite struct KubernetesManifestTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("deploy/kubernetes")
  static let manifests = ["partials-volume.yaml", "shards-job.yaml", "merge-job.yaml"]
  static let validator = SlurmIntegrationTests.which("kubernetes-validate")

  /// Runs `kubernetes-validate --strict --quiet files…`; returns its status and output.
  static func validate(_ files: [URL]) throws -> (Int32, String) {
    try SlurmIntegrationTests.runTool(try #require(validator), ["--strict", "--quiet"] + files.map(\.path))
  }

  @Test(
    .enabled(if: validator != nil, "skipped: kubernetes-validate is not installed (pip install kubernetes-validate)"))
  func manifestsMatchTheSchemas() throws {
    let (status, output) = try Self.validate(Self.manifests.map { Self.folder.appendingPathComponent($0) })
    #expect(status == 0, "\(output)")
  }

  /// The validator is strict: a misspelt field fails (so the test above can fail).
  @Test(
    .enabled(if: validator != nil, "skipped: kubernetes-validate is not installed (pip install kubernetes-validate)"))
  func aMisspeltFieldIsRefused() throws {
    let text = try String(contentsOf: Self.folder.appendingPathComponent("shards-job.yaml"), encoding: .utf8)
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent("fundstress-bad-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: bad) }
    try Data(text.replacingOccurrences(of: "completionMode:", with: "completionMod:").utf8).write(to: bad)
    let (status, _) = try Self.validate([bad])
    #expect(status != 0)
  }

  /// The shard Job is Indexed, its completions equal its SHARDS, and each pod's shard is
  /// its completion index; both Jobs mount the claim the volume file defines.
  @Test func shardJobWiring() throws {
    let shards = try String(contentsOf: Self.folder.appendingPathComponent("shards-job.yaml"), encoding: .utf8)
    let merge = try String(contentsOf: Self.folder.appendingPathComponent("merge-job.yaml"), encoding: .utf8)
    let volume = try String(contentsOf: Self.folder.appendingPathComponent("partials-volume.yaml"), encoding: .utf8)
    #expect(shards.contains("completionMode: Indexed"))
    #expect(shards.contains("completions: 4") && shards.contains("name: SHARDS\n              value: \"4\""))
    #expect(shards.contains("--shard \"$JOB_COMPLETION_INDEX/$SHARDS\""))
    #expect(volume.contains("name: fundstress-data") && volume.contains("ReadWriteMany"))
    #expect(shards.contains("claimName: fundstress-data") && merge.contains("claimName: fundstress-data"))
    #expect(merge.contains("fundstress merge /data/$RUN/shards/shard-*"))
  }
}
