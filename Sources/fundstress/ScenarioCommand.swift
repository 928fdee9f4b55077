import ArgumentParser
import Foundation
import ScenarioFiles

/// `fundstress scenario default | check FILE`.
struct ScenarioCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scenario", abstract: "Print the default scenario or check a scenario file.",
    subcommands: [DefaultScenario.self, CheckScenario.self])

  struct DefaultScenario: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "default", abstract: "Print the embedded default scenario as a commented YAML file to start from.")

    @Option(help: "Print it under a venue preset (see `fundstress venues`).")
    var venue: VenuePresetArgument?

    func run() throws {
      print(venue.map { ScenarioLoader.defaultYAML(venue: $0.preset) } ?? ScenarioLoader.defaultYAML, terminator: "")
    }
  }

  struct CheckScenario: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check", abstract: "Validate a scenario file and summarise its markets, book, fund and correlation.")

    @Argument(help: "The scenario YAML file.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(
      name: .customLong("set"), parsing: .unconditionalSingleValue,
      help: ArgumentHelp("Override a scenario value, as for `run` (repeatable).", valueName: "KEY=VALUE"))
    var overrides: [String] = []

    func run() throws {
      try withOneLineErrors {
        let scenario = try ScenarioLoader.load(
          contentsOf: URL(fileURLWithPath: file), overrides: overrides.map { try ScenarioOverride(parsing: $0) })
        print(ScenarioCheck(scenario).text, terminator: "")
      }
    }
  }
}
