import Foundation
import PricePaths
import Testing

@testable import FundSimulation

@Suite struct ChunkedParallelRunTests {
  static func stressedSimulator() throws -> FundSimulator {
    let markets = [
      MarketModel(symbol: "A", price: 100, volatility: 3, returns: .jumps(beta: 1, dof: 5)),
      MarketModel(symbol: "B", price: 10, volatility: 4, returns: .jumps(beta: 1.5, dof: 5)),
    ]
    let model = try PathModel(
      markets: markets, correlation: [[1, 0.7], [0.7, 1]], horizon: Horizon(steps: 60, stepSeconds: 60),
      jumps: JumpFactor(intensityPerDay: 20, mean: -0.04, stdev: 0.02))
    let rules = [MarketRules(maintenanceMargin: 0.01, depth: 1e5), MarketRules(maintenanceMargin: 0.02, depth: 5e4)]
    var rng = RandomStreams(seed: 5).generator(path: 0, purpose: .book)
    let book = try SyntheticBook(positionsPerMarket: 50, openInterest: ["A": 5e6, "B": 2e6]).draw(
      markets: markets, rules: rules, using: &rng)
    let exchange = try ExchangeModel(
      rules: rules, positions: book, fund: FundRules(balance: 5e4), initialPrices: [100, 10])
    return FundSimulator(
      generator: PathGenerator(model: model, seed: 11), exchange: exchange,
      checkpoints: CheckpointSchedule(horizonSteps: 60, every: 10))
  }

  static func outcomes(_ sim: FundSimulator, threads: Int, paths: Range<Int> = 0..<150) throws -> [PathOutcome] {
    var all: [PathOutcome] = []
    try sim.run(paths: paths, threads: threads, chunkSize: 8, summarize: { $0 }, consume: { all += $0 })
    return all
  }

  /// Same seed → the same outcomes, in path order, whatever the thread count.
  @Test func identicalAcrossThreadCounts() throws {
    let sim = try Self.stressedSimulator()
    let one = try Self.outcomes(sim, threads: 1)
    let three = try Self.outcomes(sim, threads: 3)
    #expect(one.map(\.path) == Array(0..<150))
    #expect(one == three)
    #expect(one.contains { $0.liquidations > 0 })
  }

  /// Path i simulated alone equals path i inside a run, and a run split into two shards
  /// equals the whole.
  @Test func pathsAreIndependentOfTheirNeighbours() throws {
    let sim = try Self.stressedSimulator()
    let whole = try Self.outcomes(sim, threads: 2)
    let alone = sim.simulate(path: 97, workspace: sim.makeWorkspace())
    #expect(whole[97] == alone)
    let shards = try Self.outcomes(sim, threads: 2, paths: 0..<70) + Self.outcomes(sim, threads: 1, paths: 70..<150)
    #expect(shards == whole)
  }

  /// Workers never run more than the window ahead of the consumer: memory does not grow
  /// with the number of paths.
  @Test func boundedLookAhead() throws {
    final class Counter: @unchecked Sendable {
      let lock = NSLock()
      var produced = 0
      func bump() { lock.lock(); produced += 1; lock.unlock() }
      var value: Int { lock.lock(); defer { lock.unlock() }; return produced }
    }
    let counter = Counter()
    var consumed = 0
    var maxAhead = 0
    var order: [Int] = []
    try ChunkedParallelRun.run(
      paths: 0..<2_000, threads: 2, chunkSize: 10, makeWorkspace: { () },
      process: { range, _ in
        counter.bump()
        return range.lowerBound
      },
      consume: { first in
        order.append(first)
        consumed += 1
        maxAhead = max(maxAhead, counter.value - consumed)
        if consumed % 50 == 0 { Thread.sleep(forTimeInterval: 0.002) }
      })
    #expect(order == Array(stride(from: 0, to: 2_000, by: 10)))
    #expect(maxAhead <= 8)
  }

  /// A failing consumer stops the run and its error reaches the caller.
  @Test func consumerErrorStopsTheRun() throws {
    struct Stop: Error {}
    var seen = 0
    #expect(throws: Stop.self) {
      try ChunkedParallelRun.run(
        paths: 0..<10_000, threads: 2, chunkSize: 1, makeWorkspace: { () }, process: { r, _ in r.lowerBound },
        consume: { _ in
          seen += 1
          if seen == 5 { throw Stop() }
        })
    }
    #expect(seen == 5)
  }
}
