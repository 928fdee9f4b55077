import Foundation
import PricePaths
import Testing

@Suite("ReturnModel")
struct ReturnModelTests {
  // Expected: the accessors as documented: dof of the diffusion, crash loading (0 without
  // jumps) and the scenario names of docs/MODEL.md, "Price paths".
  @Test func accessors() {
    #expect(ReturnModel.gbm.dof == nil)
    #expect(ReturnModel.gbm.jumpBeta == 0)
    #expect(ReturnModel.gbm.name == "gbm")
    #expect(ReturnModel.studentT(dof: 4).dof == 4)
    #expect(ReturnModel.studentT(dof: 4).jumpBeta == 0)
    #expect(ReturnModel.studentT(dof: 4).name == "student-t")
    #expect(ReturnModel.jumps(beta: 1.5, dof: nil).dof == nil)
    #expect(ReturnModel.jumps(beta: 1.5, dof: 5).dof == 5)
    #expect(ReturnModel.jumps(beta: 1.5, dof: nil).jumpBeta == 1.5)
    #expect(ReturnModel.jumps(beta: 1.5, dof: nil).name == "jumps")
  }

  @Test(arguments: [ReturnModel.gbm, .studentT(dof: 3.5), .jumps(beta: 0.8, dof: nil), .jumps(beta: 2, dof: 6)])
  func roundTripsThroughJSON(model: ReturnModel) throws {
    #expect(try JSONDecoder().decode(ReturnModel.self, from: JSONEncoder().encode(model)) == model)
  }
}
