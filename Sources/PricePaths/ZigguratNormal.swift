import RealModule

/// Standard normal variates by the ziggurat method.
///
/// 256 layers of equal area `v = 0.00492867323399` under `exp(−x²/2)`, with the base layer's
/// right edge at `r = 3.6541528853610088` (Marsaglia and Tsang, "The ziggurat method for
/// generating random variables", Journal of Statistical Software 5(8), 2000). One 64-bit
/// draw supplies the layer (8 bits), the sign (1 bit) and a 52-bit abscissa, the layout of
/// numpy's legacy generator; about 99.3% of draws return after one table lookup and one
/// multiply. The rest test the wedge against `exp(−x²/2)` or, in the base layer, sample the
/// tail beyond `r` by Marsaglia's exponential method (1964).
///
/// Tables are built once at first use from `r` and `v` by the recurrence of the paper, so no
/// magic table is committed.
public enum ZigguratNormal {
  /// One standard normal draw.
  ///
  /// - Complexity: O(1) expected; about 2 ns on one core here.
  @inlinable @inline(__always)
  public static func next<G: RandomNumberGenerator>(using rng: inout G) -> Double {
    sample(using: &rng, tables: ZigguratTables.shared)
  }

  /// Fills `buffer` with independent standard normal draws.
  ///
  /// - Complexity: O(`buffer.count`).
  @inlinable
  public static func fill<G: RandomNumberGenerator>(
    _ buffer: UnsafeMutableBufferPointer<Double>, using rng: inout G
  ) {
    guard let base = buffer.baseAddress else { return }
    let tables = ZigguratTables.shared
    let width = tables.width
    let acceptBelow = tables.acceptBelow
    // A local copy of the generator lets the optimiser keep its state in registers; it is
    // spilled only on the rare path.
    var local = rng
    defer { rng = local }
    var i = 0
    while i < buffer.count {
      let bits = local.next()
      let layer = Int(truncatingIfNeeded: bits & 0xFF)
      let magnitude = (bits >> 9) & 0x000F_FFFF_FFFF_FFFF
      let unsigned = Double(Int64(bitPattern: magnitude)) * width[layer]
      let x = Double(bitPattern: unsigned.bitPattern | ((bits & 0x100) << 55))
      if magnitude < acceptBelow[layer] {
        base[i] = x
        i += 1
      } else {
        // The rare path takes and returns the generator by value, so `local` never has its
        // address taken and stays in registers in the loop above.
        let (accepted, advanced) = edgeByValue(layer: layer, magnitude: magnitude, x: x, rng: local, tables: tables)
        local = advanced
        if let accepted {
          base[i] = accepted
          i += 1
        }
      }
    }
  }

  @inlinable @inline(__always)
  static func sample<G: RandomNumberGenerator>(
    using rng: inout G, tables: ZigguratTables
  ) -> Double {
    while true {
      let bits = rng.next()
      let layer = Int(truncatingIfNeeded: bits & 0xFF)
      let magnitude = (bits >> 9) & 0x000F_FFFF_FFFF_FFFF
      // The sign is bit 8, applied without a branch (a 50/50 branch mispredicts half the
      // time); the 52-bit magnitude converts exactly through Int64, one instruction on x86.
      let unsigned = Double(Int64(bitPattern: magnitude)) * tables.width[layer]
      let x = Double(bitPattern: unsigned.bitPattern | ((bits & 0x100) << 55))
      if magnitude < tables.acceptBelow[layer] { return x }
      // By value, as in `fill`: `rng` keeps its state in registers on the common path.
      let (accepted, advanced) = edgeByValue(layer: layer, magnitude: magnitude, x: x, rng: rng, tables: tables)
      rng = advanced
      if let accepted { return accepted }
    }
  }

  /// ``edge(layer:magnitude:x:using:tables:)`` with the generator passed by value.
  @inlinable @inline(never)
  static func edgeByValue<G: RandomNumberGenerator>(
    layer: Int, magnitude: UInt64, x: Double, rng: G, tables: ZigguratTables
  ) -> (Double?, G) {
    var rng = rng
    let value = edge(layer: layer, magnitude: magnitude, x: x, using: &rng, tables: tables)
    return (value, rng)
  }

  /// The rare path: the wedge test of layers 1…255 or the tail beyond `r` of layer 0.
  @inlinable @inline(never)
  static func edge<G: RandomNumberGenerator>(
    layer: Int, magnitude: UInt64, x: Double, using rng: inout G, tables: ZigguratTables
  ) -> Double? {
    if layer == 0 {
      // Tail: x = r + E₁/r, accepted when 2E₂ > (E₁/r)² (Marsaglia 1964).
      while true {
        let u1 = Double(rng.next() >> 11) * 0x1.0p-53
        let u2 = Double(rng.next() >> 11) * 0x1.0p-53
        let xx = -Double.log(onePlus: -u1) / ZigguratTables.r
        let yy = -Double.log(onePlus: -u2)
        if yy + yy > xx * xx {
          return (magnitude >> 8) & 1 != 0 ? -(ZigguratTables.r + xx) : ZigguratTables.r + xx
        }
      }
    }
    let u = Double(rng.next() >> 11) * 0x1.0p-53
    let y = (tables.density[layer - 1] - tables.density[layer]) * u + tables.density[layer]
    return y < Double.exp(-0.5 * x * x) ? x : nil
  }
}

/// The ziggurat's layer tables: abscissa scale, acceptance bound and density per layer.
@usableFromInline
final class ZigguratTables: @unchecked Sendable {
  @usableFromInline static let shared = ZigguratTables()
  /// Right edge of the base layer.
  @usableFromInline static let r = 3.6541528853610088
  /// Area of each layer, the base layer's tail included.
  static let v = 0.00492867323399

  /// `acceptBelow[i] = ⌊2⁵² · xᵢ₋₁ / xᵢ⌋`: magnitudes below it lie wholly under the curve.
  @usableFromInline let acceptBelow: UnsafeMutablePointer<UInt64>
  /// `width[i] = xᵢ / 2⁵²` (the base layer uses `v / f(r)` for its width).
  @usableFromInline let width: UnsafeMutablePointer<Double>
  /// `density[i] = exp(−xᵢ² / 2)`, with `density[0] = 1`.
  @usableFromInline let density: UnsafeMutablePointer<Double>

  private init() {
    acceptBelow = .allocate(capacity: 256)
    width = .allocate(capacity: 256)
    density = .allocate(capacity: 256)
    let scale = 0x1.0p52
    var x = Self.r
    var previous = x
    let q = Self.v / Double.exp(-0.5 * x * x)
    acceptBelow[0] = UInt64(x / q * scale)
    acceptBelow[1] = 0
    width[0] = q / scale
    width[255] = x / scale
    density[0] = 1
    density[255] = Double.exp(-0.5 * x * x)
    for i in stride(from: 254, through: 1, by: -1) {
      x = (-2 * Double.log(Self.v / x + Double.exp(-0.5 * x * x))).squareRoot()
      acceptBelow[i + 1] = UInt64(x / previous * scale)
      previous = x
      density[i] = Double.exp(-0.5 * x * x)
      width[i] = x / scale
    }
  }
}
