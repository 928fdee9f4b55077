import FundSimulation
import Testing

@testable import ScenarioFiles

@Suite("ScenarioInput")
struct ScenarioInputTests {
  @Test("the ADL drawdown window converts hours to whole steps")
  func windowSteps() {
    let adl = ADLInput(ranking: .pnlLeverage, drawdownTrigger: 0.3, drawdownWindowHours: 8)
    #expect(adl.windowSteps(stepSeconds: 60) == 480)
    #expect(adl.windowSteps(stepSeconds: 3600) == 8)
    #expect(adl.windowSteps(stepSeconds: 7 * 3600) == 1)
    #expect(
      adl.policy(stepSeconds: 60) == ADLPolicy(ranking: .pnlLeverage, drawdownTrigger: 0.3, drawdownWindowSteps: 480))
  }

  @Test("defaults match the library defaults they stand for")
  func defaults() {
    let rules = MarketRules(maintenanceMargin: 0.01, depth: 1)
    #expect(rules.resilience == ScenarioDefaults.resilience)
    #expect(rules.permanentImpact == ScenarioDefaults.permanentImpact)
    #expect(rules.maxLeverage == ScenarioDefaults.maxLeverage)
    let fund = FundRules(balance: 1)
    #expect(fund.fundShare == ScenarioDefaults.fundShare)
    #expect(fund.takeoverSubsidy == ScenarioDefaults.takeoverSubsidy)
    #expect(fund.depletionThreshold == ScenarioDefaults.depletionThreshold)
  }
}
