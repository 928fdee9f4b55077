import PricePaths
import RealModule
import Testing

/// Statistical and structural tests of path generation. Sizes are chosen so that each
/// tolerance (4 standard errors of a stated formula) is tight enough to catch a wrong
/// factor, while the whole file runs in a few seconds in a debug build.
@Suite("PathGenerator")
struct PathGeneratorTests {
  static let minute = 60.0
  static let hour = 3_600.0
  static let day = 86_400.0

  /// One-step log-returns of every market over `paths` paths, concatenated per market.
  static func returnsByMarket(_ generator: PathGenerator, paths: Range<Int>) -> [[Double]] {
    let workspace = generator.makeWorkspace()
    let m = generator.model.marketCount
    var out = [[Double]](repeating: [], count: m)
    for i in 0..<m { out[i].reserveCapacity(paths.count * workspace.steps) }
    for p in paths {
      generator.generate(path: p, into: workspace)
      for i in 0..<m { out[i] += stepReturns(workspace, market: i) }
    }
    return out
  }

  /// Final log-returns `log P(T) − log P(0)` per market, one per path.
  static func finalLogReturns(_ generator: PathGenerator, paths: Range<Int>) -> [[Double]] {
    let workspace = generator.makeWorkspace()
    let m = generator.model.marketCount
    var out = [[Double]](repeating: [], count: m)
    for p in paths {
      generator.generate(path: p, into: workspace)
      for i in 0..<m {
        out[i].append(workspace.logPrice(step: workspace.steps, market: i) - workspace.logPrice(step: 0, market: i))
      }
    }
    return out
  }

  // MARK: - Correlation and volatility

  // Expected: the target correlation (the numpy peer's BTC/ETH/SOL/DOGE matrix) and the
  // annualised vols 0.60/0.75/1.00/1.20, from n = 1000 paths × 300 one-minute steps =
  // 300 000 independent one-step log-returns per market.
  // * Correlation: SE of a sample correlation ≈ (1 − ρ²)/√n; the largest over the pairs
  //   (ρ = 0.60) is 0.64/√300000 = 0.00117, so the required 0.005 is ≥ 4 SE (= 0.0047) for
  //   every pair; the test asserts that too. (With the suggested 100 000 returns 4 SE would
  //   be 0.0081 for ρ = 0.6, looser than 0.005: hence 300 steps, not 100.)
  // * Volatility: SE of a sample variance is √(2/n)·σ², so of σ̂ ≈ σ/√(2n); σ̂ is
  //   sd(r)/√Δt with Δt = 60 s / (365 × 86 400 s). Tolerance 4 SE.
  @Test func correlationAndVolatilityOfOneStepReturns() throws {
    let model = try PathModel(
      markets: PeerUniverse.markets, correlation: PeerUniverse.correlation,
      horizon: Horizon(steps: 300, stepSeconds: Self.minute))
    let returns = Self.returnsByMarket(PathGenerator(model: model, seed: 12_345), paths: 0..<1000)
    let n = Double(returns[0].count)
    #expect(n == 300_000)
    for i in 0..<4 {
      for j in (i + 1)..<4 {
        let rho = PeerUniverse.correlation[i][j]
        let fourSE = 4 * (1 - rho * rho) / n.squareRoot()
        #expect(fourSE <= 0.005, "0.005 must be at least 4 SE for ρ = \(rho)")
        let estimate = sampleCorrelation(returns[i], returns[j])
        #expect(abs(estimate - rho) <= 0.005, "ρ[\(i)][\(j)] = \(estimate), target \(rho)")
      }
      let sigma = PeerUniverse.markets[i].volatility
      let sigmaHat = SampleMoments(returns[i]).standardDeviation / model.horizon.stepYears.squareRoot()
      #expect(abs(sigmaHat - sigma) <= 4 * sigma / (2 * n).squareRoot(), "σ̂[\(i)] = \(sigmaHat), target \(sigma)")
    }
  }

  // MARK: - Drift

  // Expected: docs/MODEL.md, "Price paths", log-returns (μ − σ²/2)Δt + σ√Δt·Z, so the final log-return after
  // T years is N((μ − σ²/2)T, σ²T): mean within 4 SE, SE = σ√T/√P. And the price itself has
  // E[P(T)] = P(0)·e^{μT} (the meaning of μ as expected return), with
  // SD(P(T)) = P(0)·e^{μT}·√(e^{σ²T} − 1), so its mean is within 4·that/√P.
  // Two markets with strong, opposite drifts, 100 daily steps, 2000 paths.
  @Test func driftOfFinalLogReturnsAndPrices() throws {
    let markets = [
      MarketModel(symbol: "UP", price: 100, volatility: 0.8, drift: 3.0),
      MarketModel(symbol: "DOWN", price: 1, volatility: 0.5, drift: -2.0),
    ]
    let model = try PathModel(
      markets: markets, correlation: [[1, 0.3], [0.3, 1]], horizon: Horizon(steps: 100, stepSeconds: Self.day))
    let generator = PathGenerator(model: model, seed: 99)
    let finals = Self.finalLogReturns(generator, paths: 0..<2000)
    let years = 100.0 / 365.0
    let paths = Double(finals[0].count)
    for (i, market) in markets.enumerated() {
      let sigma = market.volatility
      let mu = market.drift
      let expected = (mu - 0.5 * sigma * sigma) * years
      let mean = finals[i].reduce(0, +) / paths
      #expect(
        abs(mean - expected) <= 4 * sigma * years.squareRoot() / paths.squareRoot(),
        "\(market.symbol): mean \(mean), expected \(expected)")
      let growth = finals[i].reduce(0) { $0 + Double.exp($1) } / paths
      let expectedGrowth = Double.exp(mu * years)
      let sd = expectedGrowth * Double.expMinusOne(sigma * sigma * years).squareRoot()
      #expect(
        abs(growth - expectedGrowth) <= 4 * sd / paths.squareRoot(),
        "\(market.symbol): E[P(T)/P(0)] \(growth), expected \(expectedGrowth)")
    }
  }

  // Expected: with zero volatility the path is deterministic: log P(t) = log P(0) + μ·t·Δt
  // (the −σ²/2 term vanishes), to rounding of t additions.
  @Test func zeroVolatilityIsDeterministicDrift() throws {
    let model = try PathModel(
      markets: [MarketModel(symbol: "X", price: 50, volatility: 0, drift: 0.4)], correlation: nil,
      horizon: Horizon(steps: 365, stepSeconds: Self.day))
    let generator = PathGenerator(model: model, seed: 1)
    let workspace = generator.makeWorkspace()
    generator.generate(path: 3, into: workspace)
    for t in [0, 1, 100, 365] {
      let expected = Double.log(50) + 0.4 * Double(t) / 365
      #expect(abs(workspace.logPrice(step: t, market: 0) - expected) <= 1e-12)
    }
  }

  // MARK: - Student-t

  /// Excess kurtosis of the unit-variance Student-t, 6/(ν − 4), and the asymptotic variance
  /// (times n) of the sample kurtosis m4/m2² of a symmetric distribution with unit variance,
  /// μ8 − 4μ6μ4 + 4μ4³ − μ4² (delta method; 24 for the normal). Unit-variance t moments:
  /// μ4 = 3(ν−2)/(ν−4), μ6 = 15(ν−2)²/((ν−4)(ν−6)), μ8 = 105(ν−2)³/((ν−4)(ν−6)(ν−8)),
  /// finite for ν > 8. For ν = 10: μ4 = 4, μ6 = 40, μ8 = 1120, so 720.
  static func studentTKurtosis(dof nu: Double) -> (excess: Double, nVariance: Double, mu4: Double) {
    let mu4 = 3 * (nu - 2) / (nu - 4)
    let mu6 = 15 * (nu - 2) * (nu - 2) / ((nu - 4) * (nu - 6))
    let mu8 = 105 * (nu - 2) * (nu - 2) * (nu - 2) / ((nu - 4) * (nu - 6) * (nu - 8))
    return (6 / (nu - 4), mu8 - 4 * mu6 * mu4 + 4 * mu4 * mu4 * mu4 - mu4 * mu4, mu4)
  }

  // Expected: docs/MODEL.md, "Price paths", Student-t shocks have unit variance, and a unit-variance t with
  // ν = 10 has excess kurtosis 6/(ν − 4) = 1. Standardised shocks z = (r − (μ − σ²/2)Δt)/(σ√Δt)
  // of 500 paths × 1000 steps (n = 500 000):
  // * variance 1 within 4 SE, SE = √((μ4 − 1)/n) = √(3/n);
  // * excess kurtosis 1 within 4 SE, SE = √(720/n) = 0.038 (formula above; ν = 10 > 8 so
  //   the 8th moment, and with it this SE, is finite).
  @Test func studentTHasUnitVarianceAndItsKurtosis() throws {
    let nu = 10.0
    let sigma = 0.9
    let model = try PathModel(
      markets: [MarketModel(symbol: "T", price: 1, volatility: sigma, returns: .studentT(dof: nu))],
      correlation: nil, horizon: Horizon(steps: 1000, stepSeconds: Self.minute))
    let dt = model.horizon.stepYears
    let r = Self.returnsByMarket(PathGenerator(model: model, seed: 4), paths: 0..<500)[0]
    let z = r.map { ($0 - (-0.5 * sigma * sigma * dt)) / (sigma * dt.squareRoot()) }
    let moments = SampleMoments(z)
    let n = Double(z.count)
    let theory = Self.studentTKurtosis(dof: nu)
    #expect(theory.excess == 1 && theory.nVariance == 720)
    #expect(abs(moments.variance - 1) <= 4 * ((theory.mu4 - 1) / n).squareRoot(), "variance \(moments.variance)")
    #expect(
      abs(moments.excessKurtosis - theory.excess) <= 4 * (theory.nVariance / n).squareRoot(),
      "excess kurtosis \(moments.excessKurtosis)")
    #expect(abs(moments.mean) <= 4 / n.squareRoot())
  }

  /// Diffusion shocks `r − (μ − σ²/2)Δt` of paths 0..<paths of a 2-market model with
  /// correlation 0.5, σ = 0.8, one-minute steps, price 1 (so log-prices stay small and
  /// exact), for the given return model.
  static func twoMarketShocks(_ returns: ReturnModel, paths: Int, steps: Int) throws -> [[Double]] {
    let sigma = 0.8
    let markets = [
      MarketModel(symbol: "A", price: 1, volatility: sigma, returns: returns),
      MarketModel(symbol: "B", price: 1, volatility: sigma, returns: returns),
    ]
    let model = try PathModel(
      markets: markets, correlation: [[1, 0.5], [0.5, 1]], horizon: Horizon(steps: steps, stepSeconds: Self.minute))
    let drift = -0.5 * sigma * sigma * model.horizon.stepYears
    return Self.returnsByMarket(PathGenerator(model: model, seed: 77), paths: 0..<paths)
      .map { $0.map { $0 - drift } }
  }

  // Expected: docs/MODEL.md, "Price paths", the mixing variable is shared across markets in a step. Because
  // the Gaussian draws come from the same `diffusion` stream whatever the model
  // (RandomStreams: common random numbers across scenario variants), a Student-t shock is
  // exactly w_t times the gbm shock of the same seed, path and step, with ONE
  // w_t = √((ν − 2)/W_t) for both markets. So:
  // * market B's t shock equals w_t (estimated from market A) times its gbm shock, to
  //   rounding (1e-9 of a step's scale);
  // * W_t = (ν − 2)/w_t² is χ²_ν: mean ν and variance 2ν within 4 SE, SE √(2ν/n) and
  //   √((8ν² + 48ν)/n) (see GammaVariateTests).
  // ν = 4, 200 paths × 500 steps = 100 000 steps.
  @Test func studentTMixingIsSharedAcrossMarkets() throws {
    let nu = 4.0
    let gbm = try Self.twoMarketShocks(.gbm, paths: 200, steps: 500)
    let t = try Self.twoMarketShocks(.studentT(dof: nu), paths: 200, steps: 500)
    let scale = 0.8 * (Self.minute / Horizon.secondsPerYear).squareRoot()
    var chi = [Double]()
    chi.reserveCapacity(gbm[0].count)
    var worst = 0.0
    for k in gbm[0].indices {
      // Estimate w from the market with the larger Gaussian shock (better conditioned).
      let a = abs(gbm[0][k]) >= abs(gbm[1][k]) ? 0 : 1
      let b = 1 - a
      let w = t[a][k] / gbm[a][k]
      worst = max(worst, abs(t[b][k] - w * gbm[b][k]) / (scale * max(1, w)))
      chi.append((nu - 2) / (w * w))
    }
    #expect(worst <= 1e-9, "largest mismatch \(worst) of a step's scale")
    let moments = SampleMoments(chi)
    let n = Double(chi.count)
    #expect(abs(moments.mean - nu) <= 4 * (2 * nu / n).squareRoot(), "mean of W \(moments.mean)")
    #expect(
      abs(moments.variance - 2 * nu) <= 4 * ((8 * nu * nu + 48 * nu) / n).squareRoot(),
      "variance of W \(moments.variance)")
  }

  // Expected: with a shared mixing variable, joint extremes are more frequent than under
  // gbm with the same correlation: P(|r_A| > 3σ and |r_B| > 3σ) is 1.64e-4 for a bivariate
  // normal with ρ = 0.5 (scipy), and several times larger for the multivariate t with ν = 4.
  // Over n = 100 000 steps the t frequency exceeds the gbm one by more than 4 SE of the
  // difference, SE = √(p_t(1−p_t)/n + p_g(1−p_g)/n) (independent-binomial SE: the shared
  // Gaussian draws correlate the two counts positively, which only makes this conservative).
  // The gbm frequency itself is within 4 binomial SE of 1.64e-4.
  @Test func studentTHasMoreJointCrashesThanGBM() throws {
    let gbm = try Self.twoMarketShocks(.gbm, paths: 200, steps: 500)
    let t = try Self.twoMarketShocks(.studentT(dof: 4), paths: 200, steps: 500)
    let threshold = 3 * 0.8 * (Self.minute / Horizon.secondsPerYear).squareRoot()
    let joint = { (x: [[Double]]) in
      x[0].indices.filter { abs(x[0][$0]) > threshold && abs(x[1][$0]) > threshold }.count
    }
    let n = gbm[0].count
    let pG = Double(joint(gbm)) / Double(n)
    let pT = Double(joint(t)) / Double(n)
    #expect(abs(pG - 1.6378e-4) <= fourBinomialSE(p: 1.6378e-4, n: n), "gbm joint tail \(pG)")
    let se = (pT * (1 - pT) / Double(n) + pG * (1 - pG) / Double(n)).squareRoot()
    #expect(pT - pG > 4 * se, "t joint tail \(pT) vs gbm \(pG)")
  }

  // Expected: only Student-t markets are mixed. A gbm market in a model that also has a
  // Student-t market gets exactly the log-prices it gets in an all-gbm model (same seed and
  // correlation: the same Gaussian draws through the same dgemm), bit for bit.
  @Test func gbmMarketIsUntouchedByTheMixing() throws {
    let correlation: [[Double]] = [[1, 0.7], [0.7, 1]]
    let horizon = Horizon(steps: 200, stepSeconds: Self.minute)
    let mixed = try PathModel(
      markets: [
        MarketModel(symbol: "T", price: 10, volatility: 1, returns: .studentT(dof: 3)),
        MarketModel(symbol: "G", price: 20, volatility: 0.5),
      ], correlation: correlation, horizon: horizon)
    let plain = try PathModel(
      markets: [
        MarketModel(symbol: "T", price: 10, volatility: 1),
        MarketModel(symbol: "G", price: 20, volatility: 0.5),
      ], correlation: correlation, horizon: horizon)
    let a = PathGenerator(model: mixed, seed: 5)
    let b = PathGenerator(model: plain, seed: 5)
    let wa = a.makeWorkspace()
    let wb = b.makeWorkspace()
    var differ = 0
    for p in 0..<5 {
      a.generate(path: p, into: wa)
      b.generate(path: p, into: wb)
      for t in 0...200 {
        #expect(wa.logPrice(step: t, market: 1).bitPattern == wb.logPrice(step: t, market: 1).bitPattern)
        if wa.logPrice(step: t, market: 0) != wb.logPrice(step: t, market: 0) { differ += 1 }
      }
    }
    #expect(differ >= 5 * 200)
  }

  // MARK: - Jumps

  // Expected: docs/MODEL.md, "Price paths" / JumpFactor, crash jumps arrive as a Poisson process with λ per
  // day and move market i by β_i·J. With zero volatility and J ≡ −4 (stdev 0: a huge,
  // unmistakable crash), a step's log-return is exactly d_i − 4β_i·k where k is the number
  // of jumps in the step and d_i = −λ·365·κ_i·Δt the Merton compensation, κ_i = e^{−4β_i} − 1.
  // * per step: r_A = d_A − 4k, r_B = d_B − 2k (β = 0.5), r_C = 0 (gbm, drift 0): 1e-12;
  // * jumps per path ~ Poisson(Λ), Λ = λ·T_days = 2 × 100/24: mean within 4 SE √(Λ/P);
  //   variance Λ within 4 SE √((μ4 − σ⁴)/P) with the Poisson μ4 = Λ + 3Λ², i.e. √((Λ + 2Λ²)/P).
  // 2000 paths of 100 hourly steps.
  @Test func jumpCountsArePoisson() throws {
    let lambda = 2.0
    let markets = [
      MarketModel(symbol: "A", price: 100, volatility: 0, returns: .jumps(beta: 1, dof: nil)),
      MarketModel(symbol: "B", price: 100, volatility: 0, returns: .jumps(beta: 0.5, dof: nil)),
      MarketModel(symbol: "C", price: 100, volatility: 0),
    ]
    let jumps = JumpFactor(intensityPerDay: lambda, mean: -4, stdev: 0)
    let model = try PathModel(
      markets: markets, correlation: nil, horizon: Horizon(steps: 100, stepSeconds: Self.hour), jumps: jumps)
    let dt = model.horizon.stepYears
    let dA = -lambda * 365 * Double.expMinusOne(-4) * dt
    let dB = -lambda * 365 * Double.expMinusOne(-2) * dt
    let returns = Self.returnsByMarket(PathGenerator(model: model, seed: 31), paths: 0..<2000)
    var counts = [Double]()
    var worst = 0.0
    for p in 0..<2000 {
      var count = 0
      for t in 0..<100 {
        let k = p * 100 + t
        let jumpsInStep = ((dA - returns[0][k]) / 4).rounded()
        count += Int(jumpsInStep)
        worst = max(worst, abs(returns[0][k] - (dA - 4 * jumpsInStep)))
        worst = max(worst, abs(returns[1][k] - (dB - 2 * jumpsInStep)))
        worst = max(worst, abs(returns[2][k]))
      }
      counts.append(Double(count))
    }
    #expect(worst <= 1e-12, "largest deviation from d − 4βk: \(worst)")
    let big = 100 * lambda / 24
    let moments = SampleMoments(counts)
    let paths = Double(counts.count)
    #expect(
      abs(moments.mean - big) <= 4 * (big / paths).squareRoot(), "mean jumps per path \(moments.mean), Λ = \(big)")
    #expect(
      abs(moments.variance - big) <= 4 * ((big + 2 * big * big) / paths).squareRoot(), "variance \(moments.variance)")
  }

  // Expected: each jump's log-size is N(μ_J, σ_J²) (JumpFactor), and arrivals are uniform
  // in time. Zero volatility, λ = 1/day, μ_J = −0.3, σ_J = 0.1, 3000 one-day paths of
  // 5-minute steps: a step's excess over the compensated drift d is the sum of the jumps in
  // it; two jumps share a step with probability ≈ λΔt/2 = 0.17% per jump (ignored).
  // * number of jumps ~ Poisson(3000): within 4·√3000;
  // * sizes: mean −0.3 within 4·σ_J/√N; variance σ_J² within 4·√(2/N)·σ_J² (normal sizes);
  // * arrival step index uniform on 0..<288: mean 143.5 within 4 SE, SE = 288/√12/√N.
  @Test func jumpSizesAndTimes() throws {
    let jumps = JumpFactor(intensityPerDay: 1, mean: -0.3, stdev: 0.1)
    let model = try PathModel(
      markets: [MarketModel(symbol: "A", price: 1, volatility: 0, returns: .jumps(beta: 1, dof: nil))],
      correlation: nil, horizon: Horizon(steps: 288, stepSeconds: 300), jumps: jumps)
    let d = -365 * jumps.expectedRelativeJump(beta: 1) * model.horizon.stepYears
    let r = Self.returnsByMarket(PathGenerator(model: model, seed: 8), paths: 0..<3000)[0]
    var sizes = [Double]()
    var stepIndices = [Double]()
    for (k, value) in r.enumerated() where abs(value - d) > 1e-9 {
      sizes.append(value - d)
      stepIndices.append(Double(k % 288))
    }
    let count = Double(sizes.count)
    #expect(abs(count - 3000) <= 4 * 3000.0.squareRoot(), "\(sizes.count) jumps")
    let moments = SampleMoments(sizes)
    #expect(abs(moments.mean + 0.3) <= 4 * 0.1 / count.squareRoot(), "mean size \(moments.mean)")
    #expect(abs(moments.variance - 0.01) <= 4 * (2 / count).squareRoot() * 0.01, "size variance \(moments.variance)")
    let meanStep = stepIndices.reduce(0, +) / count
    #expect(abs(meanStep - 143.5) <= 4 * 288 / 12.0.squareRoot() / count.squareRoot(), "mean arrival step \(meanStep)")
  }

  // Expected: the Merton compensation keeps `drift` the expected return (JumpFactor's doc):
  // E[P(T)/P(0)] = e^{μT} with jumps. Zero diffusion, μ = 0, λ = 3/day, J ~ N(−0.1, 0.05²),
  // β = 1.5, one day of 15-minute steps, 4000 paths; tolerance 4 SE with the SE estimated
  // from the sample, s/√P.
  @Test func jumpCompensationKeepsTheExpectedReturn() throws {
    let model = try PathModel(
      markets: [MarketModel(symbol: "A", price: 1, volatility: 0, returns: .jumps(beta: 1.5, dof: nil))],
      correlation: nil, horizon: Horizon(steps: 96, stepSeconds: 900),
      jumps: JumpFactor(intensityPerDay: 3, mean: -0.1, stdev: 0.05))
    let growth = Self.finalLogReturns(PathGenerator(model: model, seed: 21), paths: 0..<4000)[0].map { Double.exp($0) }
    let moments = SampleMoments(growth)
    #expect(
      abs(moments.mean - 1) <= 4 * moments.standardDeviation / Double(growth.count).squareRoot(),
      "E[P(T)/P(0)] = \(moments.mean)")
    // Without compensation the mean would be exp(λT·κ) = exp(3·(e^{−0.15+0.0028}−1)) ≈ 0.66.
    #expect(moments.mean > 0.9)
  }

  // MARK: - Replay

  // Expected: docs/MODEL.md, "Price paths", and ReplayPrices, every path follows the file exactly, its moves
  // applied to the scenario's initial prices: P_i(t) = price_i · file_i(t)/file_i(0);
  // when file_i(0) equals the scenario's price, P_i(t) = file_i(t). Relative tolerance
  // 1e-12 (one log and one exp). Columns are matched by symbol, whatever their order, and
  // the models (vol, Student-t) play no part.
  @Test func replayFollowsTheFileScaledToTheScenarioPrice() throws {
    let file: [[Double]] = [
      [3000, 50_000, 150], [2900, 48_000, 151], [2500, 41_000, 120], [2700, 45_500, 130], [2650, 44_000, 125],
    ]
    let replay = try ReplayPrices(symbols: ["ETH", "BTC", "SOL"], rows: file)
    let markets = [
      MarketModel(symbol: "BTC", price: 60_000, volatility: 0.6),
      MarketModel(symbol: "ETH", price: 3_000, volatility: 0.75, returns: .studentT(dof: 3)),
      MarketModel(symbol: "SOL", price: 160, volatility: 1.0),
    ]
    let model = try PathModel(
      markets: markets, correlation: nil, horizon: Horizon(steps: 1440, stepSeconds: Self.minute), replay: replay)
    #expect(model.horizon.steps == 4)
    let generator = PathGenerator(model: model, seed: 1)
    let workspace = generator.makeWorkspace()
    let column = ["BTC": 1, "ETH": 0, "SOL": 2]
    for path in [0, 17] {
      generator.generate(path: path, into: workspace)
      for t in 0...4 {
        for (i, market) in markets.enumerated() {
          let c = column[market.symbol]!
          let expected = market.price * file[t][c] / file[0][c]
          let price = workspace.price(step: t, market: i)
          #expect(abs(price / expected - 1) <= 1e-12, "\(market.symbol) at step \(t): \(price), expected \(expected)")
          if market.symbol == "ETH" { #expect(abs(price / file[t][c] - 1) <= 1e-12) }
        }
      }
    }
  }

  // MARK: - The documented algorithm

  // Expected: the algorithm of PathGenerator's doc comment, recomputed here from the public
  // pieces: Z from ZigguratNormal.fill on the path's `diffusion` stream (T × M, row-major),
  // X = Z·Lᵀ with L = model.choleskyFactor, W from GammaVariate on the `mixing` stream once
  // per step (χ²_ν = 2·Gamma(ν/2)), r_i = (μ_i − σ_i²/2)Δt + σ_i√Δt·X_i·√((ν − 2)/W) for
  // Student-t markets, log-prices the running sums from log price_i. Agreement to 1e-12
  // (the BLAS may sum in another order or fuse multiply-adds, so not bit for bit).
  @Test func pathFollowsTheDocumentedAlgorithm() throws {
    let nu = 5.0
    let markets = [
      MarketModel(symbol: "BTC", price: 60_000, volatility: 0.6, drift: 0.2, returns: .studentT(dof: nu)),
      MarketModel(symbol: "ETH", price: 3_000, volatility: 0.75),
      MarketModel(symbol: "SOL", price: 150, volatility: 1.0, drift: -0.5, returns: .studentT(dof: nu)),
    ]
    let model = try PathModel(
      markets: markets, correlation: [[1, 0.8, 0.7], [0.8, 1, 0.75], [0.7, 0.75, 1]],
      horizon: Horizon(steps: 300, stepSeconds: Self.minute))
    let (t, m, path) = (300, 3, 42)
    let generator = PathGenerator(model: model, seed: 1234)
    let workspace = generator.makeWorkspace()
    generator.generate(path: path, into: workspace)

    var diffusion = generator.streams.generator(path: path, purpose: .diffusion)
    var z = [Double](repeating: 0, count: t * m)
    z.withUnsafeMutableBufferPointer { ZigguratNormal.fill($0, using: &diffusion) }
    var mixing = generator.streams.generator(path: path, purpose: .mixing)
    let l = model.choleskyFactor
    let dt = model.horizon.stepYears
    var level = markets.map { Double.log($0.price) }
    var worst = 0.0
    for step in 0..<t {
      let w = ((nu - 2) / GammaVariate.chiSquare(degreesOfFreedom: nu, using: &mixing)).squareRoot()
      for i in 0..<m {
        var x = 0.0
        for k in 0...i { x += l[i * m + k] * z[step * m + k] }
        let mu = markets[i].drift
        let sigma = markets[i].volatility
        let mix = markets[i].returns.dof == nil ? 1 : w
        level[i] += (mu - 0.5 * sigma * sigma) * dt + sigma * dt.squareRoot() * x * mix
        worst = max(worst, abs(workspace.logPrice(step: step + 1, market: i) - level[i]))
      }
    }
    #expect(worst <= 1e-12, "largest log-price difference \(worst)")
  }

  // MARK: - Reproducibility

  static func richModel() throws -> PathModel {
    try PathModel(
      markets: [
        MarketModel(symbol: "BTC", price: 60_000, volatility: 0.6, drift: 0.1, returns: .jumps(beta: 1, dof: 5)),
        MarketModel(symbol: "ETH", price: 3_000, volatility: 0.75, returns: .studentT(dof: 5)),
        MarketModel(symbol: "SOL", price: 150, volatility: 1.0, returns: .jumps(beta: 1.6, dof: 5)),
      ],
      correlation: [[1, 0.8, 0.7], [0.8, 1, 0.75], [0.7, 0.75, 1]],
      horizon: Horizon(steps: 48, stepSeconds: Self.hour),
      jumps: JumpFactor(intensityPerDay: 3, mean: -0.05, stdev: 0.03))
  }

  // Expected: docs/MODEL.md, "Price paths", a path's draws depend only on (seed, path index): path i
  // generated alone is bit-identical to path i generated after others, in any order, in a
  // workspace that held another path before.
  @Test func pathIsIndependentOfWhatWasGeneratedBefore() throws {
    let generator = PathGenerator(model: try Self.richModel(), seed: 2026)
    let alone = generator.makeWorkspace()
    generator.generate(path: 7, into: alone)
    let reference = logPriceBits(alone)

    let reused = generator.makeWorkspace()
    for p in 0..<20 {
      generator.generate(path: p, into: reused)
      if p == 7 { #expect(logPriceBits(reused) == reference) }
    }
    for p in (0..<20).reversed() {
      generator.generate(path: p, into: reused)
      if p == 7 { #expect(logPriceBits(reused) == reference) }
    }
    generator.generate(path: 8, into: reused)
    #expect(logPriceBits(reused) != reference)
  }

  // Expected: same seed → byte-identical paths from two generators; another seed → other
  // paths.
  @Test func sameSeedSameBytesOtherSeedOtherPaths() throws {
    let model = try Self.richModel()
    let a = PathGenerator(model: model, seed: 7)
    let b = PathGenerator(model: model, seed: 7)
    let c = PathGenerator(model: model, seed: 8)
    let wa = a.makeWorkspace()
    let wb = b.makeWorkspace()
    let wc = c.makeWorkspace()
    for p in 0..<10 {
      a.generate(path: p, into: wa)
      b.generate(path: p, into: wb)
      c.generate(path: p, into: wc)
      #expect(logPriceBits(wa) == logPriceBits(wb))
      // Row 0 (initial prices) is the same; every later row differs.
      for t in 1...48 { #expect(wa.logPrice(step: t, market: 0) != wc.logPrice(step: t, market: 0)) }
    }
  }

  // Expected: docs/MODEL.md, "Price paths", the draws do not depend on the thread count: paths generated
  // concurrently on four tasks, each with its own workspace, equal the sequential ones.
  @Test func concurrentGenerationMatchesSequential() async throws {
    pinBLASToOneThread()
    let generator = PathGenerator(model: try Self.richModel(), seed: 99)
    let workspace = generator.makeWorkspace()
    var sequential = [[UInt64]]()
    for p in 0..<32 {
      generator.generate(path: p, into: workspace)
      sequential.append(logPriceBits(workspace))
    }
    let concurrent = await withTaskGroup(of: [(Int, [UInt64])].self) { group in
      for worker in 0..<4 {
        group.addTask {
          let workspace = generator.makeWorkspace()
          var out = [(Int, [UInt64])]()
          for p in stride(from: worker, to: 32, by: 4) {
            generator.generate(path: p, into: workspace)
            out.append((p, logPriceBits(workspace)))
          }
          return out
        }
      }
      var all = [[UInt64]](repeating: [], count: 32)
      for await part in group { for (p, bits) in part { all[p] = bits } }
      return all
    }
    #expect(concurrent == sequential)
  }
}
