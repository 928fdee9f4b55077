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
/// Every path goes through the same `dgemm` shape (`T × M × M`), so path *i* is
/// bit-identical whether it is generated alone or among millions, on any thread count.
/// OpenBLAS should be pinned to one thread when workers run in parallel
/// (``pinBLASToOneThread()``).
public struct PathGenerator: Sendable {
  public let model: PathModel
  public let streams: RandomStreams

  /// Per-market constants, in market order.
  let driftPerStep: [Double]
  let diffusionPerStep: [Double]
  let jumpBeta: [Double]
  let studentT: [Bool]
  let dof: Double?
  let jumpProbabilityScale: Double

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
    diffusionPerStep = model.markets.map { $0.volatility * dt.squareRoot() }
    jumpBeta = model.markets.map(\.returns.jumpBeta)
    studentT = model.markets.map { $0.returns.dof != nil }
    dof = model.markets.lazy.compactMap(\.returns.dof).first
    jumpProbabilityScale = model.horizon.stepDays
  }

  /// A workspace sized for this model.
  public func makeWorkspace() -> PathWorkspace {
    PathWorkspace(steps: model.horizon.steps, markets: model.marketCount)
  }

  /// Generates path `path` into `workspace.logPrices`.
  ///
  /// - Complexity: O(T · M²) for the `dgemm`, O(T · M) for the rest.
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
          logPrices[t * m + i] = logPrices[i] + Double.log(replay.price(step: t, column: i) / replay.price(step: 0, column: i))
        }
      }
      return
    }

    var diffusion = streams.generator(path: path, purpose: .diffusion)
    ZigguratNormal.fill(UnsafeMutableBufferPointer(start: workspace.normals, count: steps * m), using: &diffusion)
    choleskyFactor { factor in
      cblas_dgemm(
        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(steps), Int32(m), Int32(m), 1,
        workspace.normals, Int32(m), factor, Int32(m), 0, workspace.shocks, Int32(m))
    }
    let shocks = workspace.shocks

    driftPerStep.withUnsafeBufferPointer { drift in
      diffusionPerStep.withUnsafeBufferPointer { scale in
        studentT.withUnsafeBufferPointer { isT in
          if let dof {
            var mixing = streams.generator(path: path, purpose: .mixing)
            let shape = dof / 2
            for t in 0..<steps {
              let w = ((dof - 2) / (2 * GammaVariate.next(shape: shape, using: &mixing))).squareRoot()
              let row = shocks + t * m
              for i in 0..<m { row[i] = drift[i] + scale[i] * row[i] * (isT[i] ? w : 1) }
            }
          } else {
            for t in 0..<steps {
              let row = shocks + t * m
              for i in 0..<m { row[i] = drift[i] + scale[i] * row[i] }
            }
          }
        }
      }
    }

    if let jumps = model.jumps, jumps.intensityPerDay > 0, jumpBeta.contains(where: { $0 != 0 }) {
      addJumps(jumps, path: path, shocks: shocks, steps: steps, markets: m)
    }

    for t in 0..<steps {
      let previous = logPrices + t * m
      let next = previous + m
      let row = shocks + t * m
      for i in 0..<m { next[i] = previous[i] + row[i] }
    }
  }

  /// Adds the crash jumps of `path`: arrivals at cumulative `Exp(λ)` times (in days), each
  /// a log-size `J ~ N(μ_J, σ_J²)` applied as `βᵢ·J` to the step in which it arrives.
  func addJumps(_ jumps: JumpFactor, path: Int, shocks: UnsafeMutablePointer<Double>, steps: Int, markets m: Int) {
    var rng = streams.generator(path: path, purpose: .jumps)
    let horizonDays = Double(steps) * jumpProbabilityScale
    var time = 0.0
    while true {
      let u = Double(rng.next() >> 11) * 0x1.0p-53
      time += -Double.log(onePlus: -u) / jumps.intensityPerDay
      guard time < horizonDays else { return }
      let size = jumps.mean + jumps.stdev * ZigguratNormal.next(using: &rng)
      let step = min(steps - 1, Int(time / jumpProbabilityScale))
      for i in 0..<m where jumpBeta[i] != 0 { shocks[step * m + i] += jumpBeta[i] * size }
    }
  }

  private func choleskyFactor<R>(_ body: (UnsafePointer<Double>) -> R) -> R {
    model.choleskyFactor.withUnsafeBufferPointer { body($0.baseAddress!) }
  }
}

/// Pins OpenBLAS to one thread: parallelism comes from running paths on separate workers,
/// and a threaded BLAS inside each worker would oversubscribe the cores.
public func pinBLASToOneThread() {
  openblas_set_num_threads(1)
}
