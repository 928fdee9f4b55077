import Foundation
import Testing

@testable import ScenarioFiles

@Suite("ScenarioRecord")
struct ScenarioRecordTests {
  func json(_ record: ScenarioRecord) throws -> [String: Any] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(record)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("every key is present in snake_case, unset optionals as null, no-impact depth as .inf")
  func encoding() throws {
    let scenario = try Fixtures().load(smallScenario)
    let object = try json(scenario.record)
    #expect(
      Set(object.keys)
        == [
          "name", "description", "source", "seed", "horizon", "markets", "jumps", "correlation", "replay", "book",
          "fund", "adl", "simulation",
        ])
    #expect(object["jumps"] is NSNull)
    #expect(object["replay"] is NSNull)
    let fund = try #require(object["fund"] as? [String: Any])
    #expect(fund["fee_cap"] is NSNull)
    #expect(fund["waterfall"] as? String == "market-close")
    #expect(fund["takeover_subsidy"] as? Double == 0.25)
    let markets = try #require(object["markets"] as? [[String: Any]])
    #expect(markets[0]["depth"] as? Double == 3.0e7)
    #expect(markets[1]["depth"] as? String == ".inf")
    #expect(markets[1]["max_leverage"] as? Double == 20)
    let returns = try #require(markets[0]["returns"] as? [String: Any])
    #expect(returns["model"] as? String == "student-t")
    #expect(returns["dof"] as? Double == 4)
    let adl = try #require(object["adl"] as? [String: Any])
    #expect(adl["drawdown_trigger"] is NSNull)
    #expect(adl["drawdown_window_steps"] as? Int == 480)
    let correlation = try #require(object["correlation"] as? [String: Any])
    #expect(correlation["repaired"] as? Bool == false)
    #expect(correlation["matrix"] as? [[Double]] == [[1, 0.8], [0.8, 1]])
    let book = try #require(object["book"] as? [String: Any])
    #expect(book["kind"] as? String == "synthetic")
    #expect(book["positions"] as? Int == 40)
    let synthetic = try #require(book["synthetic"] as? [String: Any])
    #expect(synthetic["positions_per_market"] as? Int == 20)
    #expect((synthetic["leverage"] as? [String: Double])?["max"] == 50)
    let simulation = try #require(object["simulation"] as? [String: Any])
    #expect(simulation["checkpoint_steps"] as? [Int] == Array(0...10))
  }

  @Test("the same scenario encodes to the same bytes")
  func deterministic() throws {
    let fixtures = try Fixtures()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let first = try encoder.encode(fixtures.load(smallScenario).record)
    let second = try encoder.encode(fixtures.load(smallScenario).record)
    #expect(first == second)
  }
}
