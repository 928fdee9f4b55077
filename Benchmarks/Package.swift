// swift-tools-version: 6.1
//
// fundstress benchmarks: a separate package so that the main package does not depend on
// package-benchmark (and its malloc interposer) at all.
//
//   swift package --allow-writing-to-package-directory benchmark           # every suite
//   swift package benchmark --target PricePathsBenchmarks                  # one suite
//   swift run -c release PathThroughput --paths 100000 --threads 2         # one JSON line
//
// Layout (package-benchmark finds a suite by its folder: an executable target whose
// directory sits directly in a folder named `Benchmarks`, i.e. this package's root):
//   PricePathsBenchmarks/         package-benchmark suite: normals, path generation
//   Sources/BenchmarkFixtures/    shared scenarios (the numpy peer's market universe, …)
//   Sources/PathThroughput/       plain executable for scripts/compare_paths.sh
// To add a suite (e.g. fund simulation): create `FundSimulationBenchmarks/<Name>.swift`
// here and append `benchmarkSuite("FundSimulationBenchmarks", dependencies: [...])` to
// `targets` below.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder: the root checkout's folder name, which
/// is `main` here but may be anything in another clone.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let pricePaths = Target.Dependency.product(name: "PricePaths", package: root)

/// An executable benchmark target run by package-benchmark's `BenchmarkPlugin`.
func benchmarkSuite(_ name: String, dependencies: [Target.Dependency]) -> Target {
  .executableTarget(
    name: name,
    dependencies: [.product(name: "Benchmark", package: "benchmark"), "BenchmarkFixtures"] + dependencies,
    path: name,
    plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
  )
}

let package = Package(
  name: "fundstress-benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: ".."),
    // Naming only the MallocInterposer trait turns off the package's default traits, among
    // them RuntimeInterposer, whose swift-runtime-interposer dependency is not available here.
    .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .target(
      name: "BenchmarkFixtures",
      dependencies: [pricePaths],
      path: "Sources/BenchmarkFixtures"
    ),
    .executableTarget(
      name: "PathThroughput",
      dependencies: ["BenchmarkFixtures", pricePaths],
      path: "Sources/PathThroughput"
    ),
    benchmarkSuite("PricePathsBenchmarks", dependencies: [pricePaths]),
  ]
)
