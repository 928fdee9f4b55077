// swift-tools-version: 6.1
//
// fundstress benchmarks: a separate package so that the main package does not depend on
// package-benchmark (and its malloc interposer) at all.
//
//   swift package --allow-writing-to-package-directory benchmark           # every suite
//   swift package benchmark --target PricePathsBenchmarks                  # one suite
//   swift run -c release PathThroughput --paths 100000 --threads 2         # one JSON line
//   swift run -c release NormalsFloor --paths 100000 --threads 2           # the normals floor
//
// Layout (package-benchmark finds a suite by its folder: an executable target whose
// directory sits directly in a folder named `Benchmarks`, i.e. this package's root):
//   PricePathsBenchmarks/         package-benchmark suite: normals, path generation
//   FundSimulationBenchmarks/     package-benchmark suite: cascade steps, whole paths, a run
//   Sources/BenchmarkFixtures/    shared path models (the numpy peer's market universe, …)
//   Sources/ScenarioFixtures/     shared scenarios (default, one-step crashes, calm books)
//   Sources/PathThroughput/       plain executable for scripts/compare_paths.sh
//   Sources/NormalsFloor/         plain executable for scripts/floor.py: the normals alone
//   Sources/NormalsLayouts/       plain executable: the ziggurat's fast path in other layouts
// To add a suite: create `<Name>/<Name>.swift` here and append
// `benchmarkSuite("<Name>", dependencies: [...])` to `targets` below.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder: the root checkout's folder name, which
/// is `main` here but may be anything in another clone.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let pricePaths = Target.Dependency.product(name: "PricePaths", package: root)
let fundSimulation = Target.Dependency.product(name: "FundSimulation", package: root)
let scenarioFiles = Target.Dependency.product(name: "ScenarioFiles", package: root)
let fundReports = Target.Dependency.product(name: "FundReports", package: root)
let monteCarlo = Target.Dependency.product(name: "MonteCarlo", package: root)

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
      dependencies: ["BenchmarkFixtures", "ScenarioFixtures", pricePaths],
      path: "Sources/PathThroughput"
    ),
    .target(
      name: "ScenarioFixtures",
      dependencies: [pricePaths, fundSimulation, scenarioFiles],
      path: "Sources/ScenarioFixtures"
    ),
    .executableTarget(
      name: "NormalsFloor",
      dependencies: [pricePaths],
      path: "Sources/NormalsFloor"
    ),
    .executableTarget(
      name: "NormalsLayouts",
      dependencies: [pricePaths],
      path: "Sources/NormalsLayouts"
    ),
    benchmarkSuite("PricePathsBenchmarks", dependencies: [pricePaths]),
    benchmarkSuite(
      "FundSimulationBenchmarks",
      dependencies: ["ScenarioFixtures", pricePaths, fundSimulation, scenarioFiles, fundReports, monteCarlo]
    ),
  ]
)
