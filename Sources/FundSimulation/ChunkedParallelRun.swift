import Foundation
import PricePaths

/// Runs work over path indices in fixed-size chunks on worker threads and hands the
/// chunks' results to the caller **in chunk order**, on the calling thread.
///
/// Determinism: a chunk's result depends only on its path range (fixed `chunkSize`), and
/// the caller merges results in order, so the output is byte-identical for any number of
/// threads. Memory: workers run at most `window` chunks ahead of the consumer, so memory is
/// bounded by the window, not by the number of paths.
public enum ChunkedParallelRun {
  /// - Parameters:
  ///   - paths: the path indices to run (a shard of a larger run may start above 0).
  ///   - threads: worker threads (≥ 1).
  ///   - chunkSize: paths per chunk; keep it fixed between runs that must agree.
  ///   - makeWorkspace: creates one worker's private state, on that worker's thread.
  ///   - process: computes one chunk on a worker.
  ///   - consume: receives each chunk's result in order, on the calling thread; throwing
  ///     stops the workers and rethrows.
  public static func run<Workspace, Partial: Sendable>(
    paths: Range<Int>, threads: Int, chunkSize: Int,
    makeWorkspace: @escaping @Sendable () -> Workspace,
    process: @escaping @Sendable (Range<Int>, Workspace) -> Partial,
    consume: (Partial) throws -> Void
  ) throws {
    precondition(threads >= 1 && chunkSize >= 1)
    let chunkCount = (paths.count + chunkSize - 1) / chunkSize
    guard chunkCount > 0 else { return }
    pinBLASToOneThread()
    let state = SharedState<Partial>(window: max(4, threads * 4))
    let workerCount = min(threads, chunkCount)
    for _ in 0..<workerCount {
      let thread = Thread {
        let workspace = makeWorkspace()
        while let chunk = state.claim(limit: chunkCount) {
          let lower = paths.lowerBound + chunk * chunkSize
          let range = lower..<min(paths.upperBound, lower + chunkSize)
          state.deliver(chunk: chunk, result: process(range, workspace))
        }
        state.workerFinished()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    defer { state.stopAndWait(workers: workerCount) }
    for chunk in 0..<chunkCount {
      try consume(state.take(chunk: chunk))
    }
  }
}

/// Lock-protected hand-off between workers and the consumer.
private final class SharedState<Partial>: @unchecked Sendable {
  private let condition = NSCondition()
  private var nextChunk = 0
  private var consumed = 0
  private var stopped = false
  private var finishedWorkers = 0
  private var results: [Int: Partial] = [:]
  private let window: Int

  init(window: Int) { self.window = window }

  func claim(limit: Int) -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while !stopped && nextChunk < limit && nextChunk - consumed >= window { condition.wait() }
    guard !stopped, nextChunk < limit else { return nil }
    nextChunk += 1
    return nextChunk - 1
  }

  func deliver(chunk: Int, result: Partial) {
    condition.lock()
    results[chunk] = result
    condition.broadcast()
    condition.unlock()
  }

  func take(chunk: Int) -> Partial {
    condition.lock()
    defer { condition.unlock() }
    while results[chunk] == nil { condition.wait() }
    consumed = chunk + 1
    condition.broadcast()
    return results.removeValue(forKey: chunk)!
  }

  func workerFinished() {
    condition.lock()
    finishedWorkers += 1
    condition.broadcast()
    condition.unlock()
  }

  func stopAndWait(workers: Int) {
    condition.lock()
    stopped = true
    condition.broadcast()
    while finishedWorkers < workers { condition.wait() }
    condition.unlock()
  }
}

extension FundSimulator {
  /// Simulates `paths` on `threads` workers and hands each chunk's outcomes, summarised by
  /// `summarize` on the worker, to `consume` in path order.
  public func run<Partial: Sendable>(
    paths: Range<Int>, threads: Int, chunkSize: Int = 64,
    summarize: @escaping @Sendable ([PathOutcome]) -> Partial,
    consume: (Partial) throws -> Void
  ) throws {
    let simulator = self
    try ChunkedParallelRun.run(
      paths: paths, threads: threads, chunkSize: chunkSize,
      makeWorkspace: { SendableBox(simulator.makeWorkspace()) },
      process: { range, box in
        summarize(range.map { simulator.simulate(path: $0, workspace: box.value) })
      },
      consume: consume)
  }
}

/// Carries a worker-private value through a `@Sendable` closure signature. The value is
/// created and used on one thread only.
public struct SendableBox<Value>: @unchecked Sendable {
  public let value: Value
  public init(_ value: Value) { self.value = value }
}
