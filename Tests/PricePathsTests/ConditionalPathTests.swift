import PricePaths
import RealModule
import Testing

/// GARCH(1,1) and filtered-historical paths (``PathGenerator`` with ``GARCHParameters`` and
/// ``HistoricalShocks``). Sizes keep the file to a few seconds in a debug build.
@Suite("Conditional paths")
struct ConditionalPathTests {
  static let hour = 3_600.0

  /// Two GARCH-normal markets: α = 0.1, β = 0.8, long-run volatility 0.8 (ω = 0.64 × 0.1),
  /// the first starting at twice the long-run volatility, correlation 0.7.
  static func garchModel(steps: Int, startVolatility: Double = 1.6, dof: Double? = nil) throws -> PathModel {
    let garch = GARCHParameters(omega: 0.064, alpha: 0.1, beta: 0.8, dof: dof)
    return try PathModel(
      markets: [
        MarketModel(symbol: "A", price: 100, volatility: startVolatility, returns: .garch(garch)),
        MarketModel(symbol: "B", price: 50, volatility: 0.8, returns: .garch(garch)),
      ],
      correlation: [[1, 0.7], [0.7, 1]], horizon: Horizon(steps: steps, stepSeconds: Self.hour))
  }

  /// Sample variance and its standard error `√((m₄ − s⁴)/n)` from the data's own fourth
  /// moment (GARCH returns are fat-tailed, so the Gaussian `√(2/n)·s²` would be too tight).
  static func varianceWithSE(_ x: [Double]) -> (variance: Double, se: Double) {
    let n = Double(x.count)
    let mean = x.reduce(0, +) / n
    let d2 = x.map { ($0 - mean) * ($0 - mean) }
    let s2 = d2.reduce(0, +) / n
    let m4 = d2.map { $0 * $0 }.reduce(0, +) / n
    return (s2, ((m4 - s2 * s2) / n).squareRoot())
  }

  // Expected (closed form, Bollerslev 1986): with hₜ₊₁ = ωΔt + (α eₜ² + β) hₜ and
  // E[eₜ²] = 1, E[hₜ] = h̄ + (α + β)^{t−1} (h₁ − h̄), h̄ = ωΔt/(1 − α − β) = 0.64·Δt.
  // Var(rₜ) = E[hₜ] + Var(hₜ)/4 (the −hₜ/2 drift); the second term is below 10⁻⁷ of the
  // first at hourly Δt, far inside the tolerance. Market A starts at h₁ = 1.6²Δt = 4h̄.
  // 4000 paths, 4 SE from the data's fourth moment.
  @Test func varianceTermStructureFollowsTheRecursion() throws {
    let model = try Self.garchModel(steps: 40)
    let generator = PathGenerator(model: model, seed: 2024)
    let workspace = generator.makeWorkspace()
    let checked = [0, 4, 19, 39]
    var samples = [[Double]](repeating: [], count: checked.count)
    var correlationPairs: ([Double], [Double]) = ([], [])
    for p in 0..<4000 {
      generator.generate(path: p, into: workspace)
      let a = stepReturns(workspace, market: 0)
      for (k, t) in checked.enumerated() { samples[k].append(a[t]) }
      correlationPairs.0.append(a[0])
      correlationPairs.1.append(stepReturns(workspace, market: 1)[0])
    }
    let dt = model.horizon.stepYears
    let longRun = 0.64 * dt
    for (k, t) in checked.enumerated() {
      let expected = longRun + Double.pow(0.9, Double(t)) * (4 * longRun - longRun)
      let (variance, se) = Self.varianceWithSE(samples[k])
      #expect(abs(variance - expected) < 4 * se, "step \(t): \(variance) vs \(expected) ± \(4 * se)")
      // The decay is visible: 4h̄ at step 1 against ≈ 1.05h̄ at step 40.
      #expect(4 * se < 0.5 * expected)
    }
    // Step 1's variances are deterministic, so the returns are exactly bivariate normal
    // with correlation 0.7 (constant conditional correlation): SE (1 − ρ²)/√n = 0.0081.
    let rho = sampleCorrelation(correlationPairs.0, correlationPairs.1)
    #expect(abs(rho - 0.7) < 4 * 0.51 / Double(4000).squareRoot())
  }

  // Expected: with α = β = 0 and ω = σ² the recursion keeps hₜ = σ²Δt, so each return is
  // μΔt − σ²Δt/2 + σ√Δt·Xₜ with the same diffusion stream as gbm: the paths agree with the
  // gbm paths of the same seed to rounding (the two multiply in a different order).
  @Test func garchWithoutMemoryIsGBM() throws {
    func model(_ returns: (Double) -> ReturnModel) throws -> PathModel {
      try PathModel(
        markets: [
          MarketModel(symbol: "A", price: 100, volatility: 0.9, drift: 0.3, returns: returns(0.9)),
          MarketModel(symbol: "B", price: 5, volatility: 0.5, drift: -0.1, returns: returns(0.5)),
        ],
        correlation: [[1, -0.4], [-0.4, 1]], horizon: Horizon(steps: 50, stepSeconds: Self.hour))
    }
    let garch = PathGenerator(
      model: try model { .garch(GARCHParameters(omega: $0 * $0, alpha: 0, beta: 0)) }, seed: 9)
    let gbm = PathGenerator(model: try model { _ in .gbm }, seed: 9)
    let a = garch.makeWorkspace()
    let b = gbm.makeWorkspace()
    for p in [0, 3, 11] {
      garch.generate(path: p, into: a)
      gbm.generate(path: p, into: b)
      for t in 0...50 {
        for i in 0..<2 {
          #expect(abs(a.logPrice(step: t, market: i) - b.logPrice(step: t, market: i)) < 1e-12)
        }
      }
    }
  }

  // Expected: a path is keyed by (seed, path) alone, for GARCH-t and historical paths too.
  @Test func pathsAreKeyedBySeedAndPath() throws {
    let historical = try HistoricalShocks(residuals: [[1, -1], [0.5, 2], [-2, 0.1]])
    let fhs = try PathModel(
      markets: Self.garchModel(steps: 30).markets, correlation: nil,
      horizon: Horizon(steps: 30, stepSeconds: Self.hour), historical: historical)
    for model in [try Self.garchModel(steps: 30, dof: 5), fhs] {
      let generator = PathGenerator(model: model, seed: 77)
      let alone = generator.makeWorkspace()
      generator.generate(path: 7, into: alone)
      let reused = generator.makeWorkspace()
      for p in [3, 7, 1] { generator.generate(path: p, into: reused) }
      generator.generate(path: 7, into: reused)
      #expect(logPriceBits(alone) == logPriceBits(reused))
      generator.generate(path: 8, into: reused)
      #expect(logPriceBits(alone) != logPriceBits(reused))
    }
  }

  // Expected: a historical step takes one whole row for every market. With a gbm market
  // (α = β = 0, hₜ = σ²Δt) and a GARCH market, the standardised innovation of each step,
  // recovered by hand from the recursion, is a residual of one row, the same row for both.
  @Test func historicalStepsDrawWholeRows() throws {
    let rows: [[Double]] = [[1.5, -0.25], [-2, 0.75], [0.125, 3], [-0.5, -1]]
    let garch = GARCHParameters(omega: 0.05, alpha: 0.08, beta: 0.9)
    let model = try PathModel(
      markets: [
        MarketModel(symbol: "A", price: 100, volatility: 0.7, drift: 0.2),
        MarketModel(symbol: "B", price: 10, volatility: 1.1, returns: .garch(garch)),
      ],
      correlation: nil, horizon: Horizon(steps: 200, stepSeconds: Self.hour),
      historical: try HistoricalShocks(residuals: rows))
    let generator = PathGenerator(model: model, seed: 5)
    let workspace = generator.makeWorkspace()
    generator.generate(path: 0, into: workspace)
    let dt = model.horizon.stepYears
    let a = stepReturns(workspace, market: 0)
    let b = stepReturns(workspace, market: 1)
    var h = 1.1 * 1.1 * dt
    var counts = [0, 0, 0, 0]
    for t in 0..<200 {
      let za = (a[t] - 0.2 * dt + 0.5 * 0.49 * dt) / (0.49 * dt).squareRoot()
      let zb = (b[t] + 0.5 * h) / h.squareRoot()
      let row = rows.firstIndex { abs($0[0] - za) < 1e-9 }
      #expect(row != nil, "step \(t): \(za) is no row's residual")
      if let row {
        #expect(abs(rows[row][1] - zb) < 1e-9)
        counts[row] += 1
      }
      h = 0.05 * dt + (0.08 * zb * zb + 0.9) * h
    }
    #expect(counts.allSatisfy { $0 > 0 })
  }

  // Expected: the stressed rows are drawn with total probability w = 0.3 (binomial, 4 SE),
  // uniformly among themselves; without a weight each of 4 rows has probability 1/4.
  @Test func stressedRowsHaveTheirWeight() throws {
    let residuals = (0..<10).map { [Double($0)] }
    let stressed = (0..<10).map { $0 == 2 || $0 == 3 }
    let weighted = try HistoricalShocks(residuals: residuals, stressed: stressed, stressedWeight: 0.3)
    let plain = try HistoricalShocks(residuals: residuals)
    var rng = RandomStreams(seed: 1).generator(path: 0, purpose: .historical)
    let n = 40_000
    var stressedDraws = 0
    var rowTwo = 0
    var plainTwo = 0
    for _ in 0..<n {
      let row = weighted.drawRow(using: &rng)
      if row == 2 || row == 3 { stressedDraws += 1 }
      if row == 2 { rowTwo += 1 }
      if plain.drawRow(using: &rng) == 2 { plainTwo += 1 }
    }
    #expect(abs(Double(stressedDraws) / Double(n) - 0.3) < fourBinomialSE(p: 0.3, n: n))
    #expect(abs(Double(rowTwo) / Double(n) - 0.15) < fourBinomialSE(p: 0.15, n: n))
    #expect(abs(Double(plainTwo) / Double(n) - 0.1) < fourBinomialSE(p: 0.1, n: n))
  }

  @Test func badParametersAreRefused() throws {
    let explosive = GARCHParameters(omega: 0.1, alpha: 0.2, beta: 0.85)
    #expect(throws: MarketModelError.garch(market: 0, .persistence(explosive.persistence))) {
      _ = try PathModel(
        markets: [MarketModel(symbol: "A", price: 1, volatility: 0.5, returns: .garch(explosive))],
        correlation: nil, horizon: Horizon(steps: 10, stepSeconds: Self.hour))
    }
    #expect(throws: PathModelError.historicalReturnModel(market: 0, returns: .studentT(dof: 4))) {
      _ = try PathModel(
        markets: [MarketModel(symbol: "A", price: 1, volatility: 0.5, returns: .studentT(dof: 4))],
        correlation: nil, horizon: Horizon(steps: 10, stepSeconds: Self.hour),
        historical: try HistoricalShocks(residuals: [[1], [-1]]))
    }
    #expect(throws: PathModelError.historicalWithReplay) {
      _ = try PathModel(
        markets: [MarketModel(symbol: "A", price: 1, volatility: 0.5)], correlation: nil,
        horizon: Horizon(steps: 10, stepSeconds: Self.hour),
        replay: try ReplayPrices(symbols: ["A"], rows: [[1], [2]]),
        historical: try HistoricalShocks(residuals: [[1], [-1]]))
    }
    #expect(throws: PathModelError.historicalMarkets(history: 2, markets: 1)) {
      _ = try PathModel(
        markets: [MarketModel(symbol: "A", price: 1, volatility: 0.5)], correlation: nil,
        horizon: Horizon(steps: 10, stepSeconds: Self.hour),
        historical: try HistoricalShocks(residuals: [[1, 2], [-1, 0]]))
    }
  }

  // Expected: the initialiser's doc: at least two finite rows of one width, a weight in
  // (0, 1), and a stressed period that leaves rows both inside and outside it.
  @Test func badResidualsAndStressedPeriodsAreRefused() {
    #expect(throws: HistoricalShocksError.tooFewRows(1)) { _ = try HistoricalShocks(residuals: [[1]]) }
    #expect(throws: HistoricalShocksError.row(1)) { _ = try HistoricalShocks(residuals: [[1, 2], [1]]) }
    #expect(throws: HistoricalShocksError.row(2)) { _ = try HistoricalShocks(residuals: [[1], [2], [.nan]]) }
    for weight in [0, 1, -0.5] {
      #expect(throws: HistoricalShocksError.stressedWeight(weight)) {
        _ = try HistoricalShocks(residuals: [[1], [-1], [0]], stressed: [true, false, false], stressedWeight: weight)
      }
    }
    #expect(throws: HistoricalShocksError.stressedCoversNoRow) {
      _ = try HistoricalShocks(residuals: [[1], [-1], [0]], stressed: [false, false, false], stressedWeight: 0.25)
    }
    #expect(throws: HistoricalShocksError.stressedCoversEveryRow) {
      _ = try HistoricalShocks(residuals: [[1], [-1], [0]], stressed: [true, true, true], stressedWeight: 0.25)
    }
  }
}
