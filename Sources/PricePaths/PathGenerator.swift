import CLinearAlgebra
import RealModule

/// Generates joint log-price paths of a ``PathModel``, one path at a time, each keyed by
/// `(seed, path index)` through ``RandomStreams``.
///
/// For path *p* with `T` steps and `M` markets:
/// 1. `Z`: `T × M` independent standard normals (ziggurat over xoshiro256++, the
///    `diffusion` stream of *p*);
/// 2. `X = Z · Lᵀ` by CBLAS `dgemm`, with `L` the Cholesky factor of the correlation:
///    each row of `X` has the target correlation;
/// 3. Student-t markets scale their row entries by `√((ν − 2)/W)`, `W ~ χ²_ν` drawn once per
///    step from the `mixing` stream (multivariate t with unit variance);
/// 4. log-return `rᵢ = (μᵢ − σᵢ²/2 − λκᵢ)Δt + σᵢ√Δt · Xᵢ + βᵢ·J` where `J` is the sum of the
///    crash jumps arriving in the step (`jumps` stream) and `κᵢ = E[e^{βᵢJ}] − 1`;
/// 5. log-prices are the running sums of the returns from `log priceᵢ`.
///
/// The rows of `L` are scaled by `σᵢ√Δt` beforehand, so the `dgemm` yields `σᵢ√Δt·Xᵢ`, and
/// steps 3–5 run as one pass over the steps.
///
/// Every path goes through the same `dgemm` shape (`T × M × M`), so path *i* is
/// bit-identical whether it is generated alone or among millions, on any thread count.
/// OpenBLAS should be pinned to one thread when workers run in parallel
/// (``pinBLASToOneThread()``).
public struct PathGenerator: Sendable {
  public let model: PathModel
  public let streams: RandomStreams

  /// Per-market constants, in market order.
  let driftPerStep: [Double]
  let jumpBeta: [Double]
  /// 1 for Student-t markets, 0 otherwise: the mixing factor is `1 + mask·(w − 1)`.
  let studentMask: [Double]
  let dof: Double?
  let stepDays: Double
  /// `(diag(σᵢ√Δt) · L)ᵀ`, row-major: `dgemm` then yields scaled shocks directly. Stored
  /// transposed so the product is a plain `Z · B` (see ``generate(path:into:)``).
  let scaledFactorTransposed: [Double]
  /// The GARCH and filtered-historical constants, when a market has a conditional variance
  /// or the innovations are historical; such paths take their own step function
  /// (``generateConditional(path:into:)``), chosen once per path, so the constant-volatility
  /// models keep their loop as it is.
  let conditional: ConditionalVariance?

  public init(model: PathModel, seed: UInt64) {
    self.model = model
    self.streams = RandomStreams(seed: seed)
    let dt = model.horizon.stepYears
    let lambdaPerYear = (model.jumps?.intensityPerDay ?? 0) * 365
    driftPerStep = model.markets.map { m in
      let beta = m.returns.jumpBeta
      let compensation = beta == 0 ? 0 : lambdaPerYear * (model.jumps?.expectedRelativeJump(beta: beta) ?? 0)
      return (m.drift - 0.5 * m.volatility * m.volatility - compensation) * dt
    }
    jumpBeta = model.markets.map(\.returns.jumpBeta)
    studentMask = model.markets.map { $0.returns.dof != nil ? 1 : 0 }
    dof = model.markets.lazy.compactMap(\.returns.dof).first
    stepDays = model.horizon.stepDays
    let m = model.marketCount
    var scaled = model.choleskyFactor
    for i in 0..<m {
      let scale = model.markets[i].volatility * dt.squareRoot()
      for j in 0..<m { scaled[i * m + j] *= scale }
    }
    var transposed = scaled
    for i in 0..<m {
      for j in 0..<m { transposed[j * m + i] = scaled[i * m + j] }
    }
    scaledFactorTransposed = transposed
    conditional = ConditionalVariance(model: model)
  }

  /// A workspace sized for this model.
  public func makeWorkspace() -> PathWorkspace {
    PathWorkspace(steps: model.horizon.steps, markets: model.marketCount)
  }

  /// Generates path `path` into `workspace.logPrices`.
  ///
  /// - Complexity: O(T · M²) for the `dgemm`, O(T · M) for the rest, in one pass after it.
  public func generate(path: Int, into workspace: PathWorkspace) {
    let steps = model.horizon.steps
    let m = model.marketCount
    precondition(workspace.steps == steps && workspace.markets == m, "workspace of the wrong shape")
    let logPrices = workspace.logPrices
    for i in 0..<m {
      workspace.initialPrices[i] = model.markets[i].price
      logPrices[i] = Double.log(model.markets[i].price)
    }

    if let replay = model.replay {
      for t in 1...steps {
        for i in 0..<m {
          logPrices[t * m + i] =
            logPrices[i] + Double.log(replay.price(step: t, column: i) / replay.price(step: 0, column: i))
        }
      }
      return
    }
    if conditional != nil {
      generateConditional(path: path, into: workspace)
      return
    }

    var diffusion = streams.generator(path: path, purpose: .diffusion)
    ZigguratNormal.fill(UnsafeMutableBufferPointer(start: workspace.normals, count: steps * m), using: &diffusion)
    // `X = Z · (diag(σ√Δt)·L)ᵀ` as a plain row-major `Z · B`, α = 1, β = 0. In OpenBLAS's
    // column-major terms that is the "NN" case, which its AVX-512 small-matrix kernels
    // (0.3.21 here) take when `M·N·K ≤ 10⁶` (here `T·M²`); the former `Z · Lᵀ` form is
    // "TN", which they refuse once `M·N > 1 200`. No packing of `Z`, no zeroing pass over
    // `X`: 7–9% of a whole run on this machine, the same bits (docs/PERFORMANCE.md, sixth
    // round). CPUs without those kernels run the regular ones at the former form's cost.
    scaledFactorTransposed.withUnsafeBufferPointer { factor in
      cblas_dgemm(
        CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(steps), Int32(m), Int32(m), 1,
        workspace.normals, Int32(m), factor.baseAddress, Int32(m), 0, workspace.shocks, Int32(m))
    }
    let jumpCount = drawJumps(path: path, steps: steps, into: workspace)
    drawMixing(path: path, steps: steps, into: workspace)
    var first = 0
    while first + 4 <= m {
      accumulate(SIMD4<Double>.self, markets: first, workspace: workspace, jumps: jumpCount)
      first += 4
    }
    while first < m {
      accumulate(market: first, workspace: workspace, jumps: jumpCount)
      first += 1
    }
  }

  /// The Student-t mixing factors `√((ν − 2)/W)` of every step into `workspace.mixing`,
  /// `W ~ χ²_ν` shared by the Student-t markets of a step (unit-variance multivariate t);
  /// nothing without Student-t markets.
  @inline(__always)
  func drawMixing(path: Int, steps: Int, into workspace: PathWorkspace) {
    guard let dof else { return }
    let mixing = workspace.mixing
    var rng = streams.generator(path: path, purpose: .mixing)
    let gamma = GammaVariate.Sampler(shape: dof / 2)
    for t in 0..<steps {
      mixing[t] = ((dof - 2) / (2 * gamma.next(using: &rng))).squareRoot()
    }
  }

  /// The fused pass for markets `first ..< first + V.scalarCount`: the running log-price
  /// stays in a register across steps (one vector add per step) while each step adds the
  /// drift, the scaled shock (times the Student-t factor where it applies) and any crash
  /// jump, and writes the log-price.
  @inline(__always)
  private func accumulate<V: SIMD>(_: V.Type, markets first: Int, workspace: PathWorkspace, jumps jumpCount: Int)
  where V.Scalar == Double {
    let m = model.marketCount
    let steps = model.horizon.steps
    let logPrices = workspace.logPrices
    let shocks = workspace.shocks
    let mixing = workspace.mixing
    func load(_ array: [Double]) -> V {
      var v = V()
      for lane in 0..<V.scalarCount { v[lane] = array[first + lane] }
      return v
    }
    let drift = load(driftPerStep)
    let mask = load(studentMask)
    let beta = load(jumpBeta)
    var level = V()
    for lane in 0..<V.scalarCount { level[lane] = logPrices[first + lane] }
    let one = V(repeating: 1)
    var nextJump = 0
    for t in 0..<steps {
      let row = UnsafeRawPointer(shocks + t * m + first)
      var shock = row.loadUnaligned(as: V.self)
      if dof != nil { shock = shock * (one + mask * (V(repeating: mixing[t]) - one)) }
      level = level + drift + shock
      while nextJump < jumpCount && workspace.jumpSteps[nextJump] == t {
        level += beta * workspace.jumpSizes[nextJump]
        nextJump += 1
      }
      UnsafeMutableRawPointer(logPrices + (t + 1) * m + first).storeBytes(of: level, as: V.self)
    }
  }

  /// The fused pass for one market (those left over after the groups of four), in the same
  /// order of operations as the vector version.
  func accumulate(market i: Int, workspace: PathWorkspace, jumps jumpCount: Int) {
    let m = model.marketCount
    let logPrices = workspace.logPrices
    let shocks = workspace.shocks
    let drift = driftPerStep[i]
    let mask = studentMask[i]
    let beta = jumpBeta[i]
    var level = logPrices[i]
    var nextJump = 0
    for t in 0..<model.horizon.steps {
      var shock = shocks[t * m + i]
      if dof != nil { shock = shock * (1 + mask * (workspace.mixing[t] - 1)) }
      level = level + drift + shock
      while nextJump < jumpCount && workspace.jumpSteps[nextJump] == t {
        level += beta * workspace.jumpSizes[nextJump]
        nextJump += 1
      }
      logPrices[(t + 1) * m + i] = level
    }
  }

  /// Draws the crash jumps of `path` in time order: arrivals at cumulative `Exp(λ)` times
  /// (in days), each a log-size `J ~ N(μ_J, σ_J²)` applied as `βᵢ·J` in the step of arrival.
  /// Returns how many were stored in the workspace.
  func drawJumps(path: Int, steps: Int, into workspace: PathWorkspace) -> Int {
    guard let jumps = model.jumps, jumps.intensityPerDay > 0, jumpBeta.contains(where: { $0 != 0 }) else { return 0 }
    var rng = streams.generator(path: path, purpose: .jumps)
    let horizonDays = Double(steps) * stepDays
    var time = 0.0
    var count = 0
    while true {
      let u = Double(rng.next() >> 11) * 0x1.0p-53
      time += -Double.log(onePlus: -u) / jumps.intensityPerDay
      guard time < horizonDays else { return count }
      let size = jumps.mean + jumps.stdev * ZigguratNormal.next(using: &rng)
      workspace.appendJump(step: min(steps - 1, Int(time / stepDays)), size: size, at: count)
      count += 1
    }
  }
}

/// Pins OpenBLAS to one thread: parallelism comes from running paths on separate workers,
/// and a threaded BLAS inside each worker would oversubscribe the cores.
public func pinBLASToOneThread() {
  openblas_set_num_threads(1)
}
