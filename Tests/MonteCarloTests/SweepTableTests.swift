import FundReports
import MonteCarlo
import Testing

/// The sweep table: base rows with zero differences when the base is no cell, cell rows
/// compared with the base, and one breach line per cell and condition.
@Suite struct SweepTableTests {
  @Test func baseRowsCellRowsAndBreaches() throws {
    let base = try PairedSample.run(MonteCarloRun(scenario: try TinyScenario.scenario()), paths: 0..<128, threads: 2)
    let poorer = try PairedSample.run(
      MonteCarloRun(scenario: try TinyScenario.scenario([("balance: 300000", "balance: 150000")])), paths: 0..<128,
      threads: 2)
    let plan = SweepPlan(
      keys: ["fund.balance"], values: [["150000"]], cells: [["150000"]], baseCell: nil, points: ["a", "b"])
    var table = SweepTable(
      plan: plan, base: base, currency: "USDC", conditions: [try FailCondition(parsing: "depletion>=0")])
    table.add(cell: 0, poorer)
    let perCell = PairedComparison.metrics.count
    #expect(
      table.rows.map(\.cell) == Array(repeating: "base", count: perCell) + Array(repeating: "0", count: perCell))
    #expect(table.rows.prefix(perCell).allSatisfy { $0.difference.value == 0 || $0.difference.value == nil })
    // A poorer fund depletes at least as often on the same paths (hand: F ≤ needed is
    // monotone in F), and here strictly more often.
    let depletion = try #require(table.rows.first { $0.cell == "0" && $0.metric == "depletion_probability" })
    #expect((depletion.difference.value ?? 0) > 0)
    #expect(table.breaches.count == 1 && table.breaches[0].hasPrefix("cell 0 (fund.balance=150000): "))
    #expect(plan.pointCount == 2 && plan.basePoint == 0 && plan.point(ofCell: 0) == 1)
  }
}
