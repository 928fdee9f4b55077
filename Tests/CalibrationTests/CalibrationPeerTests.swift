import Calibration
import Foundation
import ScenarioFiles
import Testing

/// The shipped hourly data against `scripts/calibration_peer.py`: numpy's volatilities and
/// correlation to 1e-9, and Python `arch`'s GARCH(1,1)-t fit. Skipped cleanly where
/// python3 with numpy (or `arch`) is not installed.
@Suite("Calibration against numpy and arch")
struct CalibrationPeerTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let data = root.appendingPathComponent("data/hourly-closes-2024-11-23_2025-02-19.csv")

  /// The peer's output (`scripts/calibration_peer.py`).
  struct Peer: Decodable, Sendable {
    var returns: Int
    var volatility: [String: Double]
    var correlation: [[Double]]
    var garch: [String: [String: Double]]?
  }

  /// The peer's figures, or `nil` when python3, numpy or the data are missing.
  static let peer: Peer? = run(["--no-arch"])
  static let archPeer: [String: [String: Double]]? = run([])?.garch

  static func run(_ extra: [String]) -> Peer? {
    guard FileManager.default.fileExists(atPath: data.path) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", root.appendingPathComponent("scripts/calibration_peer.py").path, data.path] + extra
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return try? JSONDecoder().decode(Peer.self, from: output)
  }

  static func calibrate(_ model: Calibration.Model) throws -> Calibration {
    try Calibration(history: PriceHistoryFile.read(contentsOf: data), model: model)
  }

  // Expected: numpy's std(ddof=1)/√Δt and corrcoef of the same returns (gaps dropped).
  @Test(.enabled(if: peer != nil, "needs python3 with numpy"))
  func volatilitiesAndCorrelationsAgreeWithNumpy() throws {
    let peer = try #require(Self.peer)
    let c = try Self.calibrate(.gbm)
    #expect(c.history.returnCount == peer.returns)
    let vols = peer.volatility
    for market in c.markets {
      let ours = market.gaussian.parameter("volatility")!.value
      #expect(abs(ours - vols[market.symbol]!) < 1e-9, "\(market.symbol): \(ours) vs \(vols[market.symbol]!)")
    }
    let rows = peer.correlation
    for i in rows.indices {
      for j in rows.indices {
        #expect(abs(c.correlation.matrix[i][j] - rows[i][j]) < 1e-9)
      }
    }
  }

  // Expected: arch 8's maximum-likelihood GARCH(1,1)-t (zero mean on the demeaned
  // returns, backcast = sample variance: the same likelihood). Two optimisers stop at
  // slightly different points of a flat optimum: each estimate within a tenth of its
  // standard error of arch's, the standard errors within 5%, and our maximum no lower
  // than arch's by more than 10⁻⁴.
  @Test(.enabled(if: archPeer != nil, "needs python3 with numpy and arch"))
  func garchAgreesWithArch() throws {
    let peer = try #require(Self.archPeer)
    let c = try Self.calibrate(.garch)
    for market in c.markets {
      let theirs = try #require(peer[market.symbol])
      let fit = market.garch!.summary
      for name in ["omega", "alpha", "beta", "dof"] {
        let p = fit.parameter(name)!
        let se = p.standardError!
        #expect(abs(p.value - theirs[name]!) < 0.1 * se, "\(market.symbol) \(name): \(p.value) vs \(theirs[name]!)")
        #expect(abs(se / theirs[name + "_se"]! - 1) < 0.05, "\(market.symbol) SE \(name)")
      }
      #expect(fit.logLikelihood > theirs["loglikelihood"]! - 1e-4, "\(market.symbol) log L")
    }
  }
}
