import MonteCarlo
import Testing

/// The names of a study partial: kinds from formats, the files an earlier partial may hold.
@Suite struct StudyPartialTests {
  @Test func kindsRoundTripTheirFormatNames() {
    for kind in StudyPartial.Kind.allCases {
      #expect(StudyPartial.Kind(formatName: kind.formatName) == kind)
    }
    #expect(StudyPartial.Kind.run.formatName == RunPartial.formatName)
    #expect(StudyPartial.Kind(formatName: "fundstress-partial-2") == nil)
  }

  @Test func partialFilesAreRecognised() {
    for name in ["partial.json", "fund_needed.json", "point-0.json", "point-12.json"] {
      #expect(StudyPartial.File.isPartialFile(name), "\(name)")
    }
    for name in ["point-.json", "point-01.json", "point--1.json", "point-1.csv", "notes.txt", "point-x.json"] {
      #expect(!StudyPartial.File.isPartialFile(name), "\(name)")
    }
  }
}
