import Foundation
import Testing

@testable import FundReports
@testable import PricePaths

@Suite struct PriceTableTests {
  @Test func keptStepsIncludeFirstAndLast() {
    #expect(PriceTable.keptSteps(steps: 10, every: 4) == [0, 4, 8, 10])
    #expect(PriceTable.keptSteps(steps: 8, every: 4) == [0, 4, 8])
    #expect(PriceTable.keptSteps(steps: 3, every: 1) == [0, 1, 2, 3])
    #expect(PriceTable.keptSteps(steps: 3, every: 10) == [0, 3])
  }

  @Test func rowsHoldExponentiatedLogPrices() throws {
    let workspace = PathWorkspace(steps: 10, markets: 2)
    // Step 0 prints the exact initial price the generator keeps; later steps exp(log price).
    workspace.initialPrices[0] = 100
    workspace.initialPrices[1] = 2
    for step in 0...10 {
      workspace.logPrices[step * 2] = log(100.0) + 0.01 * Double(step)
      workspace.logPrices[step * 2 + 1] = log(2.0)
    }
    var text = PriceTable.header(symbols: ["BTC", "A,B"])
    PriceTable.appendRows(path: 7, workspace: workspace, every: 4, to: &text)
    let rows = try CSVParser.table(text, header: ["path", "step", "BTC", "A,B"])
    #expect(rows.map { $0[1] } == ["0", "4", "8", "10"])
    #expect(rows.allSatisfy { $0[0] == "7" })
    #expect(rows[0][2...] == ["100.0", "2.0"])
    #expect(Double(rows[3][2])!.isApproximately(100 * exp(0.1), tolerance: 1e-9))
    #expect(Double(rows[2][3])!.isApproximately(2, tolerance: 1e-12))
  }

  @Test func aPriceBeyondDoubleIsFoundAtTheFirstKeptStep() {
    // exp(709.78) is the largest finite double (1.797e308): log-price 710 overflows to inf.
    let workspace = PathWorkspace(steps: 10, markets: 2)
    workspace.initialPrices[0] = 100
    workspace.initialPrices[1] = 2
    for step in 0...10 {
      workspace.logPrices[step * 2] = log(100.0)
      workspace.logPrices[step * 2 + 1] = step >= 3 ? 710 : 709
    }
    #expect(PriceTable.firstNonFinitePrice(workspace: workspace, every: 1)! == (3, 1))
    // Thinned to steps 0, 4, 8, 10: the first kept step that overflows is 4.
    #expect(PriceTable.firstNonFinitePrice(workspace: workspace, every: 4)! == (4, 1))
    for step in 3...10 { workspace.logPrices[step * 2 + 1] = 709.7 }
    #expect(PriceTable.firstNonFinitePrice(workspace: workspace, every: 1) == nil)
  }
}
