import Testing

@testable import FundReports

@Suite struct ReportContextTests {
  @Test func shellCommandQuotesOnlyWhatNeedsIt() {
    var context = Fixtures.context(paths: 1)
    context.commandLine = ["fundstress", "run", "--fail-if", "depletion>0.01", "--out", "it's here", "--seed=7", ""]
    #expect(context.shellCommand == "fundstress run --fail-if 'depletion>0.01' --out 'it'\\''s here' --seed=7 ''")
  }
}
