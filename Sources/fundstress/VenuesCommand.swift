import ArgumentParser
import ScenarioFiles

/// `fundstress venues`: the venue presets (`venue:` in a scenario) with every parameter's
/// value and source.
struct VenuesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "venues",
    abstract: "List the venue presets (`venue: NAME` in a scenario) with each parameter's value and source.")

  func run() throws {
    for venue in VenuePreset.allCases {
      print(venue.rawValue)
      for parameter in venue.parameters {
        print("  \(parameter.key): \(parameter.value)    # \(parameter.source)")
      }
    }
  }
}

/// A `--venue` value: one of the presets' names.
struct VenuePresetArgument: ExpressibleByArgument {
  let preset: VenuePreset

  init?(argument: String) {
    guard let preset = VenuePreset(rawValue: argument) else { return nil }
    self.preset = preset
  }

  static var allValueStrings: [String] { VenuePreset.allCases.map(\.rawValue) }
}
