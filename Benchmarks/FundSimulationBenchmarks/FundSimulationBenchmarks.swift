// package-benchmark suite for FundSimulation: one cascade step, whole paths, a whole run.
//
//   cd Benchmarks && swift package --allow-writing-to-package-directory benchmark --target FundSimulationBenchmarks
//
// Scaled iterations: one cascade step per scaled iteration for the crash steps (K steps/s),
// one path for the path benchmarks (K paths/s). Single-threaded unless the name says
// otherwise; OpenBLAS pinned to one thread. Every iteration repeats the same work (path
// indices restart at 0), so iterations are comparable.

import Benchmark
import FundReports
import FundSimulation
import MonteCarlo
import PricePaths
import ScenarioFiles
import ScenarioFixtures

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.throughput, .wallClock, .mallocCountTotal],
    warmupIterations: 2,
    maxDuration: .seconds(3),
    maxIterations: 1_000
  )
  pinBLASToOneThread()

  // One step of the default book and rules, all markets dropping together: the cascade
  // engine alone (the replayed path costs 8 logs). −5%: 13 liquidations in 2 rounds;
  // −10%: 909 in 7 rounds; −20%: 3135, the fund depleted, 2393 ADL events.
  for (drop, label) in [(0.05, "13 liquidations"), (0.10, "909 liquidations"), (0.20, "3135 liquidations + ADL")] {
    let simulator = ScenarioFixtures.simulator(ScenarioFixtures.crashStep(drop: drop))
    Benchmark(
      "Cascade step: −\(Int(drop * 100))% on the default book, \(label)",
      configuration: .init(scalingFactor: drop < 0.1 ? .kilo : .one)
    ) { benchmark in
      let workspace = simulator.makeWorkspace()
      var liquidations = 0
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        liquidations &+= simulator.simulate(path: 0, workspace: workspace).liquidations
      }
      benchmark.stopMeasurement()
      blackHole(liquidations)
    }
  }

  // A calm path (8 markets × 1440 steps, 8 × 2000 positions, nothing liquidated): path
  // generation plus the step loop. The generation-only benchmark beside it isolates the
  // step loop (the difference).
  let calm = ScenarioFixtures.simulator(ScenarioFixtures.calm(markets: 8, positionsPerMarket: 2000, steps: 1440))
  Benchmark(
    "Path: calm, 8 markets × 1440 steps, no liquidation",
    configuration: .init(scalingFactor: .kilo)
  ) { benchmark in
    let workspace = calm.makeWorkspace()
    var liquidations = 0
    benchmark.startMeasurement()
    for path in benchmark.scaledIterations {
      liquidations &+= calm.simulate(path: path, workspace: workspace).liquidations
    }
    benchmark.stopMeasurement()
    blackHole(liquidations)
  }
  Benchmark(
    "Generation only: calm model, 8 gbm markets × 1440 steps",
    configuration: .init(scalingFactor: .kilo)
  ) { benchmark in
    let workspace = calm.generator.makeWorkspace()
    benchmark.startMeasurement()
    for path in benchmark.scaledIterations { calm.generator.generate(path: path, into: workspace) }
    benchmark.stopMeasurement()
    blackHole(workspace.logPrice(step: 1440, market: 0))
  }

  // The default scenario, whole paths 0..<1000 (about 850 liquidations per path on
  // average, 2.7% of paths deplete the fund and run ADL), and its generation alone.
  let defaultSimulator = ScenarioFixtures.simulator(ScenarioFixtures.defaultScenario())
  Benchmark(
    "Path: default scenario, whole path",
    configuration: .init(scalingFactor: .kilo, maxIterations: 20)
  ) { benchmark in
    let workspace = defaultSimulator.makeWorkspace()
    var liquidations = 0
    benchmark.startMeasurement()
    for path in benchmark.scaledIterations {
      liquidations &+= defaultSimulator.simulate(path: path, workspace: workspace).liquidations
    }
    benchmark.stopMeasurement()
    blackHole(liquidations)
  }
  Benchmark(
    "Generation only: default model, 8 markets student-t + jumps",
    configuration: .init(scalingFactor: .kilo, maxIterations: 20)
  ) { benchmark in
    let workspace = defaultSimulator.generator.makeWorkspace()
    benchmark.startMeasurement()
    for path in benchmark.scaledIterations { defaultSimulator.generator.generate(path: path, into: workspace) }
    benchmark.stopMeasurement()
    blackHole(workspace.logPrice(step: 1440, market: 0))
  }

  // A whole run as `fundstress run` does it (``MonteCarloRun``): paths 0..<1000 of the
  // default on 2 threads in chunks of 64, each chunk summarised into RunStatistics and
  // paths.csv rows on the worker, merged in path order on the caller (the report files
  // themselves are not written). Throughput in K paths/s of wall clock; total CPU time
  // beside it (two threads).
  let defaultRun = MonteCarloRun(scenario: ScenarioFixtures.defaultScenario())
  Benchmark(
    "Run: default scenario, 1000 paths, 2 threads, statistics + CSV rows",
    configuration: .init(
      metrics: [.throughput, .wallClock, .cpuTotal, .mallocCountTotal], scalingFactor: .kilo, maxIterations: 20)
  ) { benchmark in
    var bytes = 0
    benchmark.startMeasurement()
    let statistics = try defaultRun.run(paths: 0..<benchmark.scaledIterations.count, threads: 2) { chunk in
      bytes += chunk.rows.count
    }
    benchmark.stopMeasurement()
    blackHole(bytes)
    blackHole(statistics.pathCount)
  }

  // `fundstress size` by the one-run method on the same paths: each path once with a fund
  // without limit, two numbers kept per path (compare with the run above; target ≤ 1.2×).
  Benchmark(
    "Size: default scenario, 1000 paths, 2 threads, one-run fund needed",
    configuration: .init(
      metrics: [.throughput, .wallClock, .cpuTotal, .mallocCountTotal], scalingFactor: .kilo, maxIterations: 20)
  ) { benchmark in
    benchmark.startMeasurement()
    let sample = try FundSizing.sample(defaultRun, paths: 0..<benchmark.scaledIterations.count, threads: 2)
    benchmark.stopMeasurement()
    blackHole(sample.paths)
  }
}
