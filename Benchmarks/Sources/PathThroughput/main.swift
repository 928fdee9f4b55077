// PathThroughput: generates N paths of the numpy peer's market universe on K threads and
// prints one JSON line, for scripts/compare_paths.sh (the `fundstress paths` command will
// replace it). `--model heavy` is the 8-market Student-t + jumps fixture; `--model default`
// the embedded default scenario's own path model and seed (its horizon: `--steps` is
// ignored), i.e. exactly the generation a default `fundstress run` does, without the fund.
//
//   swift run -c release PathThroughput --paths 100000 --threads 2 [--steps 1440]
//       [--seed 12345] [--model peer|heavy|default] [--prices]
//
// Each thread owns a PathWorkspace and takes a contiguous block of path indices; OpenBLAS
// is pinned to one thread. With --prices every log-price is also exponentiated into a
// price buffer, the last stage of the numpy peer (`S = exp(log S)`), so both programs do
// the same work; without it the output is log-prices, which is what the fund simulation
// consumes. The checksum compares the mean final log-return per market with its
// expectation (μ − σ²/2)T, as the peer does.

import BenchmarkFixtures
import Dispatch
import Foundation
import PricePaths
import ScenarioFixtures
import Synchronization

struct Options {
  var paths = 100_000
  var threads = 2
  var steps = 1440
  var seed: UInt64 = 12_345
  var model = "peer"
  var prices = false

  init(arguments: [String]) {
    var rest = arguments.dropFirst()
    func value(_ flag: String) -> String {
      guard let v = rest.popFirst() else { fail("\(flag) needs a value") }
      return v
    }
    func number<T: LosslessStringConvertible>(_ flag: String) -> T {
      guard let v = T(value(flag)) else { fail("\(flag) takes a whole number") }
      return v
    }
    while let flag = rest.popFirst() {
      switch flag {
      case "--paths": paths = number(flag)
      case "--threads": threads = number(flag)
      case "--steps": steps = number(flag)
      case "--seed": seed = number(flag)
      case "--model": model = value(flag)
      case "--prices": prices = true
      case "-h", "--help":
        print(
          "usage: PathThroughput [--paths N] [--threads K] [--steps T] [--seed S]"
            + " [--model peer|heavy|default] [--prices]")
        exit(0)
      default: fail("unknown option \(flag)")
      }
    }
    guard paths >= 1, threads >= 1, steps >= 1, ["peer", "heavy", "default"].contains(model) else {
      fail("need --paths ≥ 1, --threads ≥ 1, --steps ≥ 1 and --model peer, heavy or default")
    }
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("PathThroughput: error: \(message)\n".utf8))
  exit(2)
}

/// Per-thread sums of final log-returns (and of prices, with --prices).
struct Partial: Sendable {
  var sumLogReturn: [Double]
  var sumFinalPrice: [Double]
}

let options = Options(arguments: CommandLine.arguments)
pinBLASToOneThread()
let model: PathModel
var seed = options.seed
switch options.model {
case "peer": model = BenchmarkFixtures.peerModel(steps: options.steps)
case "heavy": model = BenchmarkFixtures.heavyModel(steps: options.steps)
default:  // "default", as Options checked: the scenario's own model and seed
  let scenario = ScenarioFixtures.defaultScenario()
  (model, seed) = (scenario.paths, scenario.seed)
}
let steps = model.horizon.steps
let generator = PathGenerator(model: model, seed: seed)
let m = model.marketCount
let partials = Mutex<[Partial]>([])

let start = ContinuousClock.now
DispatchQueue.concurrentPerform(iterations: options.threads) { k in
  let first = options.paths * k / options.threads
  let end = options.paths * (k + 1) / options.threads
  let workspace = generator.makeWorkspace()
  let count = (steps + 1) * m
  let prices = UnsafeMutablePointer<Double>.allocate(capacity: count)
  defer { prices.deallocate() }
  var partial = Partial(sumLogReturn: .init(repeating: 0, count: m), sumFinalPrice: .init(repeating: 0, count: m))
  for path in first..<end {
    generator.generate(path: path, into: workspace)
    let logPrices = workspace.logPrices
    if options.prices {
      for j in 0..<count { prices[j] = exp(logPrices[j]) }
      for i in 0..<m { partial.sumFinalPrice[i] += prices[steps * m + i] }
    }
    for i in 0..<m { partial.sumLogReturn[i] += logPrices[steps * m + i] - logPrices[i] }
  }
  partials.withLock { $0.append(partial) }
}
let seconds = (ContinuousClock.now - start) / .seconds(1)

let all = partials.withLock { $0 }
let years = model.horizon.stepYears * Double(steps)
var meanLogReturn = [Double](repeating: 0, count: m)
var expected = [Double](repeating: 0, count: m)
var maxAbsZ = 0.0
for i in 0..<m {
  meanLogReturn[i] = all.reduce(0) { $0 + $1.sumLogReturn[i] } / Double(options.paths)
  let market = model.markets[i]
  expected[i] = (market.drift - 0.5 * market.volatility * market.volatility) * years
  if options.model == "peer" {
    let stderr = market.volatility * years.squareRoot() / Double(options.paths).squareRoot()
    maxAbsZ = max(maxAbsZ, abs(meanLogReturn[i] - expected[i]) / stderr)
  }
}

var uts = utsname()
uname(&uts)
let machine = withUnsafeBytes(of: &uts.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
var output: [String: Any] = [
  "impl": "fundstress PathThroughput",
  "model": options.model,
  "paths": options.paths,
  "markets": m,
  "steps": steps,
  "seed": seed,
  "threads": options.threads,
  "prices": options.prices,
  "seconds": seconds,
  "paths_per_second": Double(options.paths) / seconds,
  "normals_per_second": Double(options.paths * steps * m) / seconds,
  "checksum": [
    "markets": model.symbols,
    "mean_final_log_return": meanLogReturn,
    "expected_final_log_return": expected,
    "max_abs_z": maxAbsZ,
    "mean_final_price": options.prices
      ? (0..<m).map { i in all.reduce(0) { $0 + $1.sumFinalPrice[i] } / Double(options.paths) } : [],
  ] as [String: Any],
  "machine": ["cpus": ProcessInfo.processInfo.activeProcessorCount, "arch": machine],
]
let data = try! JSONSerialization.data(withJSONObject: output, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
