import Testing

@testable import FundReports

@Suite struct RunTablesTests {
  let summary = HandRun.summary()

  @Test func summaryCSVParsesAndRoundTrips() throws {
    let rows = try CSVParser.table(
      RunTables.summaryCSV(summary), header: ["metric", "value", "ci_low", "ci_high", "unit"])
    #expect(rows.map { $0[0] } == MetricDefinition.names)
    for (row, metric) in zip(rows, summary.metrics) {
      #expect(row[1].isEmpty ? metric.value == nil : Double(row[1]) == metric.value)
      #expect(row[2].isEmpty ? metric.ciLow == nil : Double(row[2]) == metric.ciLow)
      #expect(row[3].isEmpty ? metric.ciHigh == nil : Double(row[3]) == metric.ciHigh)
      #expect(row[4] == metric.unit)
    }
    let paths = rows.first { $0[0] == "paths" }!
    #expect(paths == ["paths", "4.0", "", "", "paths"])
  }

  @Test func marketsCSVByHand() throws {
    let rows = try CSVParser.table(RunTables.marketsCSV(summary), header: MarketSummary.columns)
    #expect(rows.map { $0[0] } == ["BTC", "ETH", "SOL"])
    // BTC: 3 liquidations / 4 paths; shortfall 1e5 of 4e5 in all → share 0.25; no ADL.
    #expect(
      rows[0] == ["BTC", "0.75", "500000.0", "25000.0", "0.25", "0.0", "0.0", "0.0", "0.0", "0.0", "0.0", "0.0", "0.5"])
    // ETH carries all ADL: share 1, probability 1/4.
    #expect(rows[1][10] == "1.0")
    #expect(rows[1][11] == "0.25")
    #expect(rows[2][4] == "0.0")
  }

  @Test func sharesAreEmptyWhenNothingHappened() throws {
    let quiet = RunSummary(statistics: Fixtures.statistics([Fixtures.quiet(path: 0)]))
    let rows = try CSVParser.table(RunTables.marketsCSV(quiet), header: MarketSummary.columns)
    #expect(rows.allSatisfy { $0[4] == "" && $0[10] == "" })
  }

  @Test func fundQuantilesCSV() throws {
    let rows = try CSVParser.table(
      RunTables.fundQuantilesCSV(summary),
      header: ["step", "hours", "p01", "p05", "p25", "p50", "p75", "p95", "p99", "mean"])
    #expect(rows.map { $0[0] } == ["0", "15", "30", "45", "60"])
    #expect(rows[1][1] == "0.25")
    #expect(
      rows[0][2...] == [
        "1000000.0", "1000000.0", "1000000.0", "1000000.0", "1000000.0", "1000000.0", "1000000.0", "1000000.0",
      ])
    #expect(rows[4][5] == "950000.0")
    #expect(rows[4][9] == "727500.0")
  }

  @Test func marketNamesWithCommasAreQuoted() throws {
    var statistics = RunStatistics(
      symbols: ["BTC,PERP", "ETH \"x\""], checkpoints: Fixtures.schedule, initialFund: 1, depletionThreshold: 0,
      stepSeconds: 60)
    statistics.add(.init(path: 0, initialFund: 1, markets: 2, checkpoints: Fixtures.schedule.count))
    let rows = try CSVParser.table(
      RunTables.marketsCSV(RunSummary(statistics: statistics)), header: MarketSummary.columns)
    #expect(rows.map { $0[0] } == ["BTC,PERP", "ETH \"x\""])
  }
}
