import PricePaths
import RealModule
import Testing

@Suite("PathWorkspace")
struct PathWorkspaceTests {
  // Expected: log-prices are (steps + 1) × markets, row-major, row 0 the log of the initial
  // prices; price = exp(log-price), except at step 0 where it is the scenario's price
  // exactly (the type's doc: exp(log 150) is 149.99999999999997).
  @Test func layoutAndPrices() throws {
    let model = try PathModel(
      markets: Array(PeerUniverse.markets.prefix(3)), correlation: nil, horizon: Horizon(steps: 5, stepSeconds: 60))
    let generator = PathGenerator(model: model, seed: 1)
    let workspace = generator.makeWorkspace()
    #expect(workspace.steps == 5 && workspace.markets == 3)
    generator.generate(path: 0, into: workspace)
    for i in 0..<3 {
      #expect(workspace.logPrice(step: 0, market: i) == Double.log(model.markets[i].price))
      #expect(workspace.price(step: 0, market: i) == model.markets[i].price)
    }
    for t in 0...5 {
      for i in 0..<3 {
        #expect(workspace.logPrice(step: t, market: i) == workspace.logPrices[t * 3 + i])
        if t > 0 { #expect(workspace.price(step: t, market: i) == Double.exp(workspace.logPrices[t * 3 + i])) }
      }
    }
  }

  // Expected: a workspace of another shape is refused by generate's precondition.
  @Test func wrongShapeIsRefused() async {
    await #expect(processExitsWith: .failure) {
      let model = try! PathModel(
        markets: [MarketModel(symbol: "BTC", price: 1, volatility: 1)], correlation: nil,
        horizon: Horizon(steps: 10, stepSeconds: 60))
      PathGenerator(model: model, seed: 1).generate(path: 0, into: PathWorkspace(steps: 9, markets: 1))
    }
  }
}
