import Testing

@testable import ScenarioFiles

@Suite("Suggestion")
struct SuggestionTests {
  @Test("edit distance counts insertions, deletions, substitutions and swaps")
  func editDistance() {
    #expect(Suggestion.editDistance("volatilty", "volatility") == 1)
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    #expect(Suggestion.editDistance("", "abc") == 3)
    #expect(Suggestion.editDistance("same", "same") == 0)
    #expect(Suggestion.editDistance("depht", "depth") == 1)
  }

  @Test("a close candidate is suggested, a far one is not")
  func closest() {
    let keys = ["symbol", "price", "volatility", "drift", "maintenance_margin", "depth"]
    #expect(Suggestion.closest(to: "volatilty", among: keys) == "volatility")
    #expect(Suggestion.closest(to: "depht", among: keys) == "depth")
    #expect(Suggestion.closest(to: "maintenanceMargin", among: keys) == "maintenance_margin")
    #expect(Suggestion.closest(to: "btc", among: ["BTC", "ETH"]) == "BTC")
    #expect(Suggestion.closest(to: "colour", among: keys) == nil)
  }

  @Test("without a close candidate the fix lists them all")
  func fixSentence() {
    #expect(Suggestion.fix(for: "ETX", among: ["BTC", "ETH"], listIntro: "use one of") == "did you mean 'ETH'?")
    #expect(Suggestion.fix(for: "DOGE", among: ["BTC", "ETH"], listIntro: "use one of") == "use one of BTC, ETH")
  }
}
