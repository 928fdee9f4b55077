// NormalsLayouts: how much faster could the normal generator get by changing how its work
// is laid out? Issue 5's target 1 needs normals about twice as fast (docs/PERFORMANCE.md,
// "Eighth round"). This times, on one thread, the project's `ZigguratNormal.fill` against
// three layouts of the ziggurat's fast path alone, and prints one JSON line:
//
//   project     ZigguratNormal.fill over Xoshiro256PlusPlus (every draw, rare path included)
//   oneStream   the same fast path, rare draws dropped instead of resolved (an upper bound)
//   twoStreams  two xoshiro streams interleaved, to overlap their dependency chains
//   simd4       four xoshiro streams in SIMD4<UInt64> lanes; the 52-bit magnitude becomes a
//               double by setting the exponent of [1, 2) (SSE2 has no 64-bit int → double)
//
//   swift run -c release NormalsLayouts [--normals 65536] [--repeats 2000]
//
// The three layouts skip the rare path (0.7% of draws), so their figures are bounds for
// what a full generator of that layout could reach, not a generator. Build with
// `-Xswiftc -target-cpu -Xswiftc native` to see the same layouts on this CPU's vector
// units. `mean` and `variance` of the last buffer are a sanity check (≈ 0 and ≈ 1).

import Foundation
import PricePaths

var normals = 65_536
var repeats = 2_000
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
  guard ["--normals", "--repeats"].contains(flag), let text = arguments.popFirst(), let value = Int(text),
    value >= 4
  else {
    FileHandle.standardError.write(Data("usage: NormalsLayouts [--normals N ≥ 4] [--repeats R ≥ 4]\n".utf8))
    exit(2)
  }
  if flag == "--normals" { normals = value } else { repeats = value }
}

/// The fast-path tables of ``ZigguratNormal`` (256 layers, Marsaglia and Tsang 2000), built by
/// the same recurrence: `width[i] = xᵢ / 2⁵²`, `acceptBelow[i] = ⌊2⁵² · xᵢ₋₁ / xᵢ⌋`.
struct FastPathTables {
  var width = [Double](repeating: 0, count: 256)
  var acceptBelow = [UInt64](repeating: 0, count: 256)
  init() {
    let r = 3.6541528853610088
    let v = 0.00492867323399
    let scale = 0x1.0p52
    var x = r
    var previous = x
    let q = v / exp(-0.5 * x * x)
    acceptBelow[0] = UInt64(x / q * scale)
    width[0] = q / scale
    width[255] = x / scale
    for i in stride(from: 254, through: 1, by: -1) {
      x = (-2 * log(v / x + exp(-0.5 * x * x))).squareRoot()
      acceptBelow[i + 1] = UInt64(x / previous * scale)
      previous = x
      width[i] = x / scale
    }
  }
}

/// Four xoshiro256++ streams in SIMD lanes (Blackman and Vigna 2021), seeded from four
/// ``Xoshiro256PlusPlus`` generators.
struct Xoshiro256PlusPlusX4 {
  var s0: SIMD4<UInt64>, s1: SIMD4<UInt64>, s2: SIMD4<UInt64>, s3: SIMD4<UInt64>
  init(seed: UInt64) {
    var words = [[UInt64]](repeating: [], count: 4)
    for lane in 0..<4 {
      var rng = Xoshiro256PlusPlus(seed: seed &+ UInt64(lane))
      words[lane] = (0..<4).map { _ in rng.next() }
    }
    func lanes(_ k: Int) -> SIMD4<UInt64> { SIMD4(words[0][k], words[1][k], words[2][k], words[3][k]) }
    (s0, s1, s2, s3) = (lanes(0), lanes(1), lanes(2), lanes(3))
  }
  @inline(__always)
  mutating func next() -> SIMD4<UInt64> {
    let sum = s0 &+ s3
    let result = ((sum &<< 23) | (sum &>> 41)) &+ s0
    let t = s1 &<< 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 &<< 45) | (s3 &>> 19)
    return result
  }
}

/// The four fills over one buffer of `count` doubles.
struct Layouts {
  let count: Int
  let out: UnsafeMutablePointer<Double>
  let width: UnsafeMutablePointer<Double>
  let acceptBelow: UnsafeMutablePointer<UInt64>

  init(count: Int) {
    self.count = count
    out = .allocate(capacity: count)
    let tables = FastPathTables()
    width = .allocate(capacity: 256)
    acceptBelow = .allocate(capacity: 256)
    width.initialize(from: tables.width, count: 256)
    acceptBelow.initialize(from: tables.acceptBelow, count: 256)
  }

  /// One fast-path draw from 64 bits: the value, and whether it lies wholly under the curve.
  @inline(__always)
  func fastPath(_ bits: UInt64) -> (Double, Bool) {
    let layer = Int(truncatingIfNeeded: bits & 0xFF)
    let magnitude = (bits >> 9) & 0x000F_FFFF_FFFF_FFFF
    let unsigned = Double(Int64(bitPattern: magnitude)) * width[layer]
    let value = Double(bitPattern: unsigned.bitPattern | ((bits & 0x100) << 55))
    return (value, magnitude < acceptBelow[layer])
  }

  @inline(never)
  func project(_ rng: inout Xoshiro256PlusPlus) {
    ZigguratNormal.fill(UnsafeMutableBufferPointer(start: out, count: count), using: &rng)
  }

  @inline(never)
  func oneStream(_ rng: inout Xoshiro256PlusPlus) {
    var local = rng
    defer { rng = local }
    var i = 0
    while i < count {
      let (x, accepted) = fastPath(local.next())
      out[i] = x
      i += accepted ? 1 : 0
    }
  }

  @inline(never)
  func twoStreams(_ first: inout Xoshiro256PlusPlus, _ second: inout Xoshiro256PlusPlus) {
    var a = first
    var b = second
    defer { (first, second) = (a, b) }
    var i = 0
    while i + 1 < count {
      let (x, xAccepted) = fastPath(a.next())
      let (y, yAccepted) = fastPath(b.next())
      out[i] = x
      i += xAccepted ? 1 : 0
      out[i] = y
      i += yAccepted ? 1 : 0
    }
  }

  @inline(never)
  func simd4(_ rng: inout Xoshiro256PlusPlusX4) {
    var local = rng
    defer { rng = local }
    let exponentOfOne = SIMD4<UInt64>(repeating: 0x3FF0_0000_0000_0000)
    var i = 0
    while i + 3 < count {
      let bits = local.next()
      let layer = SIMD4<Int>(truncatingIfNeeded: bits & 0xFF)
      let magnitude = (bits &>> 9) & 0x000F_FFFF_FFFF_FFFF
      let inOneTwo = magnitude | exponentOfOne
      let oneTwo = SIMD4<Double>(
        Double(bitPattern: inOneTwo[0]), Double(bitPattern: inOneTwo[1]),
        Double(bitPattern: inOneTwo[2]), Double(bitPattern: inOneTwo[3]))
      let scale = SIMD4<Double>(width[layer[0]], width[layer[1]], width[layer[2]], width[layer[3]])
      let limit = SIMD4<UInt64>(
        acceptBelow[layer[0]], acceptBelow[layer[1]], acceptBelow[layer[2]], acceptBelow[layer[3]])
      // (1 + m·2⁻⁵²) − 1 = m·2⁻⁵² exactly, so this is m·width, as the scalar path computes.
      let unsigned = (oneTwo - 1) * (scale * 0x1.0p52)
      let sign = (bits & 0x100) &<< 55
      let accepted = magnitude .< limit
      for lane in 0..<4 {
        out[i] = Double(bitPattern: unsigned[lane].bitPattern | sign[lane])
        i += accepted[lane] ? 1 : 0
      }
    }
  }

  /// Nanoseconds per normal: the best of five timings of `repeats` fills.
  func nanosecondsPerNormal(repeats: Int, _ fillOnce: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<5 {
      let start = ContinuousClock.now
      for _ in 0..<repeats { fillOnce() }
      best = min(best, (ContinuousClock.now - start) / .nanoseconds(1))
    }
    return best / Double(count * repeats)
  }

  /// Mean and variance of the buffer's last contents.
  func moments() -> [String: Double] {
    let values = UnsafeBufferPointer(start: out, count: count)
    let mean = values.reduce(0, +) / Double(count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
    return ["mean": mean, "variance": variance]
  }
}

let layouts = Layouts(count: normals)
var first = Xoshiro256PlusPlus(seed: 1)
var second = Xoshiro256PlusPlus(seed: 2)
var lanes = Xoshiro256PlusPlusX4(seed: 3)
var results: [String: Any] = ["normals": normals, "repeats": repeats]
let fills: [(String, () -> Void)] = [
  ("project", { layouts.project(&first) }), ("oneStream", { layouts.oneStream(&first) }),
  ("twoStreams", { layouts.twoStreams(&first, &second) }), ("simd4", { layouts.simd4(&lanes) }),
]
for (name, fillOnce) in fills {
  let nanoseconds = layouts.nanosecondsPerNormal(repeats: repeats, fillOnce)
  results[name] = ["ns_per_normal": nanoseconds, "last_buffer": layouts.moments()] as [String: Any]
}
let data = try! JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
