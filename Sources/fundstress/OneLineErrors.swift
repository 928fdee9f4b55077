import ArgumentParser
import Foundation
import ScenarioFiles

/// Runs `body`, printing any error other than an exit code as one line on standard error
/// (`fundstress: error: …`) and exiting with status 1.
func withOneLineErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let exit as ExitCode {
    throw exit
  } catch {
    FileHandle.standardError.write(Data(OneLineError.line("\(error)", hint: nil).utf8))
    throw ExitCode.failure
  }
}

/// The one-line form of a command-line error: `fundstress: error: <message>`, with
/// ArgumentParser's pointer to the right `--help` appended for usage errors instead of its
/// multi-line usage block, so scheduled jobs and log scrapers see one line per failure.
enum OneLineError {
  /// `fundstress: error: <message>[ (see '<command> --help')]`, newline-terminated.
  static func line(_ message: String, hint: String?) -> String {
    let text = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }.joined(separator: " ")
    return "fundstress: error: \(text)" + (hint.map { " (see '\($0)')" } ?? "") + "\n"
  }

  /// The `fundstress … --help` command named in ArgumentParser's full message
  /// ("See 'fundstress run --help' for more information."), if there is one.
  static func helpCommand(inFullMessage message: String) -> String? {
    guard let see = message.range(of: "See '"), let end = message[see.upperBound...].firstIndex(of: "'") else {
      return nil
    }
    return String(message[see.upperBound..<end])
  }
}

extension Fundstress {
  /// Parses and runs the command like ArgumentParser's own `main()`, except that an error
  /// is printed as one line (help and `--version` are printed as usual), and a misspelt
  /// command (`fundstress rnu --paths 40`) is named as such rather than reported as an
  /// unknown option of the root command.
  static func main() {
    if let (message, hint) = UnknownCommand.error(in: Array(CommandLine.arguments.dropFirst())) {
      FileHandle.standardError.write(Data(OneLineError.line(message, hint: hint).utf8))
      Foundation.exit(ExitCode.validationFailure.rawValue)
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .success || error is ExitCode { exit(withError: error) }
      let message = message(for: error)
      let hint = code == .validationFailure ? OneLineError.helpCommand(inFullMessage: fullMessage(for: error)) : nil
      FileHandle.standardError.write(Data(OneLineError.line(message, hint: hint).utf8))
      Foundation.exit(code.rawValue)
    }
  }
}

/// A word where a command is expected that names none (`fundstress rnu`, `fundstress
/// scenario chek`): ArgumentParser would report the first option after it as unknown.
enum UnknownCommand {
  /// The message and the `--help` to read when the words leading `arguments` do not name a
  /// command of `Fundstress`, else `nil`.
  ///
  /// The words are followed down the command tree while each names a subcommand; the first
  /// one that does not, where a command with subcommands expects one (`fundstress`,
  /// `fundstress scenario`), is the unknown command. An option (`--help`, `--version`) ends
  /// the walk.
  static func error(
    in arguments: [String], root: ParsableCommand.Type = Fundstress.self
  ) -> (message: String, hint: String)? {
    var command = root
    var path = [root.configuration.commandName ?? "fundstress"]
    for word in arguments {
      let subcommands = command.configuration.subcommands
      guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
      let names = subcommands.compactMap { $0.configuration.commandName }
      if let next = subcommands.first(where: { $0.configuration.commandName == word }) {
        command = next
        path.append(word)
        continue
      }
      if word == "help" { return nil }  // ArgumentParser's own `help` command
      let fix =
        Suggestion.closest(to: word, among: names).map { "did you mean '\($0)'?" }
        ?? "the commands are \(names.joined(separator: ", "))"
      return ("unknown command '\(word)'; \(fix)", (path + ["--help"]).joined(separator: " "))
    }
    return nil
  }
}
