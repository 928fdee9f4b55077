import FundSimulation
import Testing

@testable import FundReports

@Suite struct PathsTableTests {
  @Test func headerStartsWithTheDocumentedColumns() {
    let documented =
      "path,min_fund,final_fund,depleted,depletion_step,liquidations,liquidated_notional,shortfall,adl_events,"
      + "adl_notional,max_cascade_rounds"
    #expect(PathsTable.header.hasPrefix(documented + ","))
    #expect(
      PathsTable.header
        == documented
        + ",bad_debt,fund_inflow,vault_inflow,adl_positions,round_cap_hits,fund_needed,adl_overshoot,adl_haircut,"
        + "backstop_pnl,backstop_takeovers\n")
  }

  @Test func rowsByHand() throws {
    let outcomes = HandRun.outcomes()
    var text = PathsTable.header
    for outcome in outcomes { PathsTable.appendRow(outcome, to: &text) }
    let rows = try CSVParser.table(text, header: PathsTable.columns)
    #expect(
      rows[0] == [
        "0", "1000000.0", "1000000.0", "0", "", "0", "0.0", "0.0", "0", "0.0", "0", "0.0", "0.0", "0.0", "0", "0", "",
        "0.0", "0.0", "0.0", "0",
      ])
    #expect(
      rows[2] == [
        "2", "-50000.0", "-10000.0", "1", "30", "10", "8000000.0", "300000.0", "2", "400000.0", "4", "40000.0", "0.0",
        "0.0", "5", "1", "", "360000.0", "30000.0", "-2500.0", "3",
      ])
    var known = outcomes[2]
    known.fundNeeded = 1_250_000.5
    var row: [UInt8] = []
    PathsTable.appendRow(known, to: &row)
    #expect(String(decoding: row, as: UTF8.self).hasSuffix(",5,1,1250000.5,360000.0,30000.0,-2500.0,3\n"))
  }

  @Test func fractionalValuesRoundTrip() throws {
    var outcome = Fixtures.quiet(path: 12_345)
    outcome.minFund = 999_123.456_789_012_3
    outcome.liquidatedNotional = 0.1 + 0.2
    var bytes: [UInt8] = []
    PathsTable.appendRow(outcome, to: &bytes)
    let fields = try CSVParser.parse(String(decoding: bytes, as: UTF8.self))[0]
    #expect(Double(fields[1]) == outcome.minFund)
    #expect(fields[6] == "0.30000000000000004")
  }

  @Test func stringAndByteBuffersAgree() {
    let outcome = Fixtures.randomOutcomes(count: 5)[4]
    var text = ""
    PathsTable.appendRow(outcome, to: &text)
    var bytes: [UInt8] = []
    PathsTable.appendRow(outcome, to: &bytes)
    #expect(Array(text.utf8) == bytes)
  }
}
