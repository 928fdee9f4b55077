import Foundation
import Testing

@testable import FundReports

@Suite struct SummaryMetricTests {
  @Test func catalogueNamesAreUniqueAndSnakeCase() {
    let names = MetricDefinition.names
    #expect(Set(names).count == names.count)
    #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } })
    for required in [
      "depletion_probability", "adl_probability", "fund_loss_var_99_9", "fund_loss_es_99_9", "fund_drawdown_var_99",
      "time_to_depletion_p95", "cascade_rounds_p99", "round_cap_hits_mean", "paths",
    ] {
      #expect(MetricDefinition.named(required) != nil, "\(required)")
    }
    #expect(MetricUnit.currency.label(currency: "EUR") == "EUR")
    #expect(MetricUnit.hours.label(currency: "EUR") == "hours")
  }

  @Test func absentValuesEncodeAsNull() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(SummaryMetric(name: "x", value: 1, unit: "paths")), as: UTF8.self)
    #expect(json == #"{"ci_high":null,"ci_low":null,"name":"x","unit":"paths","value":1}"#)
  }
}
