import ArgumentParser
import Foundation

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
  /// is printed as one line (help and `--version` are printed as usual).
  static func main() {
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
