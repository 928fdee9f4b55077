import Testing

@testable import FundReports

@Suite struct FailConditionTests {
  @Test func parsesAliasesOperatorsAndNumbers() throws {
    #expect(
      try FailCondition(parsing: "depletion>0.01")
        == FailCondition(metric: "depletion_probability", comparison: .greater, threshold: 0.01))
    #expect(
      try FailCondition(parsing: "adl>=0.2")
        == FailCondition(metric: "adl_probability", comparison: .greaterOrEqual, threshold: 0.2))
    #expect(
      try FailCondition(parsing: "fund_loss_var_99>5e6")
        == FailCondition(metric: "fund_loss_var_99", comparison: .greater, threshold: 5e6))
    #expect(
      try FailCondition(parsing: " final_fund_mean <= 1.5E7 ")
        == FailCondition(metric: "final_fund_mean", comparison: .lessOrEqual, threshold: 1.5e7))
    #expect(
      try FailCondition(parsing: "cascade_rounds_max<10")
        == FailCondition(metric: "cascade_rounds_max", comparison: .less, threshold: 10))
    #expect(try FailCondition(parsing: "depletion > 1%").threshold == 0.01)
    #expect(try FailCondition(parsing: "adl>=0.2").description == "adl_probability >= 0.2")
  }

  @Test(arguments: [
    ("", "empty condition"),
    ("depletion", "no comparison"),
    ("depletion=0.1", "unsupported comparison '='"),
    ("depletion==0.1", "unsupported comparison '=='"),
    ("depletion>", "missing threshold"),
    (">0.1", "missing metric"),
    ("depletion>abc", "'abc' is not a number"),
    ("depletion>inf", "'inf' is not a number"),
    ("depletion>0x10", "'0x10' is not a number"),
    ("deplet>0.1", "unknown metric 'deplet'; did you mean depletion"),
    ("fund_loss_var99>1", "did you mean fund_loss_var_99"),
    ("zzzzzzzz>1", "unknown metric 'zzzzzzzz'; see the metric column of summary.csv"),
  ])
  func malformedConditionsGetOneLineErrors(text: String, expected: String) {
    do {
      _ = try FailCondition(parsing: text)
      Issue.record("'\(text)' parsed")
    } catch let error as FailConditionError {
      #expect(error.message.contains(expected), "\(error.message)")
      #expect(error.message.hasPrefix("--fail-if '\(text)': "))
      #expect(!error.message.contains("\n"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func evaluation() throws {
    let summary = HandRun.summary()  // depletion 0.25, fund_loss_mean 272,500
    #expect(try FailCondition(parsing: "depletion>0.2").isBreached(by: summary))
    #expect(try !FailCondition(parsing: "depletion>0.25").isBreached(by: summary))
    #expect(try FailCondition(parsing: "depletion>=0.25").isBreached(by: summary))
    #expect(try FailCondition(parsing: "fund_loss_mean<300000").isBreached(by: summary))
    #expect(try !FailCondition(parsing: "fund_loss_mean<=272499").isBreached(by: summary))
    #expect(
      try FailCondition(parsing: "depletion>0.2").message(for: summary)
        == "depletion_probability = 0.25, condition depletion_probability > 0.2 breached")
  }

  @Test func emptyMetricNeverBreaches() throws {
    let quiet = RunSummary(statistics: Fixtures.statistics([Fixtures.quiet(path: 0)]))
    let condition = try FailCondition(parsing: "time_to_depletion_p50<100")
    #expect(!condition.isBreached(by: quiet))
    #expect(condition.message(for: quiet).contains("has no value"))
  }

  @Test func editDistance() {
    #expect(FailCondition.editDistance("kitten", "sitting") == 3)
    #expect(FailCondition.editDistance("", "abc") == 3)
    #expect(FailCondition.suggestions(for: "adl_prob").first == "adl_probability")
  }
}
