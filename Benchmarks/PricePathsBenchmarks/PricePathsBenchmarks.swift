// package-benchmark suite for PricePaths: the Gaussian generator and whole-path generation.
//
//   cd Benchmarks && swift package benchmark --target PricePathsBenchmarks
//
// Throughput is reported per scaled iteration: normals for the normal fills (M/s), paths
// for path generation (K/s). Everything runs on one thread with OpenBLAS pinned to one
// thread, so the figures are per core.

import Benchmark
import BenchmarkFixtures
import PricePaths

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.throughput, .wallClock, .instructions, .mallocCountTotal],
    warmupIterations: 3,
    maxDuration: .seconds(3),
    maxIterations: 1_000
  )
  pinBLASToOneThread()

  // Normals: ZigguratNormal.fill over xoshiro256++ into a 1M buffer; one scaled iteration
  // is one normal, so throughput reads in M normals/s.
  Benchmark(
    "Normals: ziggurat fill, 1M",
    configuration: .init(scalingFactor: .mega)
  ) { benchmark in
    let count = benchmark.scaledIterations.count
    let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
    buffer.initialize(repeating: 0)
    defer { buffer.deallocate() }
    var rng = RandomStreams(seed: 1).generator(path: 0, purpose: .diffusion)
    benchmark.startMeasurement()
    ZigguratNormal.fill(buffer, using: &rng)
    benchmark.stopMeasurement()
    blackHole(buffer[count - 1])
  }

  // The same normals one call at a time (the form the jump and mixing streams use).
  Benchmark(
    "Normals: ziggurat next, 1M",
    configuration: .init(scalingFactor: .mega)
  ) { benchmark in
    var rng = RandomStreams(seed: 1).generator(path: 0, purpose: .diffusion)
    var sum = 0.0
    for _ in benchmark.scaledIterations { sum += ZigguratNormal.next(using: &rng) }
    blackHole(sum)
  }

  // One path of the numpy peer's model (4 gbm markets × 1440 one-minute steps), 1000 paths
  // per iteration: throughput reads in K paths/s.
  let peer = PathGenerator(model: BenchmarkFixtures.peerModel(), seed: 12_345)
  Benchmark(
    "Paths: 4 markets × 1440 steps, gbm",
    configuration: .init(scalingFactor: .kilo)
  ) { benchmark in
    let workspace = peer.makeWorkspace()
    benchmark.startMeasurement()
    for path in benchmark.scaledIterations { peer.generate(path: path, into: workspace) }
    benchmark.stopMeasurement()
    blackHole(workspace.logPrice(step: 1440, market: 0))
  }

  // Eight Student-t (ν = 4) markets with the common crash factor, 1440 steps.
  let heavy = PathGenerator(model: BenchmarkFixtures.heavyModel(), seed: 12_345)
  Benchmark(
    "Paths: 8 markets × 1440 steps, student-t + jumps",
    configuration: .init(scalingFactor: .kilo)
  ) { benchmark in
    let workspace = heavy.makeWorkspace()
    benchmark.startMeasurement()
    for path in benchmark.scaledIterations { heavy.generate(path: path, into: workspace) }
    benchmark.stopMeasurement()
    blackHole(workspace.logPrice(step: 1440, market: 0))
  }
}
