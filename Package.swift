// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "fundstress",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "fundstress", targets: ["fundstress"]),
    .library(name: "PricePaths", targets: ["PricePaths"]),
    .library(name: "FundSimulation", targets: ["FundSimulation"]),
    .library(name: "ScenarioFiles", targets: ["ScenarioFiles"]),
    .library(name: "FundReports", targets: ["FundReports"]),
    .library(name: "Calibration", targets: ["Calibration"]),
    .library(name: "MonteCarlo", targets: ["MonteCarlo"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-numerics.git", from: "1.0.0"),
    .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.0"),
    .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLinearAlgebra",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
    ),
    .target(
      name: "PricePaths",
      dependencies: [
        "CLinearAlgebra",
        .product(name: "RealModule", package: "swift-numerics"),
      ]
    ),
    .target(
      name: "Calibration",
      dependencies: ["PricePaths", .product(name: "RealModule", package: "swift-numerics")]
    ),
    .target(
      name: "FundSimulation",
      dependencies: ["PricePaths", .product(name: "DequeModule", package: "swift-collections")]
    ),
    .target(
      name: "ScenarioFiles",
      dependencies: [
        "PricePaths", "FundSimulation", "Calibration",
        .product(name: "Yams", package: "Yams"),
        .product(name: "CSV", package: "CSV.swift"),
      ]
    ),
    .target(
      name: "FundReports",
      dependencies: [
        "PricePaths", "FundSimulation", "Calibration", .product(name: "CompressNIO", package: "compress-nio"),
      ]
    ),
    .target(
      name: "MonteCarlo",
      dependencies: ["PricePaths", "FundSimulation", "ScenarioFiles", "FundReports"]
    ),
    .executableTarget(
      name: "fundstress",
      dependencies: [
        "PricePaths", "FundSimulation", "ScenarioFiles", "FundReports", "Calibration", "MonteCarlo",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "PricePathsTests",
      dependencies: ["PricePaths", .product(name: "RealModule", package: "swift-numerics")]
    ),
    .testTarget(
      name: "FundSimulationTests",
      dependencies: ["FundSimulation", "PricePaths", .product(name: "RealModule", package: "swift-numerics")]
    ),
    .testTarget(
      name: "ScenarioFilesTests", dependencies: ["ScenarioFiles", "PricePaths", "FundSimulation", "Calibration"]),
    .testTarget(name: "FundReportsTests", dependencies: ["FundReports", "FundSimulation", "PricePaths"]),
    .testTarget(
      name: "MonteCarloTests", dependencies: ["MonteCarlo", "ScenarioFiles", "FundReports", "FundSimulation"]),
    .testTarget(name: "fundstressTests", dependencies: ["fundstress", "FundReports"]),
    .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "PricePaths", "ScenarioFiles"]),
  ]
)
