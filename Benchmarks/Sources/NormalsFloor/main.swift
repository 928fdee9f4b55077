// NormalsFloor: draws exactly paths × steps × markets standard normals with the project's
// own generator (ZigguratNormal.fill over Xoshiro256PlusPlus) on K threads, the way the
// path generator draws them, and prints one JSON line. It is the floor a Monte Carlo run
// of the same size cannot beat: issue 5 asks that `fundstress run --paths 100000` on the
// default scenario cost at most twice this (scripts/floor.py runs the two side by side).
//
//   swift run -c release NormalsFloor [--paths 100000] [--steps 1440] [--markets 8]
//       [--threads 2] [--seed 7] [--chunk 64]
//
// As in `fundstress run`: workers claim chunks of `--chunk` paths in order; for each path
// the diffusion stream of (seed, path) is keyed (RandomStreams) and `steps × markets`
// normals are filled into one per-thread buffer (11 520 doubles for the default, 90 KB:
// it stays in L2 like the path workspace). Nothing else is done with them.

import Foundation
import PricePaths
import Synchronization

struct Options {
  var paths = 100_000
  var steps = 1440
  var markets = 8
  var threads = 2
  var seed: UInt64 = 7
  var chunk = 64

  init(arguments: [String]) {
    var rest = arguments.dropFirst()
    func number<T: LosslessStringConvertible>(_ flag: String) -> T {
      guard let text = rest.popFirst(), let v = T(text) else { fail("\(flag) takes a whole number") }
      return v
    }
    while let flag = rest.popFirst() {
      switch flag {
      case "--paths": paths = number(flag)
      case "--steps": steps = number(flag)
      case "--markets": markets = number(flag)
      case "--threads": threads = number(flag)
      case "--seed": seed = number(flag)
      case "--chunk": chunk = number(flag)
      case "-h", "--help":
        print("usage: NormalsFloor [--paths N] [--steps T] [--markets M] [--threads K] [--seed S] [--chunk C]")
        exit(0)
      default: fail("unknown option \(flag)")
      }
    }
    guard paths >= 1, steps >= 1, markets >= 1, threads >= 1, chunk >= 1 else {
      fail("--paths, --steps, --markets, --threads and --chunk must be at least 1")
    }
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("NormalsFloor: error: \(message)\n".utf8))
  exit(2)
}

func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
    + Double(usage.ru_stime.tv_usec) / 1e6
}

final class Shared: Sendable {
  let nextChunk = Atomic<Int>(0)
  let checksum = Mutex<Double>(0)
}

let options = Options(arguments: CommandLine.arguments)
let streams = RandomStreams(seed: options.seed)
let perPath = options.steps * options.markets
let chunkCount = (options.paths + options.chunk - 1) / options.chunk
let shared = Shared()
var warm = streams.generator(path: -1, purpose: .diffusion)
_ = ZigguratNormal.next(using: &warm)  // builds the tables outside the clock

let cpuStart = cpuSeconds()
let start = ContinuousClock.now
var workers: [Thread] = []
let done = DispatchGroup()
for _ in 0..<options.threads {
  done.enter()
  let thread = Thread {
    let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: perPath)
    buffer.initialize(repeating: 0)
    defer { buffer.deallocate() }
    var sum = 0.0
    while true {
      let chunk = shared.nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
      guard chunk < chunkCount else { break }
      let first = chunk * options.chunk
      for path in first..<min(options.paths, first + options.chunk) {
        var rng = streams.generator(path: path, purpose: .diffusion)
        ZigguratNormal.fill(buffer, using: &rng)
        sum += buffer[perPath - 1]
      }
    }
    shared.checksum.withLock { $0 += sum }
    done.leave()
  }
  thread.stackSize = 8 << 20
  workers.append(thread)
  thread.start()
}
done.wait()
let seconds = (ContinuousClock.now - start) / .seconds(1)
let cpu = cpuSeconds() - cpuStart
let normals = Double(options.paths) * Double(perPath)

let output: [String: Any] = [
  "impl": "fundstress NormalsFloor",
  "paths": options.paths,
  "steps": options.steps,
  "markets": options.markets,
  "threads": options.threads,
  "normals": normals,
  "seconds": seconds,
  "cpu_seconds": cpu,
  "normals_per_second": normals / seconds,
  "normals_per_cpu_second": normals / cpu,
  "ns_per_normal_per_thread": seconds * 1e9 * Double(options.threads) / normals,
  "checksum_mean_last_normal": shared.checksum.withLock { $0 } / Double(options.paths),
]
let data = try! JSONSerialization.data(withJSONObject: output, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
