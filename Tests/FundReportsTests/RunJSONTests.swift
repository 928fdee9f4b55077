import Foundation
import Testing

@testable import FundReports

@Suite struct RunJSONTests {
  @Test func documentStructure() throws {
    let summary = HandRun.summary()
    let data = try RunJSON.data(summary, context: Fixtures.context(paths: 4))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(
      Set(object.keys) == ["format", "format_version", "metadata", "summary", "markets", "fund_quantiles", "scenario"])
    #expect(object["format"] as? String == "fundstress-run")
    let metadata = try #require(object["metadata"] as? [String: Any])
    #expect(metadata["seed"] as? Int == 7)
    #expect(metadata["command"] as? [String] == ["fundstress", "run", "--paths", "4", "--out", "my reports/x"])
    #expect(metadata["symbols"] as? [String] == Fixtures.symbols)
    let metrics = try #require(object["summary"] as? [[String: Any]])
    #expect(metrics.map { $0["name"] as? String } == MetricDefinition.names)
    let fundLoss = try #require(metrics.first { $0["name"] as? String == "fund_loss_mean" })
    #expect(fundLoss["value"] as? Double == 272_500)
    let es = try #require(metrics.first { $0["name"] as? String == "fund_loss_es_95" })
    #expect(es["ci_low"] is NSNull)
    let markets = try #require(object["markets"] as? [[String: Any]])
    #expect(markets[1]["adl_share"] as? Double == 1)
    #expect(markets[0]["adl_share"] as? Double == 0)
    let quantiles = try #require(object["fund_quantiles"] as? [[String: Any]])
    #expect(quantiles[4]["p50"] as? Double == 950_000)
    #expect(Set(quantiles[0].keys) == Set(FundQuantileRow.columns))
    let scenario = try #require(object["scenario"] as? [String: String])
    #expect(scenario == ["name": "test", "seed": "7"])
    // Sorted keys, pretty-printed, newline-terminated.
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"format\" : \"fundstress-run\",\n  \"format_version\" : 1,"))
    #expect(text.hasSuffix("}\n"))
  }

  @Test func missingScenarioIsNull() throws {
    var context = Fixtures.context(paths: 1)
    context.resolvedScenario = nil
    let summary = RunSummary(statistics: Fixtures.statistics([Fixtures.quiet(path: 0)]))
    let object = try #require(
      try JSONSerialization.jsonObject(with: RunJSON.data(summary, context: context)) as? [String: Any])
    #expect(object["scenario"] is NSNull)
  }
}
