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
        == "depletion_probability = 25.0% (95% CI 4.6–69.9%): 25.0% > 20%, breached")
  }

  /// Wilson interval of 1 depletion in 4 paths, by hand (z = 1.959964, z² = 3.841459):
  /// centre (0.25 + z²/8) / (1 + z²/4) = 0.372467, half-width
  /// z √(0.25 · 0.75 / 4 + z²/64) / (1 + z²/4) = 0.326920, so [0.045547, 0.699387].
  @Test func intervalBoundsRespectTheNoise() throws {
    let summary = HandRun.summary()
    #expect(
      try FailCondition(parsing: "depletion.ci_low>0.01")
        == FailCondition(metric: "depletion_probability", bound: .ciLow, comparison: .greater, threshold: 0.01))
    #expect(try FailCondition(parsing: "adl.ci_high >= 20%").bound == .ciHigh)
    #expect(try FailCondition(parsing: "depletion.value>0.2") == FailCondition(parsing: "depletion>0.2"))
    // The point estimate 25% is above 5%, but the lower bound 4.55% is not.
    #expect(try FailCondition(parsing: "depletion>0.05").isBreached(by: summary))
    #expect(try !FailCondition(parsing: "depletion.ci_low>0.05").isBreached(by: summary))
    #expect(try FailCondition(parsing: "depletion.ci_low>0.045").isBreached(by: summary))
    #expect(try FailCondition(parsing: "depletion.ci_high>0.69").isBreached(by: summary))
    #expect(try !FailCondition(parsing: "depletion.ci_high>0.70").isBreached(by: summary))
    let message = try FailCondition(parsing: "depletion.ci_low>0.04").message(for: summary)
    #expect(message == "depletion_probability = 25.0% (95% CI 4.6–69.9%): ci_low 4.6% > 4%, breached")
    #expect(try FailCondition(parsing: "depletion.ci_low>0.04").description == "depletion_probability.ci_low > 0.04")
  }

  @Test func boundsAreRefusedWhereThereIsNoInterval() {
    for text in ["paths.ci_low>1", "cascade_rounds_max.ci_high>3", "depletion.ci_mid>0.1"] {
      #expect(throws: FailConditionError.self, "\(text)") { try FailCondition(parsing: text) }
    }
    #expect(throws: FailConditionError.self) { try FailCondition(parsing: "depletion.ci_mid>0.1") }
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
