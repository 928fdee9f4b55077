import PricePaths
import RealModule
import Testing

@Suite("GammaVariate")
struct GammaVariateTests {
  static let n = 200_000

  // Expected: Gamma(k, 1) has mean k and variance k; its central fourth moment is 3k² + 6k,
  // so the sample variance has SE √((μ₄ − σ⁴)/n) = √((2k² + 6k)/n) and the mean SE √(k/n).
  // Tolerance 4 SE. Shape 0.5 exercises the a < 1 branch (Gamma(a+1)·U^(1/a)).
  @Test(arguments: [0.5, 1.0, 2.5, 5.0, 10.0])
  func gammaMeanAndVariance(shape k: Double) {
    var rng = RandomStreams(seed: 11).generator(path: Int(k * 10), purpose: .mixing)
    let draws = (0..<Self.n).map { _ in GammaVariate.next(shape: k, using: &rng) }
    let moments = SampleMoments(draws)
    let n = Double(Self.n)
    #expect(draws.allSatisfy { $0 > 0 && $0.isFinite })
    #expect(abs(moments.mean - k) <= 4 * (k / n).squareRoot(), "mean \(moments.mean)")
    #expect(abs(moments.variance - k) <= 4 * ((2 * k * k + 6 * k) / n).squareRoot(), "variance \(moments.variance)")
  }

  // Expected: χ²_ν = 2·Gamma(ν/2) has mean ν and variance 2ν; its central fourth moment is
  // 12ν² + 48ν, so the variance SE is √((8ν² + 48ν)/n) and the mean SE √(2ν/n). 4 SE.
  @Test(arguments: [3.0, 4.0, 10.0])
  func chiSquareMeanAndVariance(dof nu: Double) {
    var rng = RandomStreams(seed: 12).generator(path: Int(nu), purpose: .mixing)
    let draws = (0..<Self.n).map { _ in GammaVariate.chiSquare(degreesOfFreedom: nu, using: &rng) }
    let moments = SampleMoments(draws)
    let n = Double(Self.n)
    #expect(abs(moments.mean - nu) <= 4 * (2 * nu / n).squareRoot(), "mean \(moments.mean)")
    #expect(
      abs(moments.variance - 2 * nu) <= 4 * ((8 * nu * nu + 48 * nu) / n).squareRoot(),
      "variance \(moments.variance)")
  }

  // Expected: Gamma(1) is Exp(1) and Gamma(1/2) is χ²₁/2, so P(X > 1) = e⁻¹ for shape 1 and
  // P(X > 1/2) = P(Z² > 1) = erfc(1/√2) for shape 1/2: a check of the distribution's shape,
  // not only its first two moments. Tolerance 4 binomial SE.
  @Test func tailProbabilities() {
    var rng = RandomStreams(seed: 13).generator(path: 0, purpose: .mixing)
    var exponential = 0
    for _ in 0..<Self.n where GammaVariate.next(shape: 1, using: &rng) > 1 { exponential += 1 }
    let pExp = Double.exp(-1)
    #expect(abs(Double(exponential) / Double(Self.n) - pExp) <= fourBinomialSE(p: pExp, n: Self.n))
    var half = 0
    for _ in 0..<Self.n where GammaVariate.next(shape: 0.5, using: &rng) > 0.5 { half += 1 }
    let pHalf = Double.erfc(1 / Double.sqrt(2))
    #expect(abs(Double(half) / Double(Self.n) - pHalf) <= fourBinomialSE(p: pHalf, n: Self.n))
  }

  // Expected: a non-positive shape is refused by the precondition.
  @Test func nonPositiveShapeIsRefused() async {
    await #expect(processExitsWith: .failure) {
      var rng = Xoshiro256PlusPlus(seed: 1)
      _ = GammaVariate.next(shape: 0, using: &rng)
    }
  }
}
